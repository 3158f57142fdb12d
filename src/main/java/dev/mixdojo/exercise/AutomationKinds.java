package dev.mixdojo.exercise;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Scale;
import dev.mixdojo.base.yaml.MapReader;
import dev.mixdojo.dsp.automation.Breakpoint;
import dev.mixdojo.dsp.automation.Curve;
import dev.mixdojo.dsp.automation.Envelope;
import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.dynamics.BlockLevels;
import dev.mixdojo.dsp.eq.EqSettings;
import dev.mixdojo.dsp.eq.FilterType;
import dev.mixdojo.dsp.spatial.GainSettings;
import dev.mixdojo.exercise.AbRenderer.Loudness;
import dev.mixdojo.exercise.NumericGrading.Sign;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;

/**
 * Question kinds about automation: when a fader ride happened, which way and how far, drawing the
 * ride, evening out an uneven vocal, and a low-pass filter opening.
 *
 * <p>Rides are not loudness-matched: level over time is the question, and matching would shift the
 * whole processed version so that the part before the ride no longer equals the original — the
 * learner would hear a level change that is not there. The original is the unridden excerpt (0 dB);
 * a rove, when asked for, moves both versions alike. Filter sweeps are matched, since their
 * question is timbre, not level.
 */
final class AutomationKinds {
    /** The range (dB) a drawn ride may take. */
    static final double RIDE_RANGE_DB = 12;
    /** Seconds the ride (or sweep) stays away from either end of the excerpt, so it is heard before and after. */
    private static final double MARGIN_S = 0.75;
    /** Share of the activity blocks around a moment that must carry the material for a change there to be fair. */
    private static final double ACTIVE_SHARE = 0.7;

    /** The least variation (dB) planted swings must add to a vocal for an even-out question. */
    static final double UNEVEN_DB = 2;
    private static final int SWING_DRAWS = 10;

    private AutomationKinds() {
    }

    /** The kinds of this area, in the order lessons list them. */
    static List<QuestionKind> all() {
        return List.of(rideWhen(), rideAmount(), rideDraw(), rideEvenOut(), filterOpenWhen(), filterDirection());
    }

    /**
     * When did the fader ride happen? One ride of {@code level} dB (up or down) ramps over
     * {@code rampS} from a moment where the material plays (a beat, in a song); the answer is the
     * middle of the ramp, on the excerpt's timeline, graded in seconds.
     */
    static QuestionKind rideWhen() {
        return new ChangeKind("automation-when", "automation.timing", "size of the ride in dB", (options, level, random, excerpt) -> {
            double toleranceS = options.number("toleranceS", 0.05, 2, 0.3);
            double rampS = options.number("rampS", 0.01, 2, 0.2);
            boolean down = direction(options, random);
            if (!(level > 0 && level <= RIDE_RANGE_DB)) {
                throw new IllegalArgumentException("the ride must be between 0 and " + RIDE_RANGE_DB + " dB");
            }
            double durationS = durationS(excerpt);
            double atS = fairMoment(excerpt, durationS, rampS, random);
            double gainDb = (down ? -1 : 1) * level;
            DoubleFunction<ChainDescription> rideAt = t -> gainChain(step(t, rampS, gainDb));
            return new ChangeKind.Hidden(rideAt.apply(atS), atS, Quantity.TIME_S.format(atS))
                    .asking("When did the fader ride (" + Quantity.GAIN_DB.format(gainDb) + ") happen in the processed version?",
                            new AnswerForm.Value(Quantity.TIME_S, 0, durationS, Scale.LINEAR),
                            new Grading.ByValue(new NumericGrading(Quantity.TIME_S, toleranceS, toleranceS + 1, Sign.IGNORED)))
                    .withLoudness(Loudness.UNMATCHED)
                    .hearingAnswersAs(rideAt);
        });
    }

    /** Up or down, and by how many dB? One ride between {@code smallestDb} and {@code largestDb}; the level is the tolerance in dB. */
    static QuestionKind rideAmount() {
        return new ChangeKind("automation-amount", "automation.amount", "tolerance in dB", (options, level, random, excerpt) -> {
            double smallestDb = options.number("smallestDb", 0.5, RIDE_RANGE_DB, 2);
            double largestDb = options.number("largestDb", 0.5, RIDE_RANGE_DB, 8);
            double rampS = options.number("rampS", 0.01, 2, 0.2);
            if (smallestDb > largestDb) {
                throw new IllegalArgumentException("smallestDb must not exceed largestDb");
            }
            if (!(level > 0)) {
                throw new IllegalArgumentException("the tolerance must be above 0 dB");
            }
            boolean down = random.nextBoolean();
            double gainDb = (down ? -1 : 1) * Math.round(2 * (smallestDb + random.nextDouble() * (largestDb - smallestDb))) / 2.0;
            double atS = fairMoment(excerpt, durationS(excerpt), rampS, random);
            DoubleFunction<ChainDescription> rideBy = db -> gainChain(step(atS, rampS, db));
            return new ChangeKind.Hidden(rideBy.apply(gainDb), gainDb, Quantity.GAIN_DB.format(gainDb))
                    .asking("At " + Quantity.TIME_S.format(atS) + " the fader moves: up or down, and by how many dB?",
                            new AnswerForm.Value(Quantity.GAIN_DB, -RIDE_RANGE_DB, RIDE_RANGE_DB, Scale.LINEAR),
                            new Grading.ByValue(new NumericGrading(Quantity.GAIN_DB, level, level + 4, Sign.MATTERS)))
                    .withLoudness(Loudness.UNMATCHED)
                    .hearingAnswersAs(rideBy);
        });
    }

    /**
     * Draw the ride you heard: {@code moves} fader moves of up to {@code rangeDb}; graded by the
     * mean absolute difference between the drawn and the true gain curves (dB) over the time the
     * material plays (a ride in silence cannot be heard). The level is the pass threshold in dB;
     * credit falls to none 4 dB beyond it.
     */
    static QuestionKind rideDraw() {
        return new ChangeKind("automation-draw", "automation.curve", "pass threshold: mean difference in dB",
                (options, level, random, excerpt) -> {
                    int moves = options.integer("moves", 1, 4, 2);
                    double rangeDb = options.number("rangeDb", 2, RIDE_RANGE_DB, 6);
                    if (!(level > 0)) {
                        throw new IllegalArgumentException("the pass threshold must be above 0 dB");
                    }
                    double durationS = durationS(excerpt);
                    List<Answer.Point> ride = randomRide(0, durationS, moves, rangeDb, false, random);
                    boolean[] active = activity(excerpt);
                    Grading.Grader grader = answer -> {
                        double differenceDb = meanDifferenceDb(ride, drawn(answer), active);
                        Grade grade = new NumericGrading(Quantity.AMOUNT_DB, level, level + 4, Sign.IGNORED).grade(0, differenceDb);
                        return new Grade(grade.score(), grade.correct(), differenceDb, "dB", String.format(Locale.ROOT,
                                "Your ride is %.1f dB from the true one on average (within %.1f dB passes); it was %s.",
                                differenceDb, level, describe(ride)));
                    };
                    return new ChangeKind.Hidden(gainChain(ride), 0, describe(ride))
                            .asking("Draw the fader ride you hear in the processed version (0 dB is the original).",
                                    new AnswerForm.Curve(Quantity.GAIN_DB, durationS, -RIDE_RANGE_DB, RIDE_RANGE_DB),
                                    new Grading.ByMeasure(grader))
                            .withLoudness(Loudness.UNMATCHED)
                            .hearingAnswers(answer -> Optional.of(gainChain(drawn(answer))));
                });
    }

    /**
     * Even out an uneven vocal: the processed version is the excerpt with planted level swings of
     * up to {@code swingDb}; the learner draws the ride that evens it out. Graded by the level
     * variation left after their ride — the standard deviation of the 400 ms level (dB) over the
     * windows where the voice sings — against the variation the excerpt has as sung; the level is
     * how many dB more variation than that still passes.
     */
    static QuestionKind rideEvenOut() {
        return new ChangeKind("automation-even-out", "automation.evenness", "extra level variation allowed in dB",
                (options, level, random, excerpt) -> {
                    double swingDb = options.number("swingDb", 2, 10, 8);
                    int swings = options.integer("swings", 1, 8, 3);
                    if (!(level > 0)) {
                        throw new IllegalArgumentException("the allowed extra variation must be above 0 dB");
                    }
                    double durationS = durationS(excerpt);
                    double[] energy = excerpt.audio().map(BlockLevels::energy).orElse(new double[0]);
                    LevelWindows windows = new LevelWindows(energy);
                    double asSungDb = windows.variationDb(t -> 0);
                    // Swings can happen to fall against the voice's own phrasing and even it out; such a
                    // question would pass a learner who does nothing, so swings are drawn until they add
                    // at least UNEVEN_DB of variation (a few tries; then the material is unsuited).
                    double[] sungS = windows.sungSpanS(durationS);
                    List<Answer.Point> planted = randomRide(sungS[0], sungS[1], swings, swingDb, true, random);
                    for (int draw = 1; energy.length > 0 && unevennessDb(windows, planted) - asSungDb < UNEVEN_DB; draw++) {
                        if (draw == SWING_DRAWS) {
                            throw new BadInputException("swings of " + Quantity.AMOUNT_DB.format(swingDb)
                                    + " hardly change how even this material is; raise swingDb or choose a sung part");
                        }
                        planted = randomRide(sungS[0], sungS[1], swings, swingDb, true, random);
                    }
                    List<Answer.Point> swingsPlanted = planted;
                    Grading.Grader grader = answer -> {
                        Envelope plantedEnvelope = envelope(swingsPlanted);
                        Envelope rideEnvelope = envelope(drawn(answer));
                        double leftDb = windows.variationDb(t -> plantedEnvelope.valueAt(t) + rideEnvelope.valueAt(t));
                        // Evening out the voice's own phrasing as well is no fault: only variation beyond the sung one counts.
                        double excessDb = Math.max(0, leftDb - asSungDb);
                        Grade grade = new NumericGrading(Quantity.AMOUNT_DB, level, level + 3, Sign.IGNORED).grade(0, excessDb);
                        return new Grade(grade.score(), grade.correct(), excessDb, "dB", String.format(Locale.ROOT,
                                "With your ride the vocal's level varies by %.1f dB; as sung it varies by %.1f dB"
                                        + " (up to %.1f dB more passes).", leftDb, asSungDb, level));
                    };
                    double largestDb = planted.stream().mapToDouble(p -> Math.abs(p.value())).max().orElse(0);
                    String label = "swings of up to " + Quantity.AMOUNT_DB.format(largestDb);
                    return new ChangeKind.Hidden(gainChain(planted), largestDb, label)
                            .asking("The processed version's level swings. Draw the fader ride that evens it out"
                                    + " (the original is how it was sung).",
                                    new AnswerForm.Curve(Quantity.GAIN_DB, durationS, -RIDE_RANGE_DB, RIDE_RANGE_DB),
                                    new Grading.ByMeasure(grader))
                            .withLoudness(Loudness.UNMATCHED)
                            .hearingAnswers(answer -> Optional.of(
                                    ChainDescription.of(gainStage(swingsPlanted), gainStage(drawn(answer)))));
                });
    }

    /**
     * When did the low-pass filter open? The cutoff sweeps from {@code fromHz} up to {@code toHz}
     * over {@code sweepS} from a moment where the material plays (a beat, in a song); the answer is the
     * middle of the sweep. The level is the tolerance in seconds.
     */
    static QuestionKind filterOpenWhen() {
        return new ChangeKind("filter-open-when", "automation.filter-timing", "tolerance in seconds",
                (options, level, random, excerpt) -> {
                    Sweep sweep = Sweep.read(options);
                    double sweepS = options.number("sweepS", 0.05, 4, 0.5);
                    if (!(level > 0)) {
                        throw new IllegalArgumentException("the tolerance must be above 0 s");
                    }
                    double durationS = durationS(excerpt);
                    double atS = fairMoment(excerpt, durationS, sweepS, random);
                    DoubleFunction<ChainDescription> openingAt = t -> sweep.chain(t - sweepS / 2, t + sweepS / 2, true);
                    return new ChangeKind.Hidden(openingAt.apply(atS), atS, Quantity.TIME_S.format(atS))
                            .asking("When did the low-pass filter open (from " + Quantity.FREQUENCY.format(sweep.fromHz()) + " to "
                                    + Quantity.FREQUENCY.format(sweep.toHz()) + ")?",
                                    new AnswerForm.Value(Quantity.TIME_S, 0, durationS, Scale.LINEAR),
                                    new Grading.ByValue(new NumericGrading(Quantity.TIME_S, level, level + 1, Sign.IGNORED)))
                            .hearingAnswersAs(openingAt);
                });
    }

    /**
     * Did the low-pass filter open (cutoff moving up) or close? The cutoff sweeps across the
     * middle half of the excerpt, over {@code level} octaves centred (geometrically) on {@code centreHz}.
     */
    static QuestionKind filterDirection() {
        return new ChangeKind("filter-direction", "automation.filter-direction", "range of the sweep in octaves",
                (options, level, random, excerpt) -> {
                    double centreHz = options.number("centreHz", 200, 8000, 1500);
                    if (!(level >= 0.25 && level <= 8)) {
                        throw new IllegalArgumentException("the sweep must span 0.25 to 8 octaves");
                    }
                    Sweep sweep = new Sweep(centreHz * Math.pow(2, -level / 2), centreHz * Math.pow(2, level / 2));
                    if (sweep.fromHz() < 20 || sweep.toHz() > 20000) {
                        throw new IllegalArgumentException("the sweep would leave 20 Hz to 20 kHz; lower the easiest level or move centreHz");
                    }
                    double durationS = durationS(excerpt);
                    boolean opening = random.nextBoolean();
                    DoubleFunction<ChainDescription> sweepGoing = v -> sweep.chain(durationS / 4, 3 * durationS / 4, v > 0);
                    return new ChangeKind.Hidden(sweepGoing.apply(opening ? 1 : -1), opening ? 1 : -1, opening ? "Opening" : "Closing")
                            .asking("Did the low-pass filter open (cutoff moving up) or close (moving down)?",
                                    new AnswerForm.Choice(List.of(new AnswerForm.Option("Opening", 1), new AnswerForm.Option("Closing", -1))),
                                    new Grading.ByLabel())
                            .hearingAnswersAs(sweepGoing);
                });
    }

    /** A low-pass sweep between two cutoffs (Hz). */
    record Sweep(double fromHz, double toHz) {
        /** Breakpoints per sweep. */
        static final int POINTS = 9;

        Sweep {
            if (!(fromHz >= 20 && toHz <= 20000 && fromHz < toHz)) {
                throw new IllegalArgumentException("the sweep needs 20 Hz ≤ fromHz < toHz ≤ 20 kHz");
            }
        }

        /** The drill's {@code fromHz} and {@code toHz} (300 Hz and 12 kHz unless given). */
        static Sweep read(MapReader options) {
            return new Sweep(options.number("fromHz", 20, 20000, 300), options.number("toHz", 20, 20000, 12000));
        }

        /**
         * A 24 dB/octave low-pass whose cutoff moves between the two frequencies from {@code startS}
         * to {@code endS}; breakpoints spaced evenly in octaves, so the sweep moves at a steady rate to
         * the ear (pitch is heard on a log scale). A sweep that starts before the excerpt (an answer
         * near its start) begins where it stands at 0 s.
         */
        ChainDescription chain(double startS, double endS, boolean opening) {
            List<Breakpoint> points = new ArrayList<>();
            double earlierS = 0;
            double earlierHz = 0;
            for (int k = 0; k < POINTS; k++) {
                double fraction = k / (double) (POINTS - 1);
                double atS = startS + fraction * (endS - startS);
                double hz = fromHz * Math.pow(toHz / fromHz, opening ? fraction : 1 - fraction);
                if (atS >= 0) {
                    if (points.isEmpty() && k > 0 && atS > 0) {
                        points.add(new Breakpoint(0, earlierHz + (hz - earlierHz) * -earlierS / (atS - earlierS)));
                    }
                    points.add(new Breakpoint(atS, hz));
                }
                earlierS = atS;
                earlierHz = hz;
            }
            if (points.isEmpty()) {
                points.add(new Breakpoint(0, earlierHz));
            }
            return ChainDescription.of(EqSettings.filter(FilterType.LOW_PASS,
                    new Param.Automated(new Envelope(points, Curve.LINEAR)), 0.7071, 24));
        }
    }

    // ---- rides ----

    /** Whether the ride goes down: the drill's {@code direction} (up, down or either, drawn). */
    static boolean direction(MapReader options, SplittableRandom random) {
        String direction = options.oneOf("direction", List.of("up", "down", "either")).orElse("either");
        return direction.equals("down") || direction.equals("either") && random.nextBoolean();
    }

    /** The excerpt's length (s), or the default when only checking options. */
    private static double durationS(ChangeKind.Excerpt excerpt) {
        return excerpt.audio().map(AudioBuffer::durationS).orElse(ChangeKind.DEFAULT_EXCERPT_S);
    }

    /** The activity blocks ({@link BlockLevels#active}) of the excerpt; empty when only checking options. */
    private static boolean[] activity(ChangeKind.Excerpt excerpt) {
        return excerpt.audio().map(BlockLevels::active).orElse(new boolean[0]);
    }

    /**
     * Where a change of {@code changeS} seconds is centred: at least {@link #MARGIN_S} plus half the
     * change from either end, with the material playing (mostly) for a second around it, since a ride
     * in a pause cannot be heard. In a song the change starts on a beat (a fader is pushed, a filter
     * opens, on a musical event); in material without a beat, on any hundredth of a second.
     */
    private static double fairMoment(ChangeKind.Excerpt excerpt, double durationS, double changeS, SplittableRandom random) {
        double firstS = MARGIN_S + changeS / 2;
        double lastS = durationS - firstS;
        if (lastS <= firstS) {
            throw new IllegalArgumentException("the excerpt is too short for the change; make excerptS longer");
        }
        boolean[] active = activity(excerpt);
        if (active.length == 0) {
            return Rounding.toHundredths(firstS + random.nextDouble() * (lastS - firstS));
        }
        double blockS = BlockLevels.BLOCK_MS / 1000;
        List<Double> beatsS = excerpt.beatsS();
        List<Double> centresS = beatsS.isEmpty()
                ? IntStream.rangeClosed((int) Math.ceil(firstS / blockS), (int) Math.floor(lastS / blockS))
                        .mapToObj(b -> Rounding.toHundredths(b * blockS)).toList()
                : beatsS.stream().map(beatS -> beatS + changeS / 2).filter(t -> t >= firstS && t <= lastS).toList();
        List<Double> fair = centresS.stream().filter(t -> playsAround(active, (int) Math.round(t / blockS))).toList();
        if (fair.isEmpty()) {
            throw new BadInputException("the material hardly plays in this excerpt, so a change in it could not be heard;"
                    + " choose material that plays throughout (a mix, or a sung part)");
        }
        return fair.get(random.nextInt(fair.size()));
    }

    /** Whether the material plays in at least {@link #ACTIVE_SHARE} of the activity blocks within a second of block {@code b}. */
    private static boolean playsAround(boolean[] active, int b) {
        int around = (int) Math.round(1000 / BlockLevels.BLOCK_MS);
        int playing = 0;
        int counted = 0;
        for (int k = Math.max(0, b - around); k < Math.min(active.length, b + around); k++) {
            counted++;
            playing += active[k] ? 1 : 0;
        }
        return counted > 0 && playing >= ACTIVE_SHARE * counted;
    }

    /** A single fader move to {@code gainDb}, centred on {@code atS} and ramping over {@code rampS}. */
    private static List<Answer.Point> step(double atS, double rampS, double gainDb) {
        return List.of(new Answer.Point(0, 0), new Answer.Point(atS - rampS / 2, 0), new Answer.Point(atS + rampS / 2, gainDb));
    }

    /**
     * A ride of {@code moves} fader moves spread from {@code fromS} to {@code toS}, each ramping over 0.3–0.8 s to a
     * new level within ±{@code rangeDb} at least 2 dB from the last (rounded to 0.5 dB). A ride
     * that {@code alternates} swings up and down in turn by ¾ to all of {@code rangeDb} (planted unevenness); otherwise it starts
     * at 0 dB, as a ride from the original's level does.
     */
    private static List<Answer.Point> randomRide(double fromS, double toS, int moves, double rangeDb, boolean alternates,
            SplittableRandom random) {
        List<Answer.Point> points = new ArrayList<>();
        double segmentS = (toS - fromS) / (moves + 1);
        double previousDb = alternates ? swing(rangeDb, random) * (random.nextBoolean() ? 1 : -1) : 0;
        points.add(new Answer.Point(0, previousDb));
        for (int m = 1; m <= moves; m++) {
            double rampS = 0.3 + 0.5 * random.nextDouble();
            double centreS = fromS + segmentS * (m + 0.5 * (random.nextDouble() - 0.5));
            double targetDb;
            if (alternates) {
                targetDb = -Math.signum(previousDb) * swing(rangeDb, random);
            } else {
                do {
                    targetDb = Math.round(2 * rangeDb * (2 * random.nextDouble() - 1)) / 2.0;
                } while (Math.abs(targetDb - previousDb) < 2);
            }
            points.add(new Answer.Point(Rounding.toHundredths(centreS - rampS / 2), previousDb));
            points.add(new Answer.Point(Rounding.toHundredths(centreS + rampS / 2), targetDb));
            previousDb = targetDb;
        }
        return points;
    }

    private static double unevennessDb(LevelWindows windows, List<Answer.Point> planted) {
        Envelope envelope = envelope(planted);
        return windows.variationDb(envelope::valueAt);
    }

    /** A swing of three quarters to all of {@code rangeDb}, to 0.5 dB. */
    private static double swing(double rangeDb, SplittableRandom random) {
        return Math.round(2 * rangeDb * (0.75 + 0.25 * random.nextDouble())) / 2.0;
    }

    /** A ride in words, e.g. "0 dB, +4 dB at 1.2 s, −2 dB at 3.0 s". */
    private static String describe(List<Answer.Point> ride) {
        List<String> parts = new ArrayList<>();
        parts.add(Quantity.GAIN_DB.format(ride.get(0).value()));
        for (int i = 1; i < ride.size(); i++) {
            if (ride.get(i).value() != ride.get(i - 1).value()) {
                parts.add(Quantity.GAIN_DB.format(ride.get(i).value()) + " at " + Quantity.TIME_S.format(ride.get(i).timeS()));
            }
        }
        return String.join(", ", parts);
    }

    /** The points of a drawn answer, clamped to the ride's range; no points is no ride (0 dB). */
    static List<Answer.Point> drawn(Answer answer) {
        if (!(answer instanceof Answer.Drawn drawn)) {
            throw new IllegalArgumentException("this question is answered by drawing a curve");
        }
        if (drawn.points().isEmpty()) {
            return List.of(new Answer.Point(0, 0));
        }
        return drawn.points().stream().map(p -> new Answer.Point(Math.max(0, p.timeS()),
                Math.max(-RIDE_RANGE_DB, Math.min(RIDE_RANGE_DB, p.value())))).toList();
    }

    /** The ride as an envelope; points at the same time (a drawn jump) are nudged a tenth of a millisecond apart. */
    static Envelope envelope(List<Answer.Point> ride) {
        List<Breakpoint> points = new ArrayList<>();
        double lastS = -1;
        for (Answer.Point p : ride) {
            double t = Math.max(p.timeS(), lastS + 1e-4);
            points.add(new Breakpoint(t, p.value()));
            lastS = t;
        }
        return new Envelope(points, Curve.LINEAR);
    }

    /** A chain of one gain automated along the ride. */
    static ChainDescription gainChain(List<Answer.Point> ride) {
        return ChainDescription.of(gainStage(ride));
    }

    /** A gain automated along the ride. */
    private static GainSettings gainStage(List<Answer.Point> ride) {
        return new GainSettings(new Param.Automated(envelope(ride)));
    }

    /**
     * The mean absolute difference (dB) between two rides, sampled at the centre of every
     * activity block where the material plays (all blocks when none is known).
     */
    static double meanDifferenceDb(List<Answer.Point> truth, List<Answer.Point> answer, boolean[] active) {
        Envelope a = envelope(truth);
        Envelope b = envelope(answer);
        double blockS = BlockLevels.BLOCK_MS / 1000;
        double sum = 0;
        int counted = 0;
        for (int block = 0; block < active.length; block++) {
            if (active[block]) {
                double t = (block + 0.5) * blockS;
                sum += Math.abs(a.valueAt(t) - b.valueAt(t));
                counted++;
            }
        }
        return counted == 0 ? 0 : sum / counted;
    }

    /**
     * The excerpt's level in 400 ms windows every 100 ms (the momentary-loudness timing of EBU R128,
     * on plain energy), kept where the voice sings: windows within 10 dB of the loudest.
     */
    static final class LevelWindows {
        private static final int WINDOW_BLOCKS = 40;
        private static final int HOP_BLOCKS = 10;
        private static final double GATE_DB = 10;

        private final double[] energy;
        private final List<Integer> starts = new ArrayList<>();

        LevelWindows(double[] blockEnergy) {
            this.energy = blockEnergy;
            List<Integer> all = new ArrayList<>();
            List<Double> levels = new ArrayList<>();
            for (int start = 0; start + WINDOW_BLOCKS <= energy.length; start += HOP_BLOCKS) {
                all.add(start);
                levels.add(levelDb(start, t -> 0));
            }
            double loudestDb = levels.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            for (int i = 0; i < all.size(); i++) {
                if (levels.get(i) >= loudestDb - GATE_DB) {
                    starts.add(all.get(i));
                }
            }
        }

        /** Seconds from the first sung window's start to the last one's end (the whole excerpt when none is known). */
        double[] sungSpanS(double durationS) {
            double blockS = BlockLevels.BLOCK_MS / 1000;
            return starts.size() < 2 ? new double[] {0, durationS}
                    : new double[] {starts.get(0) * blockS, (starts.get(starts.size() - 1) + WINDOW_BLOCKS) * blockS};
        }

        /** The standard deviation (dB) of the window levels with a gain (dB, a function of seconds) applied. */
        double variationDb(DoubleUnaryOperator gainDbAt) {
            if (starts.size() < 2) {
                return 0;
            }
            double[] levels = starts.stream().mapToDouble(start -> levelDb(start, gainDbAt)).toArray();
            double mean = Arrays.stream(levels).average().orElse(0);
            double squares = Arrays.stream(levels).map(l -> (l - mean) * (l - mean)).sum();
            return Math.sqrt(squares / levels.length);
        }

        private double levelDb(int start, DoubleUnaryOperator gainDbAt) {
            double blockS = BlockLevels.BLOCK_MS / 1000;
            double sum = 0;
            for (int b = start; b < start + WINDOW_BLOCKS; b++) {
                sum += energy[b] * Math.pow(10, gainDbAt.applyAsDouble((b + 0.5) * blockS) / 10);
            }
            return 10 * Math.log10(sum / WINDOW_BLOCKS + 1e-30);
        }
    }
}
