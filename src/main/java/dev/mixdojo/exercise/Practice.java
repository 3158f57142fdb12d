package dev.mixdojo.exercise;

import dev.mixdojo.base.Warnings;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.progress.Attempt;
import dev.mixdojo.progress.AttemptLog;
import dev.mixdojo.progress.SkillStates;
import dev.mixdojo.progress.Staircase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * One lesson drill practised adaptively: the skill's staircase rebuilt from the attempt log, each
 * question generated at the staircase's level with a fresh seed, each answer graded and appended
 * to the log, and the next question prepared in the background while the learner answers.
 *
 * <p>Threads: every method may be called from any thread; question generation blocks (it renders
 * audio), so callers on a UI thread hand {@link #nextQuestion} and {@link #answer} (which writes
 * the log) to a worker. Generations run one at a time, because the exercise audio is not thread-safe.
 */
public final class Practice {
    private final String lessonId;
    private final DrillSpec drill;
    private final QuestionKind kind;
    private final ExerciseAudio audio;
    private final AttemptLog log;
    private final Clock clock;
    private final LongSupplier seeds;
    private SkillStates states;
    private final List<Attempt> history; // the log's attempts and this sitting's: the weak targets come from them
    private Session session = new Session(0, 0, 0, 0);
    /** Questions being prepared for the next turn, by the level they are made at. */
    private Map<Double, Prepared> prepared = Map.of();

    /**
     * A question being prepared, claimed by whoever gets to it first: the worker (it renders it)
     * or the next turn (it drops it, so a turn never waits for a job still queued behind itself
     * on a one-thread executor).
     */
    private static final class Prepared {
        /** Who has claimed it: nobody yet, the worker, or the next turn. */
        enum State {
            /** Queued; whoever comes first claims it. */
            WAITING,
            /** Claimed by the worker, which renders it: the next turn at its level waits for it. */
            RENDERING,
            /** Claimed by the next turn, which does not wait for it: the worker skips it. */
            DROPPED
        }

        /** Its state, claimed by compare-and-set. */
        final AtomicReference<State> state = new AtomicReference<>(State.WAITING);
        /** The work that renders it, set once it is queued. */
        CompletableFuture<Question> job;
    }

    /** What one answer did: its grade and the attempt written to the log. */
    public record Graded(Question question, Answer answer, Grade grade, Attempt attempt) {
    }

    /**
     * This sitting's answers: how many, how many counted as right (for the staircase), how many
     * earned some credit without counting as right, and the sum of their credit (0…1 each).
     */
    public record Session(int answered, int right, int partlyRight, double credit) {
        /** Share of right answers, 0 to 1 (0 before the first answer). */
        public double accuracy() {
            return answered == 0 ? 0 : right / (double) answered;
        }

        /** Mean credit, 0 to 1 (0 before the first answer). */
        public double meanCredit() {
            return answered == 0 ? 0 : credit / answered;
        }

        /** The answers since {@code earlier} (this session as it was then). */
        public Session since(Session earlier) {
            return new Session(answered - earlier.answered, right - earlier.right, partlyRight - earlier.partlyRight,
                    credit - earlier.credit);
        }

        /** The session after one more graded answer. */
        Session with(Grade grade) {
            return new Session(answered + 1, right + (grade.correct() ? 1 : 0), partlyRight + (grade.partlyRight() ? 1 : 0),
                    credit + grade.score());
        }
    }

    private Practice(String lessonId, DrillSpec drill, QuestionKind kind, ExerciseAudio audio, AttemptLog log,
            Clock clock, LongSupplier seeds, List<Attempt> history) {
        this.lessonId = lessonId;
        this.drill = drill;
        this.kind = kind;
        this.audio = audio;
        this.log = log;
        this.clock = clock;
        this.seeds = seeds;
        this.history = new ArrayList<>(history);
        this.states = SkillStates.rebuild(history, skill -> drill.difficulty());
    }

    /**
     * Opens the practice of {@code drill}, replaying {@code log} (damaged lines go to
     * {@code warnings}) so the staircase continues where the learner left it; {@code seeds} gives
     * each question's seed and {@code clock} each attempt's time.
     */
    public static Practice open(String lessonId, DrillSpec drill, QuestionKind kind, ExerciseAudio audio, AttemptLog log,
            Clock clock, LongSupplier seeds, Warnings warnings) {
        if (!kind.name().equals(drill.kind())) {
            throw new IllegalArgumentException("the drill asks for '" + drill.kind() + "', not '" + kind.name() + "'");
        }
        return new Practice(lessonId, drill, kind, audio, log, clock, seeds, log.readAll(warnings));
    }

    /** The lesson the drill belongs to. */
    public String lessonId() {
        return lessonId;
    }

    /** The drill practised. */
    public DrillSpec drill() {
        return drill;
    }

    /** The skill whose staircase this drill moves, e.g. {@code eq.frequency}. */
    public String skill() {
        return kind.skill();
    }

    /** What the level means, e.g. "size of the boost or cut in dB". */
    public String difficulty() {
        return kind.difficulty();
    }

    /** The skill's staircase now. */
    public synchronized Staircase staircase() {
        return states.staircase(kind.skill());
    }

    /** The level of the next question, in the unit {@link #difficulty()} names. */
    public double level() {
        return staircase().level();
    }

    /** This sitting's answers so far. */
    public synchronized Session session() {
        return session;
    }

    /**
     * The next question at the staircase's level: the one prepared by {@link #prepareNext} for this
     * level if its rendering has begun (awaited), else generated now with a fresh seed; preparations
     * not begun yet are dropped. Blocks while it renders.
     */
    public Question nextQuestion() {
        double level;
        Map<Double, Prepared> batch;
        synchronized (this) {
            level = states.nextLevel(kind.skill());
            batch = prepared;
            prepared = Map.of();
        }
        Question ready = null;
        for (Map.Entry<Double, Prepared> entry : batch.entrySet()) {
            Prepared candidate = entry.getValue();
            boolean rendering = !candidate.state.compareAndSet(Prepared.State.WAITING, Prepared.State.DROPPED);
            if (rendering && entry.getKey() == level) {
                try {
                    ready = candidate.job.join();
                } catch (CompletionException e) {
                    // The prepared seed failed (e.g. an unfair excerpt); a fresh seed gets its own chance below.
                }
            }
        }
        return ready != null ? ready : generate(level, seeds.getAsLong());
    }

    /**
     * Starts preparing, on {@code background}, the question that follows the current one: the
     * answer decides the next level, so both possible levels are prepared with one seed, the level
     * after a right answer first (the likelier: about 79 % once the staircase converges).
     */
    public void prepareNext(Executor background) {
        Staircase now = staircase();
        long seed = seeds.getAsLong();
        Map<Double, Prepared> jobs = new LinkedHashMap<>();
        CompletableFuture<Question> previous = CompletableFuture.completedFuture(null);
        for (boolean right : new boolean[] {true, false}) {
            double level = now.next(right).level();
            if (!jobs.containsKey(level)) {
                Prepared job = new Prepared();
                // Chained, so the two never compete for the exercise audio or the cores.
                job.job = previous.handleAsync((ignored, failure) ->
                        job.state.compareAndSet(Prepared.State.WAITING, Prepared.State.RENDERING) ? generate(level, seed) : null, background);
                jobs.put(level, job);
                previous = job.job;
            }
        }
        synchronized (this) {
            prepared = jobs;
        }
    }

    /**
     * Grades {@code answer} to {@code question}, appends the attempt to the log (forced to disk),
     * and moves the staircase. {@code responseTimeMs} is the time from first playback to the answer.
     */
    public Graded answer(Question question, Answer answer, long responseTimeMs) {
        Grade grade = question.grade(answer);
        Attempt attempt = attempt(UUID.randomUUID().toString(), question, answer, grade, responseTimeMs);
        log.append(attempt);
        synchronized (this) {
            states = states.with(attempt);
            history.add(attempt);
            session = session.with(grade);
        }
        return new Graded(question, answer, grade, attempt);
    }

    /** A question whose target is drawn with weight toward the ones this learner gets wrong ({@link TargetWeights}). */
    private Question generate(double level, long seed) {
        TargetWeights weights;
        synchronized (this) {
            weights = TargetWeights.fromAttempts(history, kind.skill());
        }
        synchronized (audio) {
            return kind.generate(lessonId, drill, level, seed, audio, weights);
        }
    }

    /**
     * The log entry for an answer. Values are stored on the quantity's error scale (octaves above
     * 20 Hz, percent of the way to one side…) so that answer minus truth is the graded error; an
     * answer graded by the kind's own measure (a drawn curve, several settings) is stored as truth
     * 0 and answer = its error in the grade's unit, for the same reason.
     */
    private Attempt attempt(String id, Question question, Answer answer, Grade grade, long responseTimeMs) {
        double truth;
        double given;
        String unit;
        String answerLabel;
        Optional<Quantity> quantity = quantityOf(question);
        if (question.grading() instanceof Grading.ByMeasure || quantity.isEmpty() && !(answer instanceof Answer.Chosen)) {
            truth = 0;
            given = grade.error();
            unit = grade.unit();
            answerLabel = describe(answer);
        } else {
            double value = question.form().valueOf(answer);
            truth = quantity.map(q -> q.onErrorScale(question.key().truth())).orElse(question.key().truth());
            given = quantity.map(q -> q.onErrorScale(value)).orElse(value);
            unit = quantity.map(Quantity::errorUnit).orElse("");
            answerLabel = answer instanceof Answer.Chosen chosen ? chosen.label()
                    : quantity.map(q -> q.format(value)).orElse(String.valueOf(value));
        }
        return new Attempt(id, clock.instant(), lessonId, kind.skill(), question.level(), question.seed(), truth, given,
                unit, question.key().truthLabel(), answerLabel, grade.correct(), grade.score(), responseTimeMs, drill.id());
    }

    private static Optional<Quantity> quantityOf(Question question) {
        if (question.grading() instanceof Grading.ByValue byValue) {
            return Optional.of(byValue.numeric().quantity());
        }
        return question.form() instanceof AnswerForm.Value value ? Optional.of(value.quantity()) : Optional.empty();
    }

    /** A short label for answers that are not one value: the confusion matrix counts labels. */
    private static String describe(Answer answer) {
        if (answer instanceof Answer.Drawn drawn) {
            return "a drawn curve (" + drawn.points().size() + " points)";
        }
        if (answer instanceof Answer.Dialed dialed) {
            return "settings " + new java.util.TreeMap<>(dialed.values());
        }
        return answer.toString();
    }
}
