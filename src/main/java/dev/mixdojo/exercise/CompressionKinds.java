package dev.mixdojo.exercise;

import dev.mixdojo.base.Scale;
import dev.mixdojo.base.yaml.MapReader;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.dynamics.BlockLevels;
import dev.mixdojo.dsp.dynamics.DynamicsSettings;
import dev.mixdojo.dsp.dynamics.GainReductionMeter;
import dev.mixdojo.dsp.dynamics.ThresholdSearch;
import dev.mixdojo.exercise.NumericGrading.Sign;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;

/** Question kinds about compression: whether, how much, how fast it clamps and lets go, which ratio. */
final class CompressionKinds {
    private CompressionKinds() {
    }

    /** The kinds of this area, in the order lessons list them. */
    static List<QuestionKind> all() {
        return List.of(compressionDetect(), compressionAmount(), compressionAttack(), compressionAttackMs(), compressionRelease(),
                compressionReleaseMs(), compressionRatio(), compressionMatch());
    }

    /**
     * Is the processed version compressed at all? Half the questions have no compressor (an empty
     * chain). The level is the gain reduction on the hits in dB ({@link GainReductionMeter}).
     */
    static QuestionKind compressionDetect() {
        return new ChangeKind("compression-detect", "compression.detect", "gain reduction on the hits in dB",
                (options, level, random, excerpt) -> {
                    DrillCompressor compressor = DrillCompressor.read(options, 5);
                    boolean compressed = random.nextBoolean();
                    ChainDescription chain = compressed ? compressor.chainReducing(excerpt, level) : ChainDescription.NONE;
                    return new ChangeKind.Hidden(chain, compressed ? 1 : 0, compressed ? "Yes" : "No")
                            .asking("Is the processed version compressed? (Both versions are equally loud.)",
                                    new AnswerForm.Choice(List.of(new AnswerForm.Option("Yes", 1), new AnswerForm.Option("No", 0))),
                                    new Grading.ByLabel());
                });
    }

    /**
     * How many dB of gain reduction does the compressor apply on the hits ({@link GainReductionMeter})? The
     * level is the tolerance in dB.
     */
    static QuestionKind compressionAmount() {
        return new ChangeKind("compression-amount", "compression.amount", "tolerance in dB", (options, level, random, excerpt) -> {
            DrillCompressor compressor = DrillCompressor.read(options, 5);
            double smallestDb = options.number("smallestDb", 1, 20, 2);
            double largestDb = options.number("largestDb", 1, 20, 12);
            if (smallestDb > largestDb) {
                throw new IllegalArgumentException("smallestDb must not exceed largestDb");
            }
            double targetDb = Math.round(2 * (smallestDb + random.nextDouble() * (largestDb - smallestDb))) / 2.0;
            ThresholdSearch.Found found = compressor.find(excerpt, targetDb, Optional.empty());
            DynamicsSettings settings = compressor.at(found.thresholdDb());
            double truthDb = excerpt.audio().isEmpty() ? targetDb
                    : found.onHitsDb().orElseGet(() -> GainReductionMeter.onHitsDb(excerpt.audio().orElseThrow(), settings));
            return new ChangeKind.Hidden(chain(settings), truthDb, Quantity.AMOUNT_DB.format(truthDb))
                    .asking("How many dB of gain reduction does the compressor apply on the hits? (Both versions are equally loud.)",
                            new AnswerForm.Value(Quantity.AMOUNT_DB, 0, 20, Scale.LINEAR),
                            new Grading.ByValue(new NumericGrading(Quantity.AMOUNT_DB, level, level + 6, Sign.IGNORED)));
        });
    }

    /** The compressor's two time constants, for the kinds that ask about one of them. */
    enum TimeConstant {
        /** How fast it clamps down: shapes the front of each hit. */
        ATTACK("attack", Math.sqrt(30), 0.5, 50, 0.1, 300),
        /** How fast it lets go: shapes the tail of each hit and the pumping between hits. */
        RELEASE("release", 100, 10, 1000, 5, 3000);

        /** The word in kind names, options and prompts. */
        final String word;
        /** The default, lowest and highest middle time (ms) of a fast-or-slow question. */
        final double defaultMiddleMs;
        final double lowestMiddleMs;
        final double highestMiddleMs;
        /** The shortest and longest time (ms) a question may play or a learner dial. */
        final double shortestMs;
        final double longestMs;

        TimeConstant(String word, double defaultMiddleMs, double lowestMiddleMs, double highestMiddleMs, double shortestMs,
                double longestMs) {
            this.word = word;
            this.defaultMiddleMs = defaultMiddleMs;
            this.lowestMiddleMs = lowestMiddleMs;
            this.highestMiddleMs = highestMiddleMs;
            this.shortestMs = shortestMs;
            this.longestMs = longestMs;
        }

        /** The word with a capital, as option names spell it ({@code middleAttackMs}). */
        String capitalised() {
            return Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }
    }

    /**
     * Was the compressor's attack fast or slow? Both attacks sit a factor of √level either side of
     * {@code middleAttackMs} at the same threshold and ratio, so the level is the ratio between the
     * two attack times (30 at the default 5.5 ms: about 1 ms against 30 ms).
     */
    static QuestionKind compressionAttack() {
        return fastOrSlow(TimeConstant.ATTACK);
    }

    /**
     * Was the compressor's release fast or slow? Both releases sit a factor of √level either side of
     * {@code middleReleaseMs} (100 ms) at the same threshold and ratio, so the level is the ratio
     * between the two release times (25: 20 ms against 500 ms). Release is harder to hear than
     * attack (RESEARCH.md): listen to the tails of the hits and the gaps between them.
     */
    static QuestionKind compressionRelease() {
        return fastOrSlow(TimeConstant.RELEASE);
    }

    private static QuestionKind fastOrSlow(TimeConstant timeConstant) {
        String word = timeConstant.word;
        return new ChangeKind("compression-" + word, "compression." + word, "ratio between the slow and the fast " + word + " time",
                (options, level, random, excerpt) -> {
                    double middleMs = options.number("middle" + timeConstant.capitalised() + "Ms", timeConstant.lowestMiddleMs,
                            timeConstant.highestMiddleMs, timeConstant.defaultMiddleMs);
                    DrillCompressor compressor = DrillCompressor.readExcept(options, timeConstant, middleMs);
                    double gainReductionDb = options.number("gainReductionDb", 2, 20, 10);
                    if (level < 1.5) {
                        throw new IllegalArgumentException("the " + word + " times must differ by a factor of at least 1.5");
                    }
                    double fastMs = Rounding.toHundredths(middleMs / Math.sqrt(level));
                    double slowMs = Rounding.toHundredths(middleMs * Math.sqrt(level));
                    if (fastMs < timeConstant.shortestMs || slowMs > timeConstant.longestMs) {
                        throw new IllegalArgumentException("the " + word + " times must stay between " + plain(timeConstant.shortestMs)
                                + " and " + plain(timeConstant.longestMs) + " ms; lower the easiest level or move middle"
                                + timeConstant.capitalised() + "Ms");
                    }
                    boolean fast = random.nextBoolean();
                    double timeMs = fast ? fastMs : slowMs;
                    // The threshold is set with the middle time; the question plays the fast or the slow one there.
                    DrillCompressor played = compressor.with(timeConstant, timeMs);
                    double thresholdDb = compressor.find(excerpt, gainReductionDb, Optional.of(played)).thresholdDb();
                    return new ChangeKind.Hidden(chain(played.at(thresholdDb)), timeMs, fast ? "Fast" : "Slow")
                            .asking("Was the compressor's " + word + " fast (" + Quantity.TIME_MS.format(fastMs) + ") or slow ("
                                    + Quantity.TIME_MS.format(slowMs) + ")?",
                                    new AnswerForm.Choice(List.of(new AnswerForm.Option("Fast", fastMs),
                                    new AnswerForm.Option("Slow", slowMs))),
                                    new Grading.ByLabel())
                            .hearingAnswersAs(answerMs -> chain(compressor.with(timeConstant, answerMs).at(thresholdDb)));
                });
    }

    /** What was the compressor's attack time in ms? See {@link #timeConstantMs}. */
    static QuestionKind compressionAttackMs() {
        return timeConstantMs(TimeConstant.ATTACK, 0.5, 50);
    }

    /** What was the compressor's release time in ms? See {@link #timeConstantMs}. */
    static QuestionKind compressionReleaseMs() {
        return timeConstantMs(TimeConstant.RELEASE, 20, 1000);
    }

    /**
     * What was the compressor's attack (or release) time in ms? The time is log-uniform between
     * {@code fastestMs} and {@code slowestMs}, and the threshold is set for each question so that the
     * gain reduction on the hits is {@code gainReductionDb} whatever the time: the amount gives
     * nothing away. Graded in octaves; the level is the tolerance in octaves.
     */
    private static QuestionKind timeConstantMs(TimeConstant timeConstant, double defaultFastestMs, double defaultSlowestMs) {
        String word = timeConstant.word;
        return new ChangeKind("compression-" + word + "-ms", "compression." + word + "-time", "tolerance in octaves",
                (options, level, random, excerpt) -> {
                    double fastestMs = options.number("fastestMs", timeConstant.shortestMs, timeConstant.longestMs, defaultFastestMs);
                    double slowestMs = options.number("slowestMs", timeConstant.shortestMs, timeConstant.longestMs, defaultSlowestMs);
                    if (fastestMs >= slowestMs) {
                        throw new IllegalArgumentException("fastestMs must be below slowestMs");
                    }
                    if (level <= 0 || level > 4) {
                        throw new IllegalArgumentException("the tolerance must be above 0 and at most 4 octaves");
                    }
                    DrillCompressor compressor = DrillCompressor.readExcept(options, timeConstant, fastestMs);
                    double gainReductionDb = options.number("gainReductionDb", 2, 20, 10);
                    double timeMs = Rounding.toTwoDigits(fastestMs * Math.pow(slowestMs / fastestMs, random.nextDouble()));
                    DrillCompressor asked = compressor.with(timeConstant, timeMs);
                    double thresholdDb = asked.thresholdReducing(excerpt, gainReductionDb);
                    return new ChangeKind.Hidden(chain(asked.at(thresholdDb)), timeMs, Quantity.ENVELOPE_MS.format(timeMs))
                            .asking("What was the compressor's " + word + " time? (" + compressor.describeExcept(timeConstant)
                                    + "; both versions are equally loud.)",
                                    new AnswerForm.Value(Quantity.ENVELOPE_MS, timeConstant.shortestMs, timeConstant.longestMs, Scale.LOGARITHMIC),
                                    new Grading.ByValue(new NumericGrading(Quantity.ENVELOPE_MS, level, level + 2, Sign.IGNORED)))
                            .hearingAnswersAs(answerMs -> chain(compressor.with(timeConstant, answerMs).at(thresholdDb)));
                });
    }

    /** A number as written by hand: no trailing zeros (300, 0.1). */
    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * A low or a high ratio, at the same gain reduction on the hits? The choices are {@code lowestRatio}
     * times powers of the level (2, 6, 18 at level 3), each at the threshold that gives
     * {@code gainReductionDb} on the hits: a low ratio with a low threshold squeezes every part of
     * the sound a little, a high ratio with a high threshold leaves the body alone and flattens only
     * the peaks. The level is the ratio between neighbouring choices.
     */
    static QuestionKind compressionRatio() {
        return new ChangeKind("compression-ratio", "compression.ratio", "factor between neighbouring ratios",
                (options, level, random, excerpt) -> {
                    double lowestRatio = options.number("lowestRatio", 1.2, 10, 2);
                    int count = options.integer("choices", 2, 4, 2);
                    double gainReductionDb = options.number("gainReductionDb", 2, 20, 8);
                    DrillCompressor compressor = DrillCompressor.read(options, 5);
                    if (level < 1.2) {
                        throw new IllegalArgumentException("neighbouring ratios must differ by a factor of at least 1.2");
                    }
                    List<AnswerForm.Option> choices = new ArrayList<>();
                    for (int k = 0; k < count; k++) {
                        double ratio = Math.round(10 * lowestRatio * Math.pow(level, k)) / 10.0;
                        choices.add(new AnswerForm.Option(Quantity.RATIO.format(ratio), ratio));
                    }
                    if (choices.get(count - 1).value() > 50) {
                        throw new IllegalArgumentException("the highest ratio would exceed 50:1; lower lowestRatio, choices or the easiest level");
                    }
                    AnswerForm.Option truth = choices.get(random.nextInt(count));
                    DoubleFunction<ChainDescription> chainFor =
                            ratio -> compressor.withRatio(ratio).chainReducing(excerpt, gainReductionDb);
                    double halfStepOctaves = Math.log(level) / Math.log(2) / 2;
                    return new ChangeKind.Hidden(chainFor.apply(truth.value()), truth.value(), truth.label())
                            .asking("Which ratio? (Each would turn the hits down by " + Quantity.AMOUNT_DB.format(gainReductionDb)
                                    + "; both versions are equally loud.)",
                                    new AnswerForm.Choice(choices),
                                    new Grading.ByValue(new NumericGrading(Quantity.RATIO, halfStepOctaves, 4 * halfStepOctaves, Sign.IGNORED)))
                            .hearingAnswersAs(chainFor);
                });
    }

    /**
     * Dial in the compressor that was applied: threshold (dB below the excerpt's loudest peak, so it
     * does not depend on the playback level), ratio, attack and release. The truth is drawn with
     * {@code smallestDb}–{@code largestDb} of gain reduction on the hits, a ratio of 2–8, an attack of
     * 1–50 ms and a release of 30–500 ms (log-uniform). Graded by the mean absolute difference of
     * the two compressors' gain-reduction traces on the excerpt ({@link GainReductionMeter#traceDb}, 10 ms
     * blocks, in dB): two settings that move the gain alike pass, whatever their numbers. The level
     * is the difference that still passes; 1 dB, about the smallest level change a listener
     * notices (RESEARCH.md), is a good target.
     */
    static QuestionKind compressionMatch() {
        return new ChangeKind("compression-match", "compression.match", "pass threshold: mean difference of the gain-reduction traces, dB",
                (options, level, random, excerpt) -> {
                    double smallestDb = options.number("smallestDb", 1, 20, 4);
                    double largestDb = options.number("largestDb", 1, 20, 10);
                    if (smallestDb > largestDb) {
                        throw new IllegalArgumentException("smallestDb must not exceed largestDb");
                    }
                    if (level < 0.1 || level > 6) {
                        throw new IllegalArgumentException("the pass threshold must be between 0.1 and 6 dB");
                    }
                    double ratio = Math.round(10 * 2 * Math.pow(4, random.nextDouble())) / 10.0;
                    double attackMs = Rounding.toTwoDigits(Math.pow(50, random.nextDouble()));
                    double releaseMs = Rounding.toTwoDigits(30 * Math.pow(500 / 30.0, random.nextDouble()));
                    double reductionDb = Math.round(2 * (smallestDb + random.nextDouble() * (largestDb - smallestDb))) / 2.0;
                    DrillCompressor applied = new DrillCompressor(ratio, attackMs, releaseMs);
                    double thresholdDb = applied.thresholdReducing(excerpt, reductionDb);
                    double peakDb = excerpt.audio().map(BlockLevels::peakDbfs).orElse(0.0);
                    double belowPeakDb = Rounding.toHundredths(peakDb - thresholdDb);
                    AnswerForm.Settings form = new AnswerForm.Settings(List.of(
                            new AnswerForm.Setting("belowPeakDb", Quantity.AMOUNT_DB, 0, 60, Scale.LINEAR),
                            new AnswerForm.Setting("ratio", Quantity.RATIO, 1, 20, Scale.LOGARITHMIC),
                            new AnswerForm.Setting("attackMs", Quantity.ENVELOPE_MS, 0.1, 300, Scale.LOGARITHMIC),
                            new AnswerForm.Setting("releaseMs", Quantity.ENVELOPE_MS, 5, 3000, Scale.LOGARITHMIC)));
                    java.util.function.Function<java.util.Map<String, Double>, DynamicsSettings> dialled = said ->
                            new DrillCompressor(said.get("ratio"), said.get("attackMs"), said.get("releaseMs"))
                                    .at(Math.max(-80, peakDb - said.get("belowPeakDb")));
                    DynamicsSettings truth = applied.at(thresholdDb);
                    Grading.Grader grader = answer -> {
                        var said = form.valuesOf(answer);
                        double[] wanted = GainReductionMeter.traceDb(excerpt.audio().orElseThrow(), truth);
                        double[] heard = GainReductionMeter.traceDb(excerpt.audio().orElseThrow(), dialled.apply(said));
                        double differenceDb = 0;
                        for (int b = 0; b < wanted.length; b++) {
                            differenceDb += Math.abs(wanted[b] - heard[b]) / wanted.length;
                        }
                        boolean correct = differenceDb <= level;
                        String feedback = String.format(Locale.ROOT,
                                "Your compressor's gain reduction is %.1f dB from the one applied on average (%.1f dB passes). ",
                                differenceDb, level)
                                + "It was " + Quantity.AMOUNT_DB.format(belowPeakDb) + " below the peak, " + Quantity.RATIO.format(ratio)
                                + ", attack " + Quantity.ENVELOPE_MS.format(attackMs) + ", release "
                                + Quantity.ENVELOPE_MS.format(releaseMs) + ".";
                        return new Grade(correct ? 1 : Math.max(0, 1 - (differenceDb - level) / 3), correct, differenceDb, "dB",
                                feedback);
                    };
                    String label = Quantity.RATIO.format(ratio) + ", " + Quantity.AMOUNT_DB.format(belowPeakDb) + " below the peak";
                    return new ChangeKind.Hidden(chain(truth), reductionDb, label)
                            .asking("Dial in the compressor that was applied: threshold (dB below the loudest peak), ratio, attack and "
                                    + "release. (Both versions are equally loud.)",
                                    form,
                                    new Grading.ByMeasure(grader))
                            .hearingDialsAs(said -> chain(dialled.apply(said)));
                });
    }

    /** The threshold a plan gets when only its options are checked (there is no excerpt to search). */
    private static final double PLACEHOLDER_THRESHOLD_DB = -20;

    /** The compressor a drill's options describe, all but its threshold (peak detector, hard knee, no make-up). */
    private record DrillCompressor(double ratio, double attackMs, double releaseMs) implements ThresholdSearch.Compressor {
        /** Ratio, attack and release from the options. */
        static DrillCompressor read(MapReader options, double defaultAttackMs) {
            return new DrillCompressor(options.number("ratio", 1.5, 20, 4), options.number("attackMs", 0.1, 300, defaultAttackMs),
                    options.number("releaseMs", 10, 2000, 150));
        }

        /** Ratio and the other time constant from the options; the asked one is the kind's to decide ({@code askedMs} for now). */
        static DrillCompressor readExcept(MapReader options, TimeConstant asked, double askedMs) {
            double ratio = options.number("ratio", 1.5, 20, 4);
            return asked == TimeConstant.ATTACK ? new DrillCompressor(ratio, askedMs, options.number("releaseMs", 10, 2000, 150))
                    : new DrillCompressor(ratio, options.number("attackMs", 0.1, 300, 5), askedMs);
        }

        /** This compressor with {@code timeConstant} set to {@code timeMs}. */
        DrillCompressor with(TimeConstant timeConstant, double timeMs) {
            return timeConstant == TimeConstant.ATTACK ? new DrillCompressor(ratio, timeMs, releaseMs)
                    : new DrillCompressor(ratio, attackMs, timeMs);
        }

        /** This compressor with another ratio. */
        DrillCompressor withRatio(double newRatio) {
            return new DrillCompressor(newRatio, attackMs, releaseMs);
        }

        /** The settings other than the asked time constant, as a prompt names them ("4:1, release 150 ms"). */
        String describeExcept(TimeConstant asked) {
            return Quantity.RATIO.format(ratio) + ", " + (asked == TimeConstant.ATTACK
                    ? "release " + Quantity.ENVELOPE_MS.format(releaseMs) : "attack " + Quantity.ENVELOPE_MS.format(attackMs));
        }

        @Override
        public DynamicsSettings at(double thresholdDb) {
            return DynamicsSettings.compressor(thresholdDb, ratio, 0, attackMs, releaseMs, 0);
        }

        /** The threshold giving this gain reduction on the excerpt's hits; see {@link #find}. */
        double thresholdReducing(ChangeKind.Excerpt excerpt, double gainReductionDb) {
            return find(excerpt, gainReductionDb, Optional.empty()).thresholdDb();
        }

        /**
         * The threshold giving this gain reduction on the excerpt's hits (a placeholder when only checking
         * options) and what the search measured there. The renders the search made at it are kept in the
         * excerpt for the question to play: this compressor's, and that of {@code played} (these settings
         * with another time constant, which the search renders beside its check).
         */
        ThresholdSearch.Found find(ChangeKind.Excerpt excerpt, double gainReductionDb, Optional<DrillCompressor> played) {
            return excerpt.audio().map(audio -> {
                ThresholdSearch.Found found = played.isPresent()
                        ? ThresholdSearch.find(audio, gainReductionDb, this, played.get())
                        : ThresholdSearch.find(audio, gainReductionDb, this);
                found.compressed().ifPresent(render -> excerpt.rendered(chain(at(found.thresholdDb())), render));
                found.played().ifPresent(render -> excerpt.rendered(chain(played.get().at(found.thresholdDb())), render));
                return found;
            }).orElse(new ThresholdSearch.Found(PLACEHOLDER_THRESHOLD_DB, Optional.empty(), OptionalDouble.empty(), Optional.empty()));
        }

        /** This compressor as a chain, at the threshold that reduces the excerpt's hits by {@code gainReductionDb}. */
        ChainDescription chainReducing(ChangeKind.Excerpt excerpt, double gainReductionDb) {
            return chain(at(thresholdReducing(excerpt, gainReductionDb)));
        }
    }

    /** A compressor alone as a chain. */
    static ChainDescription chain(DynamicsSettings settings) {
        return ChainDescription.of(settings);
    }
}
