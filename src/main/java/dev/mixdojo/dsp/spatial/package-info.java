/** Level and space: gain, polarity, mono-to-stereo panner, stereo balance and mid/side width. */
package dev.mixdojo.dsp.spatial;
