package dev.mixdojo.exercise;

import dev.mixdojo.dsp.ProcessorSettings;
import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.eq.EqSettings;
import dev.mixdojo.dsp.eq.FilterType;
import dev.mixdojo.dsp.spatial.WidthSettings;
import dev.mixdojo.dsp.time.ReverbSettings;
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
        List<ProcessorSettings> stages(double s) {
            return List.of(filter(FilterType.HIGH_PASS, corner(20, 300, s), 24), EqSettings.peak(2500, 4 * s, 1),
                    filter(FilterType.LOW_PASS, corner(20000, 8000, s), 12), WidthSettings.of(1 - s));
        }
    },
    /** Unsealed earbuds: the low end leaks away below ~150 Hz, bright upper mids, hard-panned parts right at the ears. */
    EARBUDS("Earbuds") {
        @Override
        List<ProcessorSettings> stages(double s) {
            return List.of(filter(FilterType.HIGH_PASS, corner(20, 60, s), 12), shelf(FilterType.LOW_SHELF, 150, -6 * s),
                    EqSettings.peak(4000, 3 * s, 1.5), WidthSettings.of(1 + 0.3 * s));
        }
    },
    /** A car: cabin gain lifts the lows below ~70 Hz, seats and off-axis tweeters dull the highs, an off-centre seat narrows the image. */
    CAR("Car") {
        @Override
        List<ProcessorSettings> stages(double s) {
            return List.of(shelf(FilterType.LOW_SHELF, 70, 8 * s), shelf(FilterType.HIGH_SHELF, 6000, -5 * s),
                    WidthSettings.of(1 - 0.4 * s));
        }
    },
    /** A club: subwoofers lift the sub-bass, highs fall with distance, the room adds reverb, the system runs mono. */
    CLUB("Club") {
        @Override
        List<ProcessorSettings> stages(double s) {
            return List.of(filter(FilterType.HIGH_PASS, corner(20, 30, s), 12), shelf(FilterType.LOW_SHELF, 60, 6 * s),
                    shelf(FilterType.HIGH_SHELF, 8000, -3 * s), ReverbSettings.of(1.0, 15, 0.5, 0.8, 0.12 * s),
                    WidthSettings.of(1 - s));
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

    /** The system's chain at this strength (0…1). */
    public ChainDescription chainAt(double strength) {
        return new ChainDescription(stages(strength));
    }

    /** The system's processors, in order, at this strength (0…1). */
    abstract List<ProcessorSettings> stages(double strength);

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

    private static EqSettings filter(FilterType type, double hz, int slopeDbPerOct) {
        return EqSettings.filter(type, Param.of(hz), 0.7071, slopeDbPerOct);
    }

    private static EqSettings shelf(FilterType type, double hz, double gainDb) {
        return EqSettings.shelf(type, hz, gainDb, 0.7071);
    }
}
