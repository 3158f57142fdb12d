package dev.mixdojo.mix;

import java.util.Collections;
import java.util.List;

/**
 * What the meters of a live mix read at one moment: each track's strip (in session order), each group bus's, the master,
 * and the playhead they belong to. Levels are dBFS, −∞ for silence. Immutable.
 *
 * @param tracks          each track's meter, in the session's order, then each group bus's
 * @param master          the master's meter (what is heard: the mix, or the target while it plays)
 * @param positionFrames  the playhead after the block the readings end with
 */
public record MixMeters(List<Channel> tracks, Master master, long positionFrames) {
    /** Copies the list. */
    public MixMeters {
        tracks = List.copyOf(tracks);
    }

    /**
     * One strip's meter, post-fader and post-pan (what the track adds to the mix).
     *
     * @param peakDb           the peak reading (falls 20 dB in 1.5 s)
     * @param rmsDb            the RMS reading of both channels (300 ms)
     * @param gainReductionDb  the compressor's gain reduction in the last block, dB ≥ 0 (0 without a compressor)
     */
    public record Channel(double peakDb, double rmsDb, double gainReductionDb) {
        /** A meter at rest. */
        public static final Channel SILENT = new Channel(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, 0);
    }

    /**
     * The master's meter.
     *
     * @param peakLeftDb     the left channel's peak reading
     * @param peakRightDb    the right channel's peak reading
     * @param rmsDb          the RMS reading of both channels (300 ms)
     * @param momentaryLufs  loudness over the last 400 ms (BS.1770, ungated); −∞ at rest
     * @param shortTermLufs  loudness over the last 3 s; −∞ at rest
     */
    public record Master(double peakLeftDb, double peakRightDb, double rmsDb, double momentaryLufs, double shortTermLufs) {
        /** A meter at rest. */
        public static final Master SILENT = new Master(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    /** Every meter at rest for {@code trackCount} tracks, at the start. */
    public static MixMeters silent(int trackCount) {
        return new MixMeters(Collections.nCopies(trackCount, Channel.SILENT), Master.SILENT, 0);
    }
}
