package dev.mixdojo.ui.mixer;

/**
 * Where a fader's knob sits for a gain: travel 0 (bottom) … 1 (top) against dB. The top 60 % of the
 * travel spans −12…+12 dB, where mixes are balanced, so a pixel there moves little; the bottom 40 %
 * spans {@link TrackModel#FADER_MIN_DB}…−12 dB. Linear in dB within each part, continuous at the knee.
 */
final class FaderTaper {
    /** The gain at the knee, in dB. */
    static final double KNEE_DB = -12;
    /** The travel at the knee. */
    static final double KNEE_TRAVEL = 0.4;

    private FaderTaper() {
    }

    /** The gain in dB at {@code travel} (clamped to 0…1). */
    static double db(double travel) {
        double t = Math.max(0, Math.min(1, travel));
        if (t >= KNEE_TRAVEL) {
            return KNEE_DB + (t - KNEE_TRAVEL) / (1 - KNEE_TRAVEL) * (TrackModel.FADER_MAX_DB - KNEE_DB);
        }
        return TrackModel.FADER_MIN_DB + t / KNEE_TRAVEL * (KNEE_DB - TrackModel.FADER_MIN_DB);
    }

    /** The travel at {@code db} (clamped to the fader's range). */
    static double travel(double db) {
        double d = Math.max(TrackModel.FADER_MIN_DB, Math.min(TrackModel.FADER_MAX_DB, db));
        if (d >= KNEE_DB) {
            return KNEE_TRAVEL + (d - KNEE_DB) / (TrackModel.FADER_MAX_DB - KNEE_DB) * (1 - KNEE_TRAVEL);
        }
        return (d - TrackModel.FADER_MIN_DB) / (KNEE_DB - TrackModel.FADER_MIN_DB) * KNEE_TRAVEL;
    }

    /** dB per unit of travel around 0 dB (divide by the track's length in pixels for dB per pixel). */
    static double dbPerTravelNearZero() {
        return (TrackModel.FADER_MAX_DB - KNEE_DB) / (1 - KNEE_TRAVEL);
    }
}
