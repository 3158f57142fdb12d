package dev.mixdojo.exercise;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.yaml.MapReader;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.base.yaml.YamlNode;
import dev.mixdojo.dsp.chain.ChainReader;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.lesson.LessonLibrary;
import dev.mixdojo.lesson.MaterialRef;
import dev.mixdojo.material.BandEnergy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Every question kind MixDojo can ask, by the name lesson files use. The thresholds behind the
 * defaults are in RESEARCH.md: boosts are easier than cuts, octave bands before third-octave
 * bands, and a fair question never asks about a band the material has no energy in.
 */
public final class QuestionKinds {
    /** A band counts as carrying the material when its energy is at most this far below the total (dB). */
    static final double FAIR_BAND_DB = -30;

    private final Map<String, QuestionKind> byName = new LinkedHashMap<>();

    /** The built-in kinds. */
    public QuestionKinds() {
        for (QuestionKind kind : List.of(eqBand(), eqDirection(), eqGain(), eqFilter(), panPosition())) {
            byName.put(kind.name(), kind);
        }
    }

    /** The kind with this name. */
    public Optional<QuestionKind> kind(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** All kinds in a stable order. */
    public List<QuestionKind> all() {
        return List.copyOf(byName.values());
    }

    /** The checks a lesson library runs on drills: the kind exists and accepts its options; the material exists. */
    public LessonLibrary.DrillChecks checks(ExerciseAudio audio) {
        return new LessonLibrary.DrillChecks() {
            @Override
            public void check(DrillSpec drill, Problems problems) {
                Optional<QuestionKind> kind = kind(drill.kind());
                if (kind.isEmpty()) {
                    problems.add(drill.location(), "unknown drill kind '" + drill.kind() + "'; known kinds: "
                            + String.join(", ", byName.keySet()));
                    return;
                }
                kind.get().checkOptions(drill, problems);
            }

            @Override
            public boolean materialExists(MaterialRef material) {
                return audio.exists(material);
            }

            @Override
            public void checkChain(YamlNode chain, Problems problems) {
                try {
                    ChainReader.parse(YamlNode.toJson(chain));
                } catch (BadInputException e) {
                    problems.add(chain.location(), e.getMessage());
                }
            }
        };
    }

    // ---- EQ ----

    /** Which band was boosted (or cut)? The level is the size of the change in dB. */
    static QuestionKind eqBand() {
        return new ChangeKind("eq-band", "eq.frequency", "size of the boost or cut in dB", (options, level, random, energy) -> {
            boolean third = options.oneOf("bands", List.of("octave", "third")).orElse("octave").equals("third");
            boolean cut = direction(options, random);
            double q = options.number("q", 0.5, 10, third ? 4.3 : 1.4);
            List<Double> centres = bandCentres(third, options.number("lowHz", 30, 16000, 63),
                    options.number("highHz", 30, 16000, 8000));
            double truthHz = fairBand(centres, energy, random);
            List<AnswerForm.Option> choices = centres.stream()
                    .map(f -> new AnswerForm.Option(Quantity.FREQUENCY.format(f), f)).toList();
            double gainDb = (cut ? -1 : 1) * level;
            return new ChangeKind.Plan(truthHz, Quantity.FREQUENCY.format(truthHz), peak(truthHz, gainDb, q), Optional.empty(),
                    "Which " + (third ? "third-octave" : "octave") + " band was " + (cut ? "cut" : "boosted") + "?",
                    new AnswerForm.Choice(choices),
                    new Grading.ByValue(new NumericGrading(Quantity.FREQUENCY, third ? 1.0 / 6 : 0.5, 2, false)), true);
        });
    }

    /** Was it a boost or a cut? The level is the size of the change in dB. */
    static QuestionKind eqDirection() {
        return new ChangeKind("eq-direction", "eq.direction", "size of the boost or cut in dB", (options, level, random, energy) -> {
            double q = options.number("q", 0.5, 10, 1.4);
            double frequencyHz = fairBand(bandCentres(false, options.number("lowHz", 30, 16000, 125),
                    options.number("highHz", 30, 16000, 8000)), energy, random);
            boolean cut = random.nextBoolean();
            String truth = cut ? "Cut" : "Boost";
            return new ChangeKind.Plan(cut ? -1 : 1, truth, peak(frequencyHz, (cut ? -1 : 1) * level, q), Optional.empty(),
                    "Was the processed version boosted or cut (at " + Quantity.FREQUENCY.format(frequencyHz) + ")?",
                    new AnswerForm.Choice(List.of(new AnswerForm.Option("Boost", 1), new AnswerForm.Option("Cut", -1))),
                    new Grading.ByLabel(), true);
        });
    }

    /** How many dB was the boost or cut? The level is the tolerance in dB for a right answer. */
    static QuestionKind eqGain() {
        return new ChangeKind("eq-gain", "eq.gain", "tolerance in dB", (options, level, random, energy) -> {
            boolean cut = direction(options, random);
            double smallestDb = options.number("smallestDb", 1, 15, 3);
            double largestDb = options.number("largestDb", 1, 15, 12);
            if (smallestDb > largestDb) {
                throw new IllegalArgumentException("smallestDb must not exceed largestDb");
            }
            double frequencyHz = fairBand(bandCentres(false, 125, 8000), energy, random);
            double sizeDb = Math.round(smallestDb + random.nextDouble() * (largestDb - smallestDb));
            double gainDb = (cut ? -1 : 1) * sizeDb;
            return new ChangeKind.Plan(gainDb, Quantity.GAIN_DB.format(gainDb), peak(frequencyHz, gainDb, 1.4), Optional.empty(),
                    "How many dB was " + Quantity.FREQUENCY.format(frequencyHz) + " " + (cut ? "cut" : "boosted") + "?",
                    new AnswerForm.Value(Quantity.GAIN_DB, -15, 15, false),
                    new Grading.ByValue(new NumericGrading(Quantity.GAIN_DB, level, level + 6, true)), true);
        });
    }

    /** Where is the high-pass (or low-pass) filter's cutoff? The level is the tolerance in octaves. */
    static QuestionKind eqFilter() {
        return new ChangeKind("eq-filter", "eq.cutoff", "tolerance in octaves", (options, level, random, energy) -> {
            boolean lowPass = options.oneOf("type", List.of("highpass", "lowpass")).orElse("highpass").equals("lowpass");
            double lowHz = options.number("lowHz", 20, 20000, lowPass ? 1000 : 40);
            double highHz = options.number("highHz", 20, 20000, lowPass ? 12000 : 800);
            if (lowHz >= highHz) {
                throw new IllegalArgumentException("lowHz must be below highHz");
            }
            int slope = (int) options.number("slopeDbPerOct", 12, 48, 24);
            double cutoffHz = Math.round(lowHz * Math.pow(highHz / lowHz, random.nextDouble()));
            String chain = String.format(Locale.ROOT,
                    "[{\"eq\": {\"type\": \"%s\", \"frequencyHz\": %s, \"q\": 0.7071, \"slopeDbPerOct\": %d}}]",
                    lowPass ? "lowpass" : "highpass", cutoffHz, slope);
            return new ChangeKind.Plan(cutoffHz, Quantity.FREQUENCY.format(cutoffHz), chain, Optional.empty(),
                    "Where is the " + (lowPass ? "low-pass" : "high-pass") + " filter's cutoff?",
                    new AnswerForm.Value(Quantity.FREQUENCY, 20, 20000, true),
                    new Grading.ByValue(new NumericGrading(Quantity.FREQUENCY, level, level + 1.5, false)), true);
        });
    }

    // ---- Panning ----

    /** Where is the sound panned? The level is the tolerance in % of the way to one side. */
    static QuestionKind panPosition() {
        return new ChangeKind("pan-position", "pan.position", "tolerance in % of the way to one side",
                (options, level, random, energy) -> {
                    double widest = options.number("widest", 0.1, 1, 1);
                    int steps = 10;
                    double position = Math.round((random.nextDouble() * 2 - 1) * widest * steps) / (double) steps;
                    String chain = String.format(Locale.ROOT,
                            "[{\"pan\": {\"position\": %s, \"law\": \"constant-power\"}}]", position);
                    return new ChangeKind.Plan(position, Quantity.PAN.format(position), chain, Optional.of(PAN_CENTRE),
                            "Where is the processed version panned? (The original is in the centre.)",
                            new AnswerForm.Value(Quantity.PAN, -1, 1, false),
                            new Grading.ByValue(new NumericGrading(Quantity.PAN, level, level + 40, true)), true);
                });
    }

    /** The reference for pan questions: the same source, mono, in the centre. */
    private static final String PAN_CENTRE = "[{\"pan\": {\"position\": 0, \"law\": \"constant-power\"}}]";

    // ---- shared ----

    /** ISO 266 nominal third-octave centres (Hz); every third one, from 31.5 Hz, is an octave centre. */
    static final List<Double> THIRD_OCTAVE_CENTRES_HZ = List.of(31.5, 40.0, 50.0, 63.0, 80.0, 100.0, 125.0, 160.0,
            200.0, 250.0, 315.0, 400.0, 500.0, 630.0, 800.0, 1000.0, 1250.0, 1600.0, 2000.0, 2500.0, 3150.0, 4000.0,
            5000.0, 6300.0, 8000.0, 10000.0, 12500.0, 16000.0);

    /** Octave (or third-octave) band centres from lowHz to highHz, as engineers name them. */
    static List<Double> bandCentres(boolean third, double lowHz, double highHz) {
        List<Double> centres = IntStream.range(0, THIRD_OCTAVE_CENTRES_HZ.size())
                .filter(i -> third || i % 3 == 0)
                .mapToObj(THIRD_OCTAVE_CENTRES_HZ::get)
                .filter(f -> f >= lowHz * 0.99 && f <= highHz * 1.01)
                .toList();
        if (centres.size() < 2) {
            throw new IllegalArgumentException("lowHz to highHz must span at least two bands");
        }
        return centres;
    }

    /** A band the excerpt carries energy in, chosen at random; refuses the question when there is none. */
    static double fairBand(List<Double> centres, List<Double> bandEnergyDb, SplittableRandom random) {
        List<Double> fair = centres.stream().filter(f -> carries(bandEnergyDb, f)).toList();
        if (fair.isEmpty()) {
            throw new BadInputException("the material has no energy in the bands this drill asks about ("
                    + Quantity.FREQUENCY.format(centres.get(0)) + " to " + Quantity.FREQUENCY.format(centres.get(centres.size() - 1))
                    + "); choose other material or other bands");
        }
        return fair.get(random.nextInt(fair.size()));
    }

    /** Whether the excerpt has energy at this frequency's octave (always, when not known yet). */
    static boolean carries(List<Double> bandEnergyDb, double frequencyHz) {
        if (bandEnergyDb.isEmpty()) {
            return true;
        }
        int nearest = 0;
        for (int i = 1; i < BandEnergy.CENTRES_HZ.size(); i++) {
            if (Math.abs(Math.log(BandEnergy.CENTRES_HZ.get(i) / frequencyHz))
                    < Math.abs(Math.log(BandEnergy.CENTRES_HZ.get(nearest) / frequencyHz))) {
                nearest = i;
            }
        }
        return bandEnergyDb.get(nearest) >= FAIR_BAND_DB;
    }

    private static boolean direction(MapReader options, SplittableRandom random) {
        String direction = options.oneOf("direction", List.of("boost", "cut", "either")).orElse("boost");
        return direction.equals("cut") || direction.equals("either") && random.nextBoolean();
    }

    private static String peak(double frequencyHz, double gainDb, double q) {
        return String.format(Locale.ROOT,
                "[{\"eq\": {\"type\": \"peak\", \"frequencyHz\": %s, \"gainDb\": %s, \"q\": %s}}]", frequencyHz, gainDb, q);
    }
}
