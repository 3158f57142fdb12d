/** Equalisers: matched-response biquad designs (Vicanek 2016), Butterworth cascades and the parametric EQ. */
package dev.mixdojo.dsp.eq;
