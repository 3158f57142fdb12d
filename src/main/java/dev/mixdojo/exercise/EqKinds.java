package dev.mixdojo.exercise;

import dev.mixdojo.base.Scale;
import dev.mixdojo.base.yaml.MapReader;
import dev.mixdojo.dsp.ProcessorSettings;
import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.eq.EqSettings;
import dev.mixdojo.dsp.eq.FilterType;
import dev.mixdojo.exercise.NumericGrading.Sign;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;

/**
 * Question kinds about EQ: which band, boost or cut, how many dB, where the filter cuts, wide or
 * narrow, shelf or bell, which two bands, and matching an EQ by ear.
 */
final class EqKinds {
    private EqKinds() {
    }

    /** The kinds of this area, in the order lessons list them. */
    static List<QuestionKind> all() {
        return List.of(eqBand(), eqDirection(), eqGain(), eqFilter(), eqQ(), eqShape(), eqTwoBands(), eqMatch());
    }

    /** Which band was boosted (or cut)? The level is the size of the change in dB. */
    static QuestionKind eqBand() {
        return new ChangeKind("eq-band", "eq.frequency", "size of the boost or cut in dB", (options, level, random, excerpt) -> {
            boolean third = options.oneOf("bands", List.of("octave", "third")).orElse("octave").equals("third");
            boolean cut = direction(options, random);
            double q = options.number("q", 0.5, 10, third ? 4.3 : 1.4);
            List<Double> centres = FairBands.bandCentres(third, options.number("lowHz", 30, 16000, 63),
                    options.number("highHz", 30, 16000, 8000));
            double truthHz = FairBands.fairBand(centres, excerpt, random);
            List<AnswerForm.Option> choices = centres.stream()
                    .map(f -> new AnswerForm.Option(Quantity.FREQUENCY.format(f), f)).toList();
            double gainDb = (cut ? -1 : 1) * level;
            return new ChangeKind.Hidden(peak(truthHz, gainDb, q), truthHz, Quantity.FREQUENCY.format(truthHz))
                    .asking("Which " + (third ? "third-octave" : "octave") + " band was " + (cut ? "cut" : "boosted") + "?",
                            new AnswerForm.Choice(choices),
                            new Grading.ByValue(new NumericGrading(Quantity.FREQUENCY, third ? 1.0 / 6 : 0.5, 2, Sign.IGNORED)))
                    .hearingAnswersAs(answerHz -> peak(answerHz, gainDb, q));
        });
    }

    /** Was it a boost or a cut? The level is the size of the change in dB. */
    static QuestionKind eqDirection() {
        return new ChangeKind("eq-direction", "eq.direction", "size of the boost or cut in dB", (options, level, random, excerpt) -> {
            double q = options.number("q", 0.5, 10, 1.4);
            double frequencyHz = FairBands.fairBand(FairBands.bandCentres(false, options.number("lowHz", 30, 16000, 125),
                    options.number("highHz", 30, 16000, 8000)), excerpt, random);
            boolean cut = random.nextBoolean();
            String truth = cut ? "Cut" : "Boost";
            return new ChangeKind.Hidden(peak(frequencyHz, (cut ? -1 : 1) * level, q), cut ? -1 : 1, truth)
                    .asking("Was the processed version boosted or cut (at " + Quantity.FREQUENCY.format(frequencyHz) + ")?",
                            new AnswerForm.Choice(List.of(new AnswerForm.Option("Boost", 1), new AnswerForm.Option("Cut", -1))),
                            new Grading.ByLabel());
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
            double frequencyHz = FairBands.fairBand(FairBands.bandCentres(false, 125, 8000), excerpt, random);
            double sizeDb = Math.round(smallestDb + random.nextDouble() * (largestDb - smallestDb));
            double gainDb = (cut ? -1 : 1) * sizeDb;
            return new ChangeKind.Hidden(peak(frequencyHz, gainDb, 1.4), gainDb, Quantity.GAIN_DB.format(gainDb))
                    .asking("How many dB was " + Quantity.FREQUENCY.format(frequencyHz) + " " + (cut ? "cut" : "boosted") + "?",
                            new AnswerForm.Value(Quantity.GAIN_DB, -15, 15, Scale.LINEAR),
                            new Grading.ByValue(new NumericGrading(Quantity.GAIN_DB, level, level + 6, Sign.MATTERS)))
                    .hearingAnswersAs(answerDb -> peak(frequencyHz, answerDb, 1.4));
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
            DoubleFunction<ChainDescription> filterAt = frequencyHz -> ChainDescription.of(
                    EqSettings.filter(lowPass ? FilterType.LOW_PASS : FilterType.HIGH_PASS, Param.of(frequencyHz), 0.7071, slope));
            return new ChangeKind.Hidden(filterAt.apply(cutoffHz), cutoffHz, Quantity.FREQUENCY.format(cutoffHz))
                    .asking("Where is the " + (lowPass ? "low-pass" : "high-pass") + " filter's cutoff?",
                            new AnswerForm.Value(Quantity.FREQUENCY, 20, 20000, Scale.LOGARITHMIC),
                            new Grading.ByValue(new NumericGrading(Quantity.FREQUENCY, level, level + 1.5, Sign.IGNORED)))
                    .hearingAnswersAs(filterAt);
        });
    }

    /**
     * Was the boost (or cut) wide or narrow? Both Qs sit a factor of √level either side of
     * {@code middleQ} at the same frequency and gain, so the level is the ratio between the narrow
     * and the wide Q (8 at the default Q 2: Q 0.7, about two octaves, against Q 5.7, a quarter octave).
     */
    static QuestionKind eqQ() {
        return new ChangeKind("eq-q", "eq.q", "ratio between the narrow and the wide Q", (options, level, random, excerpt) -> {
            double middleQ = options.number("middleQ", 0.5, 8, 2);
            double sizeDb = options.number("gainDb", 3, 18, 9);
            boolean cut = direction(options, random);
            double frequencyHz = FairBands.fairBand(FairBands.bandCentres(false, options.number("lowHz", 30, 16000, 125),
                    options.number("highHz", 30, 16000, 4000)), excerpt, random);
            if (level < 1.5) {
                throw new IllegalArgumentException("the two Qs must differ by a factor of at least 1.5");
            }
            double wideQ = Rounding.toHundredths(middleQ / Math.sqrt(level));
            double narrowQ = Rounding.toHundredths(middleQ * Math.sqrt(level));
            if (wideQ < 0.2 || narrowQ > 16) {
                throw new IllegalArgumentException("the Qs must stay between 0.2 and 16; lower the easiest level or move middleQ");
            }
            boolean narrow = random.nextBoolean();
            double gainDb = (cut ? -1 : 1) * sizeDb;
            double q = narrow ? narrowQ : wideQ;
            return new ChangeKind.Hidden(peak(frequencyHz, gainDb, q), q, narrow ? "Narrow" : "Wide")
                    .asking("Was the " + (cut ? "cut" : "boost") + " at " + Quantity.FREQUENCY.format(frequencyHz) + " wide ("
                            + Quantity.Q_FACTOR.format(wideQ) + ") or narrow (" + Quantity.Q_FACTOR.format(narrowQ) + ")?",
                            new AnswerForm.Choice(List.of(new AnswerForm.Option("Wide", wideQ), new AnswerForm.Option("Narrow", narrowQ))),
                            new Grading.ByLabel())
                    .hearingAnswersAs(answerQ -> peak(frequencyHz, gainDb, answerQ));
        });
    }

    /** Corners offered for low shelves (Hz): low enough that the shelf's plateau is bass, high enough to hear below it. */
    static final List<Double> LOW_SHELF_CORNERS_HZ = List.of(125.0, 250.0, 500.0);
    /** Corners offered for high shelves (Hz), with at least an octave and a half of audio above the highest. */
    static final List<Double> HIGH_SHELF_CORNERS_HZ = List.of(1000.0, 2000.0, 4000.0);
    /** The bell's Q in shelf-or-bell questions: one octave wide (RBJ bandwidth at half gain). */
    static final double BELL_Q = 1.41;

    /**
     * Was it a shelf or a bell? The shelf's corner and the bell's centre are the same frequency,
     * named in the prompt; the level is the size of the boost or cut in dB.
     */
    static QuestionKind eqShape() {
        return new ChangeKind("eq-shape", "eq.shape", "size of the boost or cut in dB", (options, level, random, excerpt) -> {
            String side = options.oneOf("side", List.of("low", "high", "either")).orElse("either");
            boolean cut = direction(options, random);
            if (level < 1 || level > 18) {
                throw new IllegalArgumentException("the boost or cut must be between 1 and 18 dB");
            }
            boolean high = side.equals("high") || side.equals("either") && random.nextBoolean();
            double frequencyHz = FairBands.fairBand(high ? HIGH_SHELF_CORNERS_HZ : LOW_SHELF_CORNERS_HZ, excerpt, random);
            boolean shelf = random.nextBoolean();
            double gainDb = (cut ? -1 : 1) * level;
            String shelfLabel = high ? "High shelf" : "Low shelf";
            DoubleFunction<ChainDescription> shaped = isShelf -> isShelf == 1
                    ? ChainDescription.of(EqSettings.shelf(high ? FilterType.HIGH_SHELF : FilterType.LOW_SHELF, frequencyHz, gainDb,
                            0.7071))
                    : peak(frequencyHz, gainDb, BELL_Q);
            return new ChangeKind.Hidden(shaped.apply(shelf ? 1 : 0), shelf ? 1 : 0, shelf ? shelfLabel : "Bell")
                    .asking("Was the " + (cut ? "cut" : "boost") + " at " + Quantity.FREQUENCY.format(frequencyHz) + " a "
                            + shelfLabel.toLowerCase(Locale.ROOT) + " (everything " + (high ? "above" : "below")
                            + " it) or a bell (only around it)?",
                            new AnswerForm.Choice(List.of(new AnswerForm.Option(shelfLabel, 1), new AnswerForm.Option("Bell", 0))),
                            new Grading.ByLabel())
                    .hearingAnswersAs(shaped);
        });
    }

    /**
     * Which two octave bands were boosted (or cut), both by the same amount? Answered by dialling two
     * frequencies ({@code firstHz}, {@code secondHz}, in either order); each is right within half an
     * octave, the question when both are. The level is the size of each change in dB.
     */
    static QuestionKind eqTwoBands() {
        return new ChangeKind("eq-two-bands", "eq.two-bands", "size of each boost or cut in dB", (options, level, random, excerpt) -> {
            boolean cut = direction(options, random);
            double q = options.number("q", 0.5, 10, 1.4);
            double apartOctaves = options.number("minApartOctaves", 1, 5, 2);
            List<Double> centres = FairBands.bandCentres(false, options.number("lowHz", 30, 16000, 63),
                    options.number("highHz", 30, 16000, 8000));
            if (Math.log(centres.get(centres.size() - 1) / centres.get(0)) / Math.log(2) < apartOctaves - 0.01) {
                throw new IllegalArgumentException("lowHz to highHz must hold two bands minApartOctaves apart");
            }
            List<Double> fair = centres.stream().filter(f -> FairBands.carries(excerpt.bandEnergyDb(), f)).toList();
            List<double[]> pairs = new ArrayList<>();
            for (int i = 0; i < fair.size(); i++) {
                for (int j = i + 1; j < fair.size(); j++) {
                    if (Math.log(fair.get(j) / fair.get(i)) / Math.log(2) >= apartOctaves - 0.01) {
                        pairs.add(new double[] {fair.get(i), fair.get(j)});
                    }
                }
            }
            if (pairs.isEmpty()) {
                throw FairBands.noEnergy(centres);
            }
            double[] truthHz = pairs.get(random.nextInt(pairs.size()));
            double gainDb = (cut ? -1 : 1) * level;
            AnswerForm.Settings form = new AnswerForm.Settings(List.of(
                    new AnswerForm.Setting("firstHz", Quantity.FREQUENCY, 20, 20000, Scale.LOGARITHMIC),
                    new AnswerForm.Setting("secondHz", Quantity.FREQUENCY, 20, 20000, Scale.LOGARITHMIC)));
            NumericGrading each = new NumericGrading(Quantity.FREQUENCY, 0.5, 2, Sign.IGNORED);
            Grading.Grader grader = answer -> {
                Map<String, Double> said = form.valuesOf(answer);
                double[] saidHz = {said.get("firstHz"), said.get("secondHz")};
                Arrays.sort(saidHz);
                return twoBandGrade(truthHz, saidHz, each);
            };
            String label = bandPairLabel(truthHz[0], truthHz[1]);
            return new ChangeKind.Hidden(peaks(List.of(truthHz[0], truthHz[1]), gainDb, q), truthHz[0], label)
                    .asking("Which two octave bands were " + (cut ? "cut" : "boosted") + "? Dial one frequency for each.",
                            form,
                            new Grading.ByMeasure(grader))
                    .hearingDialsAs(said -> peaks(List.of(said.get("firstHz"), said.get("secondHz")), gainDb, q));
        });
    }

    private static String bandPairLabel(double lowerHz, double upperHz) {
        return Quantity.FREQUENCY.format(lowerHz) + " and " + Quantity.FREQUENCY.format(upperHz);
    }

    /** Each answered band against the truth's band in the same place (both sorted); right when both are. */
    static Grade twoBandGrade(double[] truthHz, double[] saidHz, NumericGrading each) {
        Grade lower = each.grade(truthHz[0], saidHz[0]);
        Grade upper = each.grade(truthHz[1], saidHz[1]);
        boolean correct = lower.correct() && upper.correct();
        double worst = Math.abs(lower.error()) >= Math.abs(upper.error()) ? lower.error() : upper.error();
        String feedback = "You said " + bandPairLabel(saidHz[0], saidHz[1]) + "; it was " + bandPairLabel(truthHz[0], truthHz[1])
                + (correct ? "." : " — the lower " + Quantity.FREQUENCY.describeError(lower.error()) + ", the upper "
                        + Quantity.FREQUENCY.describeError(upper.error()) + ".");
        return new Grade((lower.score() + upper.score()) / 2, correct, worst, Quantity.FREQUENCY.errorUnit(), feedback);
    }

    /**
     * Dial in the EQ that was applied (a bell's frequency, gain and Q) or, with {@code inverse}, the
     * one that corrects it. Graded by the mean absolute difference of the two responses on the ERB
     * scale ({@link ErbScale}); the level is the difference that still passes, in dB. 1 dB is a
     * good target: a broadband level difference of 0.5–1 dB is the smallest a listener notices
     * (RESEARCH.md), so a curve that close on average is about as close as the ear can tell.
     */
    static QuestionKind eqMatch() {
        return new ChangeKind("eq-match", "eq.match", "pass threshold: mean response difference on the ERB scale, dB",
                (options, level, random, excerpt) -> {
                    boolean inverse = options.bool("inverse", false);
                    boolean cut = direction(options, random);
                    double smallestDb = options.number("smallestDb", 1, 18, 4);
                    double largestDb = options.number("largestDb", 1, 18, 12);
                    double widestQ = options.number("widestQ", 0.3, 10, 0.7);
                    double narrowestQ = options.number("narrowestQ", 0.3, 10, 4);
                    if (smallestDb > largestDb || widestQ > narrowestQ) {
                        throw new IllegalArgumentException("smallestDb must not exceed largestDb, nor widestQ narrowestQ");
                    }
                    if (level < 0.1 || level > 6) {
                        throw new IllegalArgumentException("the pass threshold must be between 0.1 and 6 dB");
                    }
                    double frequencyHz = FairBands.fairBand(FairBands.bandCentres(true, options.number("lowHz", 30, 16000, 100),
                            options.number("highHz", 30, 16000, 8000)), excerpt, random);
                    double gainDb = (cut ? -1 : 1) * Math.round(2 * (smallestDb + random.nextDouble() * (largestDb - smallestDb))) / 2.0;
                    double q = Math.round(10 * widestQ * Math.pow(narrowestQ / widestQ, random.nextDouble())) / 10.0;
                    EqSettings applied = EqSettings.peak(frequencyHz, gainDb, q);
                    AnswerForm.Settings form = new AnswerForm.Settings(List.of(
                            new AnswerForm.Setting("frequencyHz", Quantity.FREQUENCY, 20, 20000, Scale.LOGARITHMIC),
                            new AnswerForm.Setting("gainDb", Quantity.GAIN_DB, -18, 18, Scale.LINEAR),
                            new AnswerForm.Setting("q", Quantity.Q_FACTOR, 0.3, 10, Scale.LOGARITHMIC)));
                    EqSettings wanted = inverse ? EqSettings.peak(frequencyHz, -gainDb, q) : applied;
                    Grading.Grader grader = answer -> matchGrade(wanted, bell(form.valuesOf(answer)), inverse, level);
                    String label = Quantity.GAIN_DB.format(gainDb) + " at " + Quantity.FREQUENCY.format(frequencyHz) + ", "
                            + Quantity.Q_FACTOR.format(q);
                    ChainDescription appliedChain = ChainDescription.of(applied);
                    return new ChangeKind.Hidden(appliedChain, frequencyHz, label)
                            .asking(inverse ? "Dial in the EQ that corrects the processed version (makes it sound like the original)."
                                    : "Dial in the EQ that was applied to the processed version.",
                                    form,
                                    new Grading.ByMeasure(grader))
                            .hearingDialsAs(said -> {
                                ChainDescription dialled = ChainDescription.of(bell(said));
                                return inverse ? appliedChain.then(dialled) : dialled;
                            });
                });
    }

    /** The bell that dialled settings describe. */
    private static EqSettings bell(Map<String, Double> said) {
        return EqSettings.peak(said.get("frequencyHz"), said.get("gainDb"), said.get("q"));
    }

    /**
     * An EQ-matching grade: the mean absolute difference (dB) between the wanted and the dialled
     * response at ERB-spaced frequencies, passing within {@code passDb}; credit falls linearly to
     * none 3 dB beyond it. The feedback names each setting's error in its own unit.
     */
    static Grade matchGrade(EqSettings wanted, EqSettings said, boolean inverse, double passDb) {
        double differenceDb = ErbScale.meanAbsDb(f -> wanted.magnitudeDbAt(f, MATCH_RATE_HZ) - said.magnitudeDbAt(f, MATCH_RATE_HZ));
        boolean correct = differenceDb <= passDb;
        double score = correct ? 1 : Math.max(0, 1 - (differenceDb - passDb) / 3);
        double wantedHz = wanted.frequencyHz().initial();
        double wantedDb = wanted.gainDb().initial();
        double wantedQ = wanted.q().initial();
        String feedback = String.format(Locale.ROOT, "Your %s is %.1f dB from %s on average (ERB scale; %.1f dB passes). ",
                inverse ? "correction" : "EQ", differenceDb, inverse ? "the one that corrects it" : "the one applied", passDb)
                + "It was " + Quantity.GAIN_DB.format(wantedDb) + " at " + Quantity.FREQUENCY.format(wantedHz) + ", "
                + Quantity.Q_FACTOR.format(wantedQ) + ": your frequency "
                + Quantity.FREQUENCY.describeError(Quantity.FREQUENCY.distance(wantedHz, said.frequencyHz().initial()))
                + ", gain " + Quantity.GAIN_DB.describeError(Quantity.GAIN_DB.distance(wantedDb, said.gainDb().initial()))
                + ", Q " + Quantity.Q_FACTOR.describeError(Quantity.Q_FACTOR.distance(wantedQ, said.q().initial())) + ".";
        return new Grade(score, correct, differenceDb, "dB", feedback);
    }

    /** The sample rate EQ curves are compared at: the session rate every question is rendered at. */
    static final double MATCH_RATE_HZ = 48_000;

    /** Whether the change is a cut: the drill's {@code direction} (boost, cut or either, drawn). */
    static boolean direction(MapReader options, SplittableRandom random) {
        String direction = options.oneOf("direction", List.of("boost", "cut", "either")).orElse("boost");
        return direction.equals("cut") || direction.equals("either") && random.nextBoolean();
    }

    /** Several bells of the same gain and Q, one after the other. */
    static ChainDescription peaks(List<Double> frequenciesHz, double gainDb, double q) {
        return new ChainDescription(frequenciesHz.stream().<ProcessorSettings>map(f -> EqSettings.peak(f, gainDb, q)).toList());
    }

    /** One bell, as a chain. */
    static ChainDescription peak(double frequencyHz, double gainDb, double q) {
        return ChainDescription.of(EqSettings.peak(frequencyHz, gainDb, q));
    }
}
