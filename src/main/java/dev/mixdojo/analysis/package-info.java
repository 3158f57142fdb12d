/** Measurements of audio: loudness, spectrum, dynamics, stereo, technical QC. Pure functions returning immutable records. */
package dev.mixdojo.analysis;
