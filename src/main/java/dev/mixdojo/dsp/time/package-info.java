/** Time-based effects: feedback delay (ms or note values, ping-pong) and a feedback-delay-network reverb. */
package dev.mixdojo.dsp.time;
