package dev.mixdojo.exercise;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A simulated playback system, for the translation drills and the translation check of a mix; the
 * curves and their sources are in docs/decisions/translation-systems.md. Every chain scales with a
 * strength from 0 (no change) to 1 (the full simulation): gains multiply by it, filter corners move
 * from the edge of hearing towards their place on a log scale, and the stereo width moves from 1
 * towards its value.
 */
public enum PlaybackSystem {
    /** A phone's own speaker: nothing below ~300 Hz, forward mids, no air above ~8 kHz, one speaker (mono). */
    PHONE("Phone") {
        @Override
        List<String> stages(double s) {
            return List.of(filter("highpass", corner(20, 300, s), 24), peak(2500, 4 * s, 1), filter("lowpass", corner(20000, 8000, s), 12),
                    width(1 - s));
        }
    },
    /** Unsealed earbuds: the low end leaks away below ~150 Hz, bright upper mids, hard-panned parts right at the ears. */
    EARBUDS("Earbuds") {
        @Override
        List<String> stages(double s) {
            return List.of(filter("highpass", corner(20, 60, s), 12), shelf("lowshelf", 150, -6 * s), peak(4000, 3 * s, 1.5),
                    width(1 + 0.3 * s));
        }
    },
    /** A car: cabin gain lifts the lows below ~70 Hz, seats and off-axis tweeters dull the highs, an off-centre seat narrows the image. */
    CAR("Car") {
        @Override
        List<String> stages(double s) {
            return List.of(shelf("lowshelf", 70, 8 * s), shelf("highshelf", 6000, -5 * s), width(1 - 0.4 * s));
        }
    },
    /** A club: subwoofers lift the sub-bass, highs fall with distance, the room adds reverb, the system runs mono. */
    CLUB("Club") {
        @Override
        List<String> stages(double s) {
            return List.of(filter("highpass", corner(20, 30, s), 12), shelf("lowshelf", 60, 6 * s),
                    shelf("highshelf", 8000, -3 * s),
                    String.format(Locale.ROOT, "{\"reverb\": {\"decayS\": 1.0, \"predelayMs\": 15, \"damping\": 0.5, \"size\": 0.8, \"mix\": %s}}",
                            0.12 * s),
                    width(1 - s));
        }
    };

    /** The systems' {@link #word}s, for sentences that list them: "phone, earbuds, car and club". */
    public static String names() {
        List<String> words = Arrays.stream(values()).map(PlaybackSystem::word).toList();
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    private final String label;

    PlaybackSystem(String label) {
        this.label = label;
    }

    /** The name the learner chooses. */
    public String label() {
        return label;
    }

    /** The system's chain, in the chain vocabulary, at this strength (0…1). */
    public String chain(double strength) {
        return "[" + String.join(", ", stages(strength)) + "]";
    }

    abstract List<String> stages(double strength);

    /** The lower-case name, as lessons and the command line give it: {@code phone}, {@code earbuds}, {@code car}, {@code club}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The system with this {@link #word}, if any. */
    public static Optional<PlaybackSystem> named(String word) {
        return Arrays.stream(values()).filter(system -> system.word().equals(word)).findFirst();
    }

    /** A corner moved from {@code edgeHz} (no effect) to {@code hz} on a log scale by the strength. */
    private static double corner(double edgeHz, double hz, double strength) {
        return Math.round(edgeHz * Math.pow(hz / edgeHz, strength));
    }

    private static String filter(String type, double hz, int slope) {
        return String.format(Locale.ROOT, "{\"eq\": {\"type\": \"%s\", \"frequencyHz\": %s, \"q\": 0.7071, \"slopeDbPerOct\": %d}}",
                type, hz, slope);
    }

    private static String shelf(String type, double hz, double gainDb) {
        return String.format(Locale.ROOT, "{\"eq\": {\"type\": \"%s\", \"frequencyHz\": %s, \"gainDb\": %s, \"q\": 0.7071}}",
                type, hz, gainDb);
    }

    private static String peak(double hz, double gainDb, double q) {
        return String.format(Locale.ROOT, "{\"eq\": {\"type\": \"peak\", \"frequencyHz\": %s, \"gainDb\": %s, \"q\": %s}}", hz, gainDb, q);
    }

    private static String width(double amount) {
        return String.format(Locale.ROOT, "{\"width\": {\"amount\": %s}}", amount);
    }
}

