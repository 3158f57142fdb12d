package dev.mixdojo.exercise;

import dev.mixdojo.base.yaml.MapReader;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;

/** Question kinds about EQ: which band, boost or cut, how many dB, where the filter cuts. */
final class EqKinds {
    private EqKinds() {
    }

    /** The kinds of this area, in the order lessons list them. */
    static List<QuestionKind> all() {
        return List.of(eqBand(), eqDirection(), eqGain(), eqFilter());
    }

    /** Which band was boosted (or cut)? The level is the size of the change in dB. */
    static QuestionKind eqBand() {
        return new ChangeKind("eq-band", "eq.frequency", "size of the boost or cut in dB", (options, level, random, excerpt) -> {
            boolean third = options.oneOf("bands", List.of("octave", "third")).orElse("octave").equals("third");
            boolean cut = direction(options, random);
            double q = options.number("q", 0.5, 10, third ? 4.3 : 1.4);
            List<Double> centres = QuestionKinds.bandCentres(third, options.number("lowHz", 30, 16000, 63),
                    options.number("highHz", 30, 16000, 8000));
            double truthHz = QuestionKinds.fairBand(centres, excerpt.bandEnergyDb(), random);
            List<AnswerForm.Option> choices = centres.stream()
                    .map(f -> new AnswerForm.Option(Quantity.FREQUENCY.format(f), f)).toList();
            double gainDb = (cut ? -1 : 1) * level;
            return new ChangeKind.Plan(truthHz, Quantity.FREQUENCY.format(truthHz), peak(truthHz, gainDb, q), Optional.empty(),
                    "Which " + (third ? "third-octave" : "octave") + " band was " + (cut ? "cut" : "boosted") + "?",
                    new AnswerForm.Choice(choices),
                    new Grading.ByValue(new NumericGrading(Quantity.FREQUENCY, third ? 1.0 / 6 : 0.5, 2, false)), true)
                    .hearingAnswersAs(answerHz -> peak(answerHz, gainDb, q));
        });
    }

    /** Was it a boost or a cut? The level is the size of the change in dB. */
    static QuestionKind eqDirection() {
        return new ChangeKind("eq-direction", "eq.direction", "size of the boost or cut in dB", (options, level, random, excerpt) -> {
            double q = options.number("q", 0.5, 10, 1.4);
            double frequencyHz = QuestionKinds.fairBand(QuestionKinds.bandCentres(false, options.number("lowHz", 30, 16000, 125),
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
            double frequencyHz = QuestionKinds.fairBand(QuestionKinds.bandCentres(false, 125, 8000), excerpt.bandEnergyDb(), random);
            double sizeDb = Math.round(smallestDb + random.nextDouble() * (largestDb - smallestDb));
            double gainDb = (cut ? -1 : 1) * sizeDb;
            return new ChangeKind.Plan(gainDb, Quantity.GAIN_DB.format(gainDb), peak(frequencyHz, gainDb, 1.4), Optional.empty(),
                    "How many dB was " + Quantity.FREQUENCY.format(frequencyHz) + " " + (cut ? "cut" : "boosted") + "?",
                    new AnswerForm.Value(Quantity.GAIN_DB, -15, 15, false),
                    new Grading.ByValue(new NumericGrading(Quantity.GAIN_DB, level, level + 6, true)), true)
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
            DoubleFunction<String> filterAt = frequencyHz -> String.format(Locale.ROOT,
                    "[{\"eq\": {\"type\": \"%s\", \"frequencyHz\": %s, \"q\": 0.7071, \"slopeDbPerOct\": %d}}]",
                    lowPass ? "lowpass" : "highpass", frequencyHz, slope);
            return new ChangeKind.Plan(cutoffHz, Quantity.FREQUENCY.format(cutoffHz), filterAt.apply(cutoffHz), Optional.empty(),
                    "Where is the " + (lowPass ? "low-pass" : "high-pass") + " filter's cutoff?",
                    new AnswerForm.Value(Quantity.FREQUENCY, 20, 20000, true),
                    new Grading.ByValue(new NumericGrading(Quantity.FREQUENCY, level, level + 1.5, false)), true)
                    .hearingAnswersAs(filterAt);
        });
    }

    static boolean direction(MapReader options, SplittableRandom random) {
        String direction = options.oneOf("direction", List.of("boost", "cut", "either")).orElse("boost");
        return direction.equals("cut") || direction.equals("either") && random.nextBoolean();
    }

    static String peak(double frequencyHz, double gainDb, double q) {
        return String.format(Locale.ROOT,
                "[{\"eq\": {\"type\": \"peak\", \"frequencyHz\": %s, \"gainDb\": %s, \"q\": %s}}]", frequencyHz, gainDb, q);
    }
}
