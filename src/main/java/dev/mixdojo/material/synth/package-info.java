/**
 * Synthesis primitives and instruments for the built-in songs: oscillators, envelopes, synthesis
 * filters and one class per instrument. These make sound; they are not mix processors (those live
 * in {@code dev.mixdojo.dsp}). Everything here is deterministic: tables built with
 * {@link java.lang.StrictMath}, randomness only from seeded {@link java.util.SplittableRandom}s.
 */
package dev.mixdojo.material.synth;
