package dev.mixdojo.exercise;

import dev.mixdojo.base.Scale;
import dev.mixdojo.exercise.AbRenderer.Loudness;
import dev.mixdojo.exercise.NumericGrading.Sign;
import dev.mixdojo.material.Stem;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Question kinds about level balance, on a song's stems: which stem got louder or quieter, and by
 * how many dB. Level is the question, so the versions are not loudness-matched: the processed
 * mix is louder or quieter by what the changed stem adds or takes away.
 */
final class LevelKinds {
    private LevelKinds() {
    }

    /** The kinds of this area, in the order lessons list them. */
    static List<QuestionKind> all() {
        return List.of(levelStem(), levelAmount());
    }

    /** Which stem got louder (or quieter)? The level is the size of the change in dB. */
    static QuestionKind levelStem() {
        return new StemKind("level-stem", "level.stem", "size of the change in dB", (options, level, random, audible, weights) -> {
            String direction = options.oneOf("direction", List.of("louder", "quieter", "either")).orElse("louder");
            if (level < 0.1 || level > 20) {
                throw new IllegalArgumentException("the change must be between 0.1 and 20 dB");
            }
            boolean quieter = quieter(direction, random);
            Stem target = weights.pick(audible, Stem::name, random);
            double gainDb = (quieter ? -1 : 1) * level;
            return new StemKind.Hidden(StemKind.gainChange(target.name(), gainDb), audible.indexOf(target), target.name())
                    .asking(direction.equals("either") ? "Which stem changed level?" : "Which stem got " + direction + "?",
                            StemKind.stemChoice(audible),
                            new Grading.ByLabel())
                    .withLoudness(Loudness.UNMATCHED)
                    .hearingAnswers(answer -> StemKind.chosen(answer, audible).map(stem -> StemKind.gainChange(stem.name(), gainDb)));
        });
    }

    /**
     * By how many dB did the named stem change (signed: louder +, quieter −)? Changes are whole or
     * half dB from {@code smallestDb} to {@code largestDb}; the level is the tolerance in dB.
     */
    static QuestionKind levelAmount() {
        return new StemKind("level-amount", "level.amount", "tolerance in dB", (options, level, random, audible, weights) -> {
            String direction = options.oneOf("direction", List.of("louder", "quieter", "either")).orElse("either");
            double smallestDb = options.number("smallestDb", 0.5, 12, 1);
            double largestDb = options.number("largestDb", 0.5, 12, 6);
            if (smallestDb > largestDb) {
                throw new IllegalArgumentException("smallestDb must not exceed largestDb");
            }
            if (level <= 0 || level > 12) {
                throw new IllegalArgumentException("the tolerance must be above 0 and at most 12 dB");
            }
            boolean quieter = quieter(direction, random);
            Stem target = audible.get(random.nextInt(audible.size()));
            double gainDb = (quieter ? -1 : 1) * Math.round(2 * (smallestDb + random.nextDouble() * (largestDb - smallestDb))) / 2.0;
            AnswerForm.Value form = new AnswerForm.Value(Quantity.GAIN_DB, -12, 12, Scale.LINEAR);
            return new StemKind.Hidden(StemKind.gainChange(target.name(), gainDb), gainDb, Quantity.GAIN_DB.format(gainDb))
                    .asking("By how many dB did the " + target.name() + " change? (+ louder, − quieter)",
                            form,
                            new Grading.ByValue(new NumericGrading(Quantity.GAIN_DB, level, level + 4, Sign.MATTERS)))
                    .withLoudness(Loudness.UNMATCHED)
                    .hearingAnswers(answer -> Optional.of(StemKind.gainChange(target.name(), form.valueOf(answer))));
        });
    }

    private static boolean quieter(String direction, SplittableRandom random) {
        return direction.equals("quieter") || direction.equals("either") && random.nextBoolean();
    }
}
