package dev.mixdojo.ui.drill;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.exercise.Answer;
import dev.mixdojo.exercise.AnswerForm;
import dev.mixdojo.exercise.Grade;
import dev.mixdojo.exercise.Grading;
import dev.mixdojo.exercise.Question;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.Transport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;

/**
 * One drill question on screen, without the toolkit's controls: the versions to compare loaded
 * into the playback engine, transport and loop, instant A/B, the learner's pending answer (a
 * choice, a value, a drawn curve or several settings), the grade, the learner's answer made
 * audible against the truth, and the step to the next question. Whoever hosts it (the practice
 * screen, an exam, a projector) gives it questions with {@link #show} and hears about answers
 * through {@link #setOnAnswered}; the pane never decides which question comes next. JavaFX thread
 * only; rendering an answer runs on the background executor.
 */
public final class DrillPaneModel implements AutoCloseable {
    /**
     * The answer to a question (one per question) and its grade, or no grade for a keyless question (graded on the
     * teacher's side).
     */
    public record Answered(Question question, Answer answer, Optional<Grade> grade, long responseTimeMs) {
    }

    /** A loop region in seconds from the start of the versions. */
    public record Loop(double startS, double endS) {
        public Loop {
            if (!(startS >= 0 && endS > startS)) {
                throw new IllegalArgumentException("a loop needs 0 ≤ start < end, got " + startS + " to " + endS);
            }
        }
    }

    /** The name of the version that plays the learner's answer, once rendered. */
    public static final String ANSWER_VERSION = "your answer";
    /** What the pane says after an answer in a mode without feedback, or to a keyless question. */
    static final String ANSWER_TAKEN = "Answer recorded.";
    /** Shortest loop a drag on the waveform makes, in seconds; a shorter drag is a click (a seek). */
    static final double SHORTEST_LOOP_S = 0.1;
    /** Spacing of a drawn curve's points, in seconds (at most {@value #MAX_CURVE_POINTS} points). */
    static final double CURVE_STEP_S = 0.5;
    static final int MAX_CURVE_POINTS = 41;

    private final AudioOutput audio;
    private final DrillMode mode;
    private final Executor background;
    private final Executor onUiThread;
    private final LongSupplier nanoTime;
    private final ReadOnlyObjectWrapper<Question> question = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Map<String, AudioBuffer>> sources = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyStringWrapper activeVersion = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper shownVersion = new ReadOnlyStringWrapper("");
    private final Transport transport;
    // Another device chosen in Settings gives an empty engine: load the question again.
    private final ChangeListener<PlaybackEngine> engineChanged = (obs, old, engine) -> reload();
    private final ReadOnlyObjectWrapper<Optional<Loop>> loop = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyObjectWrapper<Optional<Answer>> pendingAnswer = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyDoubleWrapper value = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyIntegerWrapper selectedDial = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<Optional<Grade>> grade = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyBooleanWrapper answered = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper revealed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper("");
    private Consumer<Answered> onAnswered = answer -> { };
    private Runnable onNext = () -> { };
    private List<Dial> dials = List.of();
    private long shownAtNanos;
    private long firstPlayNanos = -1;
    private double loopMarkS = -1;
    private DoubleSupplier levelRoveRangeDb = () -> 0;
    private final SplittableRandom roveRandom = new SplittableRandom();
    private final ReadOnlyDoubleWrapper playbackOffsetDb = new ReadOnlyDoubleWrapper(0);

    /**
     * A pane model playing through {@code audio}, behaving as {@code mode} says; answers are
     * rendered on {@code background} and handed back through {@code onUiThread}.
     */
    public DrillPaneModel(AudioOutput audio, DrillMode mode, Executor background, Executor onUiThread) {
        this(audio, mode, background, onUiThread, System::nanoTime);
    }

    /** As the four-argument constructor, rendering answers on the common pool and returning to the JavaFX thread. */
    public DrillPaneModel(AudioOutput audio, DrillMode mode) {
        this(audio, mode, ForkJoinPool.commonPool(), Platform::runLater);
    }

    /** With a clock for response times (tests). */
    DrillPaneModel(AudioOutput audio, DrillMode mode, Executor background, Executor onUiThread, LongSupplier nanoTime) {
        this.audio = audio;
        this.mode = mode;
        this.background = background;
        this.onUiThread = onUiThread;
        this.nanoTime = nanoTime;
        this.transport = new Transport(audio, () -> question.get() != null);
        audio.engineProperty().addListener(engineChanged);
    }

    /** Stops playback and lets go of the app's audio output: for a pane that is replaced (another assignment opened). */
    @Override
    public void close() {
        transport.close();
        audio.engineProperty().removeListener(engineChanged);
    }

    public DrillMode mode() {
        return mode;
    }

    /** Called once per question with its first graded answer (for the log, or an exam's results). */
    public void setOnAnswered(Consumer<Answered> listener) {
        onAnswered = listener;
    }

    /** Called when the learner asks for the next question (N, or the Next button). */
    public void setOnNext(Runnable listener) {
        onNext = listener;
    }

    /** Shows a question: loads its versions (the first one heard), clears the answer and grade. */
    public void show(Question next) {
        transport.stop();
        double roveDb = Math.max(0, levelRoveRangeDb.getAsDouble());
        // Every version of the question moves by the same offset, so A/B comparisons are untouched
        // while the absolute level changes from question to question; the offset only ever lowers
        // the level (0 to -2 × rove dB), so the versions keep their true-peak ceiling.
        playbackOffsetDb.set(roveDb == 0 ? 0 : -roveDb + (roveRandom.nextDouble() * 2 - 1) * roveDb);
        // Everything about the new question is set before the question itself, so views that
        // rebuild when it changes see the new answer form, dials and version at once.
        dials = dialsOf(next.form());
        value.set(value());
        selectedDial.set(0);
        grade.set(Optional.empty());
        answered.set(false);
        revealed.set(false);
        feedback.set("");
        loop.set(Optional.empty());
        loopMarkS = -1;
        Map<String, AudioBuffer> ordered = inAbOrder(next.audio());
        activeVersion.set(ordered.keySet().iterator().next());
        shownVersion.set(activeVersion.get());
        sources.set(ordered);
        question.set(next);
        updatePendingAnswer();
        shownAtNanos = nanoTime.getAsLong();
        firstPlayNanos = -1;
        reload();
    }

    /** Loads the question's versions into the engine again (after another screen used it). */
    public void reload() {
        if (question.get() == null) {
            return; // nothing was ever played here
        }
        transport.stop();
        PlaybackEngine engine = audio.engine();
        load(engine, sources.get());
        engine.clearLoop();
        loop.get().ifPresent(l -> engine.setLoop(frames(l.startS()), frames(l.endS())));
        engine.switchTo(activeVersion.get());
        transport.cue(duration(sources.get()));
    }

    /** Loads versions into the engine at this question's playback offset. */
    private void load(PlaybackEngine engine, Map<String, AudioBuffer> versions) {
        engine.load(versions);
        versions.keySet().forEach(name -> engine.setSourceGainDb(name, playbackOffsetDb.get()));
    }

    /**
     * Roves the playback level from question to question within ±{@code rangeDb} (read when each
     * question is shown; 0 turns it off), as Settings asks, so a learner cannot answer from the
     * absolute level they remember.
     */
    public void setLevelRove(DoubleSupplier rangeDb) {
        levelRoveRangeDb = rangeDb;
    }

    /** The playback offset of the question shown, in dB (0, or between 0 and −2 × the rove). */
    public ReadOnlyDoubleProperty playbackOffsetDbProperty() {
        return playbackOffsetDb.getReadOnlyProperty();
    }

    /** The question shown, or null before the first. */
    public ReadOnlyObjectProperty<Question> questionProperty() {
        return question.getReadOnlyProperty();
    }

    /** The versions loaded, by name: the question's, then {@value #ANSWER_VERSION} once rendered. */
    public ReadOnlyObjectProperty<Map<String, AudioBuffer>> sourcesProperty() {
        return sources.getReadOnlyProperty();
    }

    /** The names of the versions to compare, in order (e.g. {@code original}, {@code processed}). */
    public List<String> versions() {
        return List.copyOf(sources.get().keySet());
    }

    /** The version being heard. */
    public ReadOnlyStringProperty activeVersionProperty() {
        return activeVersion.getReadOnlyProperty();
    }

    /**
     * The version the waveform and the meters show: the first one (A, the original) until the
     * question is answered (or its truth revealed), whichever is heard, so that nothing on screen
     * tells A from B before the answer; after it, the one heard.
     */
    public ReadOnlyStringProperty shownVersionProperty() {
        return shownVersion.getReadOnlyProperty();
    }

    /**
     * The versions whose spectra the meters draw: the shown one alone before the answer, A and B
     * side by side after it ("see the change you just heard").
     */
    public List<String> spectrumVersions() {
        List<String> names = versions();
        return revealed.get() && names.size() >= 2 ? names.subList(0, 2) : List.of(shownVersion.get());
    }

    /** Switches instantly (a ≤ 10 ms crossfade at the same position) to the next version: A/B. */
    public void switchVersion() {
        List<String> names = versions();
        if (!names.isEmpty()) {
            listenTo(names.get((names.indexOf(activeVersion.get()) + 1) % names.size()));
        }
    }

    /** Switches to the named version. */
    public void listenTo(String version) {
        if (versions().contains(version)) {
            audio.engine().switchTo(version);
            activeVersion.set(version);
            if (revealed.get()) {
                shownVersion.set(version);
            }
        }
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return transport.playingProperty();
    }

    /** The playhead in seconds, refreshed by {@link #refresh()}. */
    public ReadOnlyDoubleProperty positionSProperty() {
        return transport.positionSProperty();
    }

    /** Length of the versions in seconds. */
    public ReadOnlyDoubleProperty durationSProperty() {
        return transport.durationSProperty();
    }

    /** The loop region, if one is set. */
    public ReadOnlyObjectProperty<Optional<Loop>> loopProperty() {
        return loop.getReadOnlyProperty();
    }

    /** Starts or stops playback (from the start once the end was reached). */
    public void togglePlay() {
        if (transport.toggle() && firstPlayNanos < 0) {
            firstPlayNanos = nanoTime.getAsLong();
        }
    }

    /** Stops playback. */
    public void stop() {
        transport.stop();
    }

    /** Moves the playhead to {@code seconds} (clamped to the versions). */
    public void seek(double seconds) {
        transport.seek(seconds);
    }

    /** Loops playback between two times in seconds (in either order, clamped); a span under 0.1 s seeks instead. */
    public void setLoop(double aS, double bS) {
        double start = Math.max(0, Math.min(aS, bS));
        double end = Math.min(transport.durationSProperty().get(), Math.max(aS, bS));
        if (end - start < SHORTEST_LOOP_S) {
            seek(start);
            return;
        }
        Loop region = new Loop(start, end);
        audio.engine().setLoop(frames(region.startS()), frames(region.endS()));
        loop.set(Optional.of(region));
        if (!audio.engine().isPlaying()) {
            seek(start);
        }
    }

    /** Remembers the playhead as the start of a loop that {@link #markLoopEnd()} completes (the [ key). */
    public void markLoopStart() {
        loopMarkS = transport.positionSProperty().get();
    }

    /** Loops from the mark set by {@link #markLoopStart()} to the playhead (the ] key). */
    public void markLoopEnd() {
        if (loopMarkS >= 0) {
            setLoop(loopMarkS, transport.positionSProperty().get());
        }
    }

    /** Plays the whole length again. */
    public void clearLoop() {
        audio.engine().clearLoop();
        loop.set(Optional.empty());
    }

    /** Reads the engine's playhead and state; the view calls it each frame while shown. */
    public void refresh() {
        transport.refresh();
    }

    /** The answer that Enter would give, if the learner has chosen or set one. */
    public ReadOnlyObjectProperty<Optional<Answer>> pendingAnswerProperty() {
        return pendingAnswer.getReadOnlyProperty();
    }

    /** Chooses an option by its label (choice questions). */
    public void choose(String label) {
        if (question.get() != null && question.get().form() instanceof AnswerForm.Choice choice && canAnswer()
                && choice.options().stream().anyMatch(o -> o.label().equals(label))) {
            pendingAnswer.set(Optional.of(new Answer.Chosen(label)));
        }
    }

    /** Chooses the option numbered {@code digit} (1 for the first); other digits are ignored. */
    public void chooseNumber(int digit) {
        if (question.get() != null && question.get().form() instanceof AnswerForm.Choice choice
                && digit >= 1 && digit <= choice.options().size()) {
            choose(choice.options().get(digit - 1).label());
        }
    }

    /** The value a value question's picker shows (its only dial), in the quantity's unit; 0 for other forms. */
    public double value() {
        return dials.isEmpty() ? 0 : dials.get(0).value();
    }

    /** {@link #value()} as a property. */
    public ReadOnlyDoubleProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    /** Sets the value of a value question, or the selected setting or curve point (clamped to its axis). */
    public void setValue(double newValue) {
        setDial(selectedDial.get(), newValue);
    }

    /** Moves the selected value, setting or curve point by arrow-key steps ({@code large} with Shift). */
    public void nudge(int steps, boolean large) {
        if (!dials.isEmpty()) {
            Dial dial = dials.get(selectedDial.get());
            setDial(selectedDial.get(), dial.scale().nudge(dial.value(), steps, large));
        }
    }

    /** Selects another setting or curve point, {@code delta} places on (clamped). */
    public void selectDial(int delta) {
        if (!dials.isEmpty()) {
            selectedDial.set(Math.max(0, Math.min(dials.size() - 1, selectedDial.get() + delta)));
        }
    }

    /** Which setting or curve point the arrow keys adjust. */
    public ReadOnlyIntegerProperty selectedDialProperty() {
        return selectedDial.getReadOnlyProperty();
    }

    /** The adjustable values of the answer: one for a value question, one per setting, one per curve point. */
    List<Dial> dials() {
        return dials;
    }

    /** Sets dial {@code index} (and selects it). */
    void setDial(int index, double newValue) {
        if (index >= 0 && index < dials.size() && canAnswer()) {
            selectedDial.set(index);
            dials.get(index).set(newValue);
            value.set(value());
            updatePendingAnswer();
        }
    }

    /**
     * Grades the pending answer (Enter; a keyless question's is only taken), reports it to the host
     * and reveals the truth; a question takes one answer. Returns whether an answer was taken.
     */
    public boolean submit() {
        Question shown = question.get();
        if (shown == null || pendingAnswer.get().isEmpty() || !canAnswer()) {
            return false;
        }
        Answer answer = pendingAnswer.get().get();
        Optional<Grade> result = shown.gradedHere() ? Optional.of(shown.grade(answer)) : Optional.empty();
        grade.set(result);
        answered.set(true);
        feedback.set(result.map(this::describe).orElse(ANSWER_TAKEN));
        reveal();
        long since = firstPlayNanos >= 0 ? firstPlayNanos : shownAtNanos;
        onAnswered.accept(new Answered(shown, answer, result, Math.max(0, (nanoTime.getAsLong() - since) / 1_000_000)));
        if (mode.allowAudition()) {
            renderAnswer(shown, answer);
        }
        return true;
    }

    /** Whether the learner may (still) answer: once per question, before the truth is revealed. */
    public boolean canAnswer() {
        return grade.get().isEmpty() && !revealed.get();
    }

    /**
     * Shows the truth (after the answer, or when a projector's teacher reveals it): the waveform and
     * meters follow the version heard and draw both spectra; in modes that show feedback the right
     * choice, or the true value on the axis, is marked. No answer is taken after it.
     */
    public void reveal() {
        if (question.get() != null) {
            revealed.set(true);
            shownVersion.set(activeVersion.get());
        }
    }

    /** Whether the truth is shown: the question was answered or revealed. */
    public ReadOnlyBooleanProperty revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    /** Whether the truth is marked on the answer widget: revealed, in a mode that shows feedback. */
    public boolean truthShown() {
        return revealed.get() && mode.showFeedback();
    }

    /**
     * The option that is the truth, for a choice: the one labelled as the truth, or else (options
     * that stand for values) the one nearest the true value.
     */
    public Optional<String> truthOption() {
        Question shown = question.get();
        if (shown == null || !(shown.form() instanceof AnswerForm.Choice choice)) {
            return Optional.empty();
        }
        if (!shown.gradedHere()) {
            return Optional.empty(); // the key stayed with the teacher
        }
        String label = shown.key().truthLabel();
        return choice.options().stream().filter(o -> o.label().equals(label)).findFirst()
                .or(() -> choice.options().stream().min(Comparator.comparingDouble(o -> Math.abs(o.value() - shown.key().truth()))))
                .map(AnswerForm.Option::label);
    }

    /** The true value, for a question answered with one value on an axis (graded by its distance). */
    public OptionalDouble truthValue() {
        Question shown = question.get();
        return shown != null && shown.form() instanceof AnswerForm.Value && shown.grading() instanceof Grading.ByValue
                ? OptionalDouble.of(shown.key().truth()) : OptionalDouble.empty();
    }

    /** How an answer did: right, partly right (some credit, not right for the staircase) or wrong. */
    public enum Outcome {
        RIGHT, PARTLY_RIGHT, WRONG;

        /** The outcome of a grade. */
        public static Outcome of(Grade grade) {
            return grade.correct() ? RIGHT : grade.partlyRight() ? PARTLY_RIGHT : WRONG;
        }
    }

    /** The grade of the last answer given, shown after answering. */
    public ReadOnlyObjectProperty<Optional<Grade>> gradeProperty() {
        return grade.getReadOnlyProperty();
    }

    /** Whether the question has been answered at least once. */
    public ReadOnlyBooleanProperty answeredProperty() {
        return answered.getReadOnlyProperty();
    }

    /** What the pane says after an answer: the grade's sentence, or only that it was recorded. */
    public ReadOnlyStringProperty feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    /** Whether the learner's answer can be heard ({@value #ANSWER_VERSION} is loaded). */
    public boolean canHearAnswer() {
        return sources.get().containsKey(ANSWER_VERSION);
    }

    /** "Hear my answer against the truth" (H): switches between the learner's answer and the processed version, playing. */
    public void hearAnswerAgainstTruth() {
        if (!canHearAnswer()) {
            return;
        }
        List<String> names = versions();
        String truth = names.contains("processed") ? "processed" : names.get(names.size() - 2);
        listenTo(ANSWER_VERSION.equals(activeVersion.get()) ? truth : ANSWER_VERSION);
        if (!audio.engine().isPlaying()) {
            togglePlay();
        }
    }

    /** Asks the host for the next question (only once this one is answered). */
    public void next() {
        if (answered.get()) {
            stop();
            onNext.run();
        }
    }

    private void renderAnswer(Question shown, Answer answer) {
        try {
            background.execute(() -> shown.answerAudio(answer).ifPresent(rendered -> onUiThread.execute(() -> {
                if (question.get() == shown) {
                    Map<String, AudioBuffer> withAnswer = inAbOrder(shown.audio());
                    withAnswer.put(ANSWER_VERSION, rendered);
                    sources.set(withAnswer);
                    load(audio.engine(), withAnswer);
                    audio.engine().switchTo(activeVersion.get());
                }
            })));
        } catch (RejectedExecutionException closing) {
            // The app is shutting down its workers; there is no one left to hear the answer.
        }
    }

    private void updatePendingAnswer() {
        Question shown = question.get();
        if (shown == null) {
            pendingAnswer.set(Optional.empty());
            return;
        }
        AnswerForm form = shown.form();
        if (form instanceof AnswerForm.Value) {
            pendingAnswer.set(Optional.of(new Answer.Valued(dials.get(0).value())));
        } else if (form instanceof AnswerForm.Settings) {
            Map<String, Double> values = new LinkedHashMap<>();
            dials.forEach(d -> values.put(d.name(), d.value()));
            pendingAnswer.set(Optional.of(new Answer.Dialed(values)));
        } else if (form instanceof AnswerForm.Curve) {
            pendingAnswer.set(Optional.of(new Answer.Drawn(dials.stream()
                    .map(d -> new Answer.Point(d.timeS(), d.value())).toList())));
        } else {
            pendingAnswer.set(Optional.empty());
        }
    }

    /** The dials of a form: one for a value, one per setting, and points {@value #CURVE_STEP_S} s apart for a curve. */
    static List<Dial> dialsOf(AnswerForm form) {
        if (form instanceof AnswerForm.Value value) {
            return List.of(new Dial("", ValueScale.of(value), Double.NaN));
        }
        if (form instanceof AnswerForm.Settings settings) {
            return settings.settings().stream().map(s -> new Dial(s.name(), ValueScale.of(s), Double.NaN)).toList();
        }
        if (form instanceof AnswerForm.Curve curve) {
            int points = Math.max(2, Math.min(MAX_CURVE_POINTS, (int) Math.round(curve.durationS() / CURVE_STEP_S) + 1));
            List<Dial> dials = new ArrayList<>();
            for (int i = 0; i < points; i++) {
                dials.add(new Dial("", ValueScale.of(curve), curve.durationS() * i / (points - 1)));
            }
            return List.copyOf(dials);
        }
        return List.of();
    }

    private String describe(Grade result) {
        if (!mode.showFeedback()) {
            return ANSWER_TAKEN;
        }
        return switch (Outcome.of(result)) {
            case RIGHT -> result.feedback();
            case PARTLY_RIGHT -> result.feedback() + " Partly right: " + Math.round(result.score() * 100) + "% credit.";
            case WRONG -> result.feedback() + " No credit.";
        };
    }

    /** The versions with {@code original} first (A) and {@code processed} second (B), the rest after in their order. */
    static Map<String, AudioBuffer> inAbOrder(Map<String, AudioBuffer> versions) {
        Map<String, AudioBuffer> ordered = new LinkedHashMap<>();
        for (String name : List.of("original", "processed")) {
            if (versions.containsKey(name)) {
                ordered.put(name, versions.get(name));
            }
        }
        versions.forEach(ordered::putIfAbsent);
        return ordered;
    }

    private static double duration(Map<String, AudioBuffer> versions) {
        return versions.values().stream().mapToDouble(AudioBuffer::durationS).max().orElse(0);
    }

    private long frames(double seconds) {
        return Math.round(seconds * audio.engine().sampleRateHz());
    }
}
