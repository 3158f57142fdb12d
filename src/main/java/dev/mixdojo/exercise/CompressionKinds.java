package dev.mixdojo.exercise;

import dev.mixdojo.base.yaml.MapReader;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.chain.ChainWriter;
import dev.mixdojo.dsp.dynamics.DynamicsSettings;
import java.util.List;
import java.util.Optional;

/** Question kinds about compression: whether, how much, how fast. */
final class CompressionKinds {
    private CompressionKinds() {
    }

    /** The kinds of this area, in the order lessons list them. */
    static List<QuestionKind> all() {
        return List.of(compressionDetect(), compressionAmount(), compressionAttack());
    }

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
                    double fastMs = QuestionKinds.round2(middleMs / Math.sqrt(level));
                    double slowMs = QuestionKinds.round2(middleMs * Math.sqrt(level));
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

    static String chain(DynamicsSettings settings) {
        return ChainWriter.write(new ChainDescription(List.of(settings)));
    }
}
