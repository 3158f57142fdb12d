/** Parameter automation: breakpoint envelopes and the smoothed per-sample parameter track processors read. */
package dev.mixdojo.dsp.automation;
