package dev.mixdojo.exercise;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.yaml.MapReader;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.base.yaml.YamlNode;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.chain.ChainReader;
import dev.mixdojo.dsp.chain.ChainWriter;
import dev.mixdojo.dsp.dynamics.DynamicsSettings;
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
import java.util.function.Predicate;
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
        for (QuestionKind kind : List.of(eqBand(), eqDirection(), eqGain(), eqFilter(), panPosition(),
                compressionDetect(), compressionAmount(), compressionAttack(), reverbDecay(), delayTime(),
                saturationHarmonics())) {
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
        return checks(audio::exists);
    }

    /**
     * The same checks except that any material counts as existing: enough to show the curriculum
     * and progress, where a missing song only matters once its drill runs (and checking it may
     * render songs).
     */
    public LessonLibrary.DrillChecks checksWithoutMaterial() {
        return checks(material -> true);
    }

    private LessonLibrary.DrillChecks checks(Predicate<MaterialRef> materialExists) {
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
                return materialExists.test(material);
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
        return new ChangeKind("eq-band", "eq.frequency", "size of the boost or cut in dB", (options, level, random, excerpt) -> {
            boolean third = options.oneOf("bands", List.of("octave", "third")).orElse("octave").equals("third");
            boolean cut = direction(options, random);
            double q = options.number("q", 0.5, 10, third ? 4.3 : 1.4);
            List<Double> centres = bandCentres(third, options.number("lowHz", 30, 16000, 63),
                    options.number("highHz", 30, 16000, 8000));
            double truthHz = fairBand(centres, excerpt.bandEnergyDb(), random);
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
        return new ChangeKind("eq-direction", "eq.direction", "size of the boost or cut in dB", (options, level, random, excerpt) -> {
            double q = options.number("q", 0.5, 10, 1.4);
            double frequencyHz = fairBand(bandCentres(false, options.number("lowHz", 30, 16000, 125),
                    options.number("highHz", 30, 16000, 8000)), excerpt.bandEnergyDb(), random);
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
        return new ChangeKind("eq-gain", "eq.gain", "tolerance in dB", (options, level, random, excerpt) -> {
            boolean cut = direction(options, random);
            double smallestDb = options.number("smallestDb", 1, 15, 3);
            double largestDb = options.number("largestDb", 1, 15, 12);
            if (smallestDb > largestDb) {
                throw new IllegalArgumentException("smallestDb must not exceed largestDb");
            }
            double frequencyHz = fairBand(bandCentres(false, 125, 8000), excerpt.bandEnergyDb(), random);
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
        return new ChangeKind("eq-filter", "eq.cutoff", "tolerance in octaves", (options, level, random, excerpt) -> {
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
                (options, level, random, excerpt) -> {
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

    // ---- Compression ----

    /**
     * Is the processed version compressed at all? Half the questions have no compressor (an empty
     * chain). The level is the gain reduction on the hits in dB ({@link GainReduction}).
     */
    static QuestionKind compressionDetect() {
        return new ChangeKind("compression-detect", "compression.detect", "gain reduction on the hits in dB",
                (options, level, random, excerpt) -> {
                    Compressor compressor = Compressor.read(options, 5);
                    boolean compressed = random.nextBoolean();
                    String chain = compressed ? compressor.chainReducing(excerpt, level) : "[]";
                    return new ChangeKind.Plan(compressed ? 1 : 0, compressed ? "Yes" : "No", chain, Optional.empty(),
                            "Is the processed version compressed? (Both versions are equally loud.)",
                            new AnswerForm.Choice(List.of(new AnswerForm.Option("Yes", 1), new AnswerForm.Option("No", 0))),
                            new Grading.ByLabel(), true);
                });
    }

    /**
     * How many dB of gain reduction does the compressor apply on the hits ({@link GainReduction})? The
     * level is the tolerance in dB.
     */
    static QuestionKind compressionAmount() {
        return new ChangeKind("compression-amount", "compression.amount", "tolerance in dB", (options, level, random, excerpt) -> {
            Compressor compressor = Compressor.read(options, 5);
            double smallestDb = options.number("smallestDb", 1, 20, 2);
            double largestDb = options.number("largestDb", 1, 20, 12);
            if (smallestDb > largestDb) {
                throw new IllegalArgumentException("smallestDb must not exceed largestDb");
            }
            double targetDb = Math.round(2 * (smallestDb + random.nextDouble() * (largestDb - smallestDb))) / 2.0;
            DynamicsSettings settings = compressor.reducing(excerpt, targetDb);
            double truthDb = excerpt.audio().map(audio -> GainReduction.onHitsDb(audio, settings)).orElse(targetDb);
            return new ChangeKind.Plan(truthDb, Quantity.AMOUNT_DB.format(truthDb), chain(settings), Optional.empty(),
                    "How many dB of gain reduction does the compressor apply on the hits? (Both versions are equally loud.)",
                    new AnswerForm.Value(Quantity.AMOUNT_DB, 0, 20, false),
                    new Grading.ByValue(new NumericGrading(Quantity.AMOUNT_DB, level, level + 6, false)), true);
        });
    }

    /**
     * Was the compressor's attack fast or slow? Both attacks sit a factor of √level either side of
     * {@code middleAttackMs} at the same threshold and ratio, so the level is the ratio between the
     * two attack times (30 at the default 5.5 ms: about 1 ms against 30 ms).
     */
    static QuestionKind compressionAttack() {
        return new ChangeKind("compression-attack", "compression.attack", "ratio between the slow and the fast attack time",
                (options, level, random, excerpt) -> {
                    double middleMs = options.number("middleAttackMs", 0.5, 50, Math.sqrt(30));
                    Compressor compressor = Compressor.withoutAttack(options, middleMs);
                    double gainReductionDb = options.number("gainReductionDb", 2, 20, 10);
                    if (level < 1.5) {
                        throw new IllegalArgumentException("the attack times must differ by a factor of at least 1.5");
                    }
                    double fastMs = round2(middleMs / Math.sqrt(level));
                    double slowMs = round2(middleMs * Math.sqrt(level));
                    if (fastMs < 0.1 || slowMs > 300) {
                        throw new IllegalArgumentException("the attack times must stay between 0.1 and 300 ms; "
                                + "lower the easiest level or move middleAttackMs");
                    }
                    double thresholdDb = compressor.thresholdReducing(excerpt, gainReductionDb);
                    boolean fast = random.nextBoolean();
                    double attackMs = fast ? fastMs : slowMs;
                    String label = fast ? "Fast" : "Slow";
                    return new ChangeKind.Plan(attackMs, label, chain(compressor.withAttack(attackMs).at(thresholdDb)),
                            Optional.empty(),
                            "Was the compressor's attack fast (" + Quantity.TIME_MS.format(fastMs) + ") or slow ("
                                    + Quantity.TIME_MS.format(slowMs) + ")?",
                            new AnswerForm.Choice(List.of(new AnswerForm.Option("Fast", fastMs),
                                    new AnswerForm.Option("Slow", slowMs))),
                            new Grading.ByLabel(), true);
                });
    }

    /** The compressor a drill's options describe, all but its threshold (peak detector, hard knee, no make-up). */
    private record Compressor(double ratio, double attackMs, double releaseMs) {
        /** Ratio, attack and release from the options. */
        static Compressor read(MapReader options, double defaultAttackMs) {
            return withoutAttack(options, defaultAttackMs).withAttack(options.number("attackMs", 0.1, 300, defaultAttackMs));
        }

        /** Ratio and release from the options; the attack is the kind's to decide. */
        static Compressor withoutAttack(MapReader options, double attackMs) {
            return new Compressor(options.number("ratio", 1.5, 20, 4), attackMs, options.number("releaseMs", 10, 2000, 150));
        }

        Compressor withAttack(double newAttackMs) {
            return new Compressor(ratio, newAttackMs, releaseMs);
        }

        DynamicsSettings at(double thresholdDb) {
            return DynamicsSettings.compressor(thresholdDb, ratio, 0, attackMs, releaseMs, 0);
        }

        /** The threshold giving this gain reduction on the excerpt's hits (a placeholder when only checking options). */
        double thresholdReducing(ChangeKind.Excerpt excerpt, double gainReductionDb) {
            return excerpt.audio().map(audio -> GainReduction.thresholdFor(audio, gainReductionDb, this::at)).orElse(-20.0);
        }

        DynamicsSettings reducing(ChangeKind.Excerpt excerpt, double gainReductionDb) {
            return at(thresholdReducing(excerpt, gainReductionDb));
        }

        String chainReducing(ChangeKind.Excerpt excerpt, double gainReductionDb) {
            return chain(reducing(excerpt, gainReductionDb));
        }
    }

    // ---- Reverb, delay and saturation ----

    /**
     * How long is the reverb's decay (RT60)? The choices are {@code shortestS} times powers of the
     * level, so the level is the ratio between neighbouring choices (2: 0.5, 1, 2, 4 s).
     */
    static QuestionKind reverbDecay() {
        return new ChangeKind("reverb-decay", "reverb.decay", "ratio between neighbouring decay times",
                (options, level, random, excerpt) -> {
                    double shortestS = options.number("shortestS", 0.1, 5, 0.5);
                    int count = (int) options.number("choices", 2, 6, 4);
                    double mix = options.number("mix", 0.05, 1, 0.3);
                    double predelayMs = options.number("predelayMs", 0, 200, 10);
                    if (level <= 1.05) {
                        throw new IllegalArgumentException("neighbouring decay times must differ by more than 5 %");
                    }
                    List<AnswerForm.Option> choices = new ArrayList<>();
                    for (int k = 0; k < count; k++) {
                        double decayS = round2(shortestS * Math.pow(level, k));
                        choices.add(new AnswerForm.Option(Quantity.DECAY_S.format(decayS), decayS));
                    }
                    if (choices.get(count - 1).value() > 20) {
                        throw new IllegalArgumentException("the longest decay would exceed 20 s; lower shortestS, choices or the easiest level");
                    }
                    AnswerForm.Option truth = choices.get(random.nextInt(count));
                    String chain = String.format(Locale.ROOT,
                            "[{\"reverb\": {\"decayS\": %s, \"predelayMs\": %s, \"damping\": 0.3, \"size\": 0.5, \"mix\": %s}}]",
                            truth.value(), predelayMs, mix);
                    double halfStepOctaves = Math.log(level) / Math.log(2) / 2;
                    return new ChangeKind.Plan(truth.value(), truth.label(), chain, Optional.empty(),
                            "How long is the reverb's decay?", new AnswerForm.Choice(choices),
                            new Grading.ByValue(new NumericGrading(Quantity.DECAY_S, halfStepOctaves, 4 * halfStepOctaves, false)),
                            true);
                });
    }

    /**
     * How long is the delay (one repeat)? The choices are {@code shortestMs} plus multiples of the
     * level, so the level is the spacing between choices in ms.
     */
    static QuestionKind delayTime() {
        return new ChangeKind("delay-time", "delay.time", "spacing between the choices in ms", (options, level, random, excerpt) -> {
            double shortestMs = options.number("shortestMs", 20, 2000, 100);
            int count = (int) options.number("choices", 2, 8, 4);
            double mix = options.number("mix", 0.1, 0.9, 0.4);
            if (level < 1) {
                throw new IllegalArgumentException("the choices must be at least 1 ms apart");
            }
            List<AnswerForm.Option> choices = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                double timeMs = Math.round(shortestMs + k * level);
                choices.add(new AnswerForm.Option(Quantity.TIME_MS.format(timeMs), timeMs));
            }
            if (choices.get(count - 1).value() > 4000) {
                throw new IllegalArgumentException("the longest delay would exceed 4000 ms; lower shortestMs, choices or the easiest level");
            }
            AnswerForm.Option truth = choices.get(random.nextInt(count));
            String chain = String.format(Locale.ROOT, "[{\"delay\": {\"timeMs\": %s, \"feedback\": 0, \"mix\": %s}}]",
                    truth.value(), mix);
            return new ChangeKind.Plan(truth.value(), truth.label(), chain, Optional.empty(),
                    "How long is the delay before the repeat?", new AnswerForm.Choice(choices),
                    new Grading.ByValue(new NumericGrading(Quantity.TIME_MS, level / 2, 2 * level, false)), true);
        });
    }

    /**
     * Is the saturation symmetric (tanh: odd harmonics only, tape-like) or asymmetric (biased tanh:
     * even harmonics too, tube-like)? The level is the drive in dB.
     */
    static QuestionKind saturationHarmonics() {
        return new ChangeKind("saturation-harmonics", "saturation.harmonics", "drive in dB", (options, level, random, excerpt) -> {
            if (level < 0 || level > 48) {
                throw new IllegalArgumentException("the drive must be between 0 and 48 dB");
            }
            boolean even = random.nextBoolean();
            String chain = String.format(Locale.ROOT, "[{\"saturation\": {\"type\": \"%s\", \"driveDb\": %s, \"mix\": 1}}]",
                    even ? "asymmetric" : "tanh", level);
            return new ChangeKind.Plan(even ? 2 : 3, even ? "Even" : "Odd", chain, Optional.empty(),
                    "Does the saturation add even harmonics (asymmetric, tube-like) or only odd ones (symmetric, tape-like)?",
                    new AnswerForm.Choice(List.of(new AnswerForm.Option("Even", 2), new AnswerForm.Option("Odd", 3))),
                    new Grading.ByLabel(), true);
        });
    }

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

    private static String chain(DynamicsSettings settings) {
        return ChainWriter.write(new ChainDescription(List.of(settings)));
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String peak(double frequencyHz, double gainDb, double q) {
        return String.format(Locale.ROOT,
                "[{\"eq\": {\"type\": \"peak\", \"frequencyHz\": %s, \"gainDb\": %s, \"q\": %s}}]", frequencyHz, gainDb, q);
    }
}
