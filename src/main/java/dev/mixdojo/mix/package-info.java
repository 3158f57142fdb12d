/**
 * Mix sessions: stems with channel strips, played live by {@link dev.mixdojo.mix.LiveMix} (strips, buses and
 * master block by block on the audio thread, changes through a lock-free queue, meters as snapshots) and
 * bounced offline by the same engine for scoring.
 */
package dev.mixdojo.mix;
