package dev.mixdojo.exercise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Question kinds about translation: how a mix sounds on the systems listeners use. Each system is a
 * simulated playback chain in the chain vocabulary; the curves and their sources are in
 * docs/decisions/translation-systems.md.
 */
final class TranslationKinds {
    private TranslationKinds() {
    }

    /** The kinds of this area, in the order lessons list them. */
    static List<QuestionKind> all() {
        return List.of(whichSystem());
    }

    /**
     * A simulated playback system. Every chain scales with a strength from 0 (no change) to 1 (the
     * full simulation): gains multiply by it, filter corners move from the edge of hearing towards
     * their place on a log scale, and the stereo width moves from 1 towards its value.
     */
    enum PlaybackSystem {
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

        private final String label;

        PlaybackSystem(String label) {
            this.label = label;
        }

        /** The name the learner chooses. */
        String label() {
            return label;
        }

        /** The system's chain at this strength (0…1). */
        String chain(double strength) {
            return "[" + String.join(", ", stages(strength)) + "]";
        }

        abstract List<String> stages(double strength);

        /** A corner moved from {@code edgeHz} (no effect) to {@code hz} on a log scale by the strength. */
        static double corner(double edgeHz, double hz, double strength) {
            return Math.round(edgeHz * Math.pow(hz / edgeHz, strength));
        }

        static String filter(String type, double hz, int slope) {
            return String.format(Locale.ROOT, "{\"eq\": {\"type\": \"%s\", \"frequencyHz\": %s, \"q\": 0.7071, \"slopeDbPerOct\": %d}}",
                    type, hz, slope);
        }

        static String shelf(String type, double hz, double gainDb) {
            return String.format(Locale.ROOT, "{\"eq\": {\"type\": \"%s\", \"frequencyHz\": %s, \"gainDb\": %s, \"q\": 0.7071}}",
                    type, hz, gainDb);
        }

        static String peak(double hz, double gainDb, double q) {
            return String.format(Locale.ROOT, "{\"eq\": {\"type\": \"peak\", \"frequencyHz\": %s, \"gainDb\": %s, \"q\": %s}}", hz, gainDb, q);
        }

        static String width(double amount) {
            return String.format(Locale.ROOT, "{\"width\": {\"amount\": %s}}", amount);
        }
    }

    /**
     * Which system is this mix playing on? The original is the mix as it left the studio; the
     * processed version is the mix through one system's chain, loudness-matched (a phone is not
     * recognised by being quiet). The level is the strength of the simulation (1: the full system).
     */
    static QuestionKind whichSystem() {
        return new ChangeKind("translation-system", "translation.system", "strength of the simulation (1 = the full system)",
                (options, level, random, excerpt) -> {
                    List<String> names = options.textList("systems");
                    List<PlaybackSystem> systems = new ArrayList<>();
                    for (String name : names.isEmpty() ? List.of("phone", "earbuds", "car", "club") : names) {
                        systems.add(Arrays.stream(PlaybackSystem.values())
                                .filter(system -> system.name().toLowerCase(Locale.ROOT).equals(name)).findFirst()
                                .orElseThrow(() -> new IllegalArgumentException("systems must be among phone, earbuds, car and club, got '"
                                        + name + "'")));
                    }
                    if (systems.size() < 2 || systems.stream().distinct().count() != systems.size()) {
                        throw new IllegalArgumentException("systems must name at least two different systems");
                    }
                    if (!(level > 0 && level <= 1)) {
                        throw new IllegalArgumentException("the strength must be above 0 and at most 1");
                    }
                    PlaybackSystem truth = systems.get(random.nextInt(systems.size()));
                    List<AnswerForm.Option> choices = systems.stream()
                            .map(system -> new AnswerForm.Option(system.label(), system.ordinal())).toList();
                    return new ChangeKind.Plan(truth.ordinal(), truth.label(), truth.chain(level), Optional.empty(),
                            "Which system is the processed version playing on? (The original is the studio mix.)",
                            new AnswerForm.Choice(choices), new Grading.ByLabel(), true)
                            .hearingAnswersAs(ordinal -> PlaybackSystem.values()[(int) ordinal].chain(level));
                });
    }
}
