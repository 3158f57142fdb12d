package dev.mixdojo.material;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A song's tempo and bar lines: for an imported song what {@link BeatTracker} found, whether a
 * listener may feel half or double that, the learner's choice, and where a bar starts; for a
 * built-in song the tempo its description gives, with a bar starting at 0 ({@link #known}).
 * Songs are taken as four beats to the bar. Immutable.
 *
 * @param foundBpm  the tempo found, in beats per minute
 * @param doubt     whether the found tempo may be twice or half the felt one
 * @param choice    what the learner said about it (or {@link Choice#FOUND} before they did)
 * @param downbeatS where a bar starts, in seconds (the first one, 0 ≤ downbeatS)
 */
public record SongTempo(double foundBpm, Beats.Doubt doubt, Choice choice, double downbeatS) {
    /** Beats in a bar. */
    public static final int BEATS_PER_BAR = 4;

    /** Checks the tempo. */
    public SongTempo {
        if (!(foundBpm >= 20 && foundBpm <= 400) || !(downbeatS >= 0)) {
            throw new IllegalArgumentException("impossible tempo: " + foundBpm + " BPM, downbeat at " + downbeatS + " s");
        }
    }

    /** What the learner made of the found tempo: kept it, halved it or doubled it (or not said yet). */
    public enum Choice {
        /** As found, not confirmed yet. */
        FOUND("found", 1),
        /** As found, confirmed by the learner. */
        KEPT("kept", 1),
        /** Half the found tempo. */
        HALVED("halved", 0.5),
        /** Twice the found tempo. */
        DOUBLED("doubled", 2);

        private final String word;
        private final double factor;

        Choice(String word, double factor) {
            this.word = word;
            this.factor = factor;
        }

        /** The word in material.yaml and on the command line. */
        public String word() {
            return word;
        }

        /** The choices' words, in order. */
        public static List<String> words() {
            return Arrays.stream(values()).map(Choice::word).toList();
        }

        /** The choice with this word. */
        public static Choice byWord(String word) {
            return Arrays.stream(values()).filter(c -> c.word.equals(word)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no tempo choice '" + word + "'"));
        }
    }

    /** A tempo known for certain ({@code bpm}, a bar starting at 0 s): a built-in song's, from its description. */
    public static SongTempo known(double bpm) {
        return new SongTempo(bpm, Beats.Doubt.NONE, Choice.KEPT, 0);
    }

    /** The tempo drills use, in beats per minute: the found one as the learner chose. */
    public double bpm() {
        return foundBpm * choice.factor;
    }

    /** The length of a bar in seconds. */
    public double barS() {
        return BEATS_PER_BAR * beatS();
    }

    /** This tempo with the learner's choice. */
    public SongTempo choosing(Choice chosen) {
        return new SongTempo(foundBpm, doubt, chosen, downbeatS);
    }

    /** The length of a beat in seconds. */
    public double beatS() {
        return 60 / bpm();
    }

    /** This tempo with its bar lines seen from {@code startS} on (a stretch of the song starting there): the downbeat moves. */
    public SongTempo from(double startS) {
        double shiftedS = ((downbeatS - startS) % barS() + barS()) % barS();
        return new SongTempo(foundBpm, doubt, choice, shiftedS);
    }

    /** The beats (seconds, ascending) from {@code fromS} to {@code toS}, both included: every beat through the downbeat. */
    public List<Double> beatsS(double fromS, double toS) {
        List<Double> beats = new ArrayList<>();
        for (long k = (long) Math.ceil((fromS - downbeatS) / beatS()); downbeatS + k * beatS() <= toS; k++) {
            beats.add(downbeatS + k * beatS());
        }
        return beats;
    }

    /** The nearest bar line (a downbeat) to {@code timeS}, not before 0. */
    public double nearestBarS(double timeS) {
        double bars = Math.round((timeS - downbeatS) / barS());
        double bar = downbeatS + bars * barS();
        return bar < 0 ? bar + barS() : bar;
    }

    /** The tempo and how it came about, e.g. "104.0 BPM (found)" or "52.0 BPM (halved; found 104.0)". */
    public String describe() {
        return String.format(Locale.ROOT, "%.1f BPM (%s)", bpm(), choice == Choice.FOUND ? "found"
                : String.format(Locale.ROOT, "%s; found %.1f", choice.word(), foundBpm));
    }

    /** The question the importer asks when the tempo is in doubt, or an empty string. */
    public String doubtSentence() {
        return switch (doubt) {
            case NONE -> "";
            case MAYBE_DOUBLE -> String.format(Locale.ROOT, "It may be %.1f BPM: beat trackers often count a slow or"
                    + " swung song in eighth notes.", foundBpm / 2);
            case MAYBE_HALF -> String.format(Locale.ROOT, "It may be %.1f BPM: a fast song is often felt in half"
                    + " notes by a beat tracker.", foundBpm * 2);
        };
    }
}
