package dev.mixdojo.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Question kinds about reverb, delay and saturation. */
final class EffectKinds {
    private EffectKinds() {
    }

    /** The kinds of this area, in the order lessons list them. */
    static List<QuestionKind> all() {
        return List.of(reverbDecay(), delayTime(), saturationHarmonics());
    }

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
                        double decayS = QuestionKinds.round2(shortestS * Math.pow(level, k));
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
}
