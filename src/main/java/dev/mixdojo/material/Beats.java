package dev.mixdojo.material;

import java.util.List;

/**
 * The beat of a piece of music as {@link BeatTracker} found it: the tempo in quarter notes per
 * minute from a straight line fitted to the beat times, where that line puts the first beat, the
 * onsets (seconds, in order) and whether the tempo may be twice or half the one a listener taps.
 *
 * @param tempoBpm   beats per minute, from the fitted line's slope
 * @param firstBeatS where the fitted line puts beat 0, in seconds (0 ≤ firstBeatS < one beat)
 * @param onsetsS    the onsets found, in seconds, ascending
 * @param doubt      whether a listener may hear half or double this tempo
 */
public record Beats(double tempoBpm, double firstBeatS, List<Double> onsetsS, Doubt doubt) {

    /** Copies the onsets and checks the tempo. */
    public Beats {
        if (!(tempoBpm > 0) || !Double.isFinite(tempoBpm) || firstBeatS < 0) {
            throw new IllegalArgumentException("impossible beat: " + tempoBpm + " BPM from " + firstBeatS + " s");
        }
        onsetsS = List.copyOf(onsetsS);
    }

    /** How sure the tempo's metrical level is (beat trackers often lock to twice or half the felt beat). */
    public enum Doubt {
        /** The tempo lies where songs' felt beats usually do. */
        NONE,
        /** Fast: the felt beat may be half this tempo (a slow or swung song tracked in eighth notes). */
        MAYBE_DOUBLE,
        /** Slow: the felt beat may be twice this tempo. */
        MAYBE_HALF
    }

    /** Seconds per beat. */
    public double beatS() {
        return 60 / tempoBpm;
    }
}
