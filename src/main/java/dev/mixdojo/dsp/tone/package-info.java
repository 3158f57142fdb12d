/** Tone: oversampled saturation (tanh, soft clip, asymmetric). */
package dev.mixdojo.dsp.tone;
