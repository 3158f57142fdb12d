package dev.mixdojo.ui.drill;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.exercise.Answer;
import dev.mixdojo.exercise.AnswerForm;
import dev.mixdojo.exercise.Grade;
import dev.mixdojo.exercise.Question;
import dev.mixdojo.ui.AudioOutput;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One drill question on screen, without the toolkit's controls: the versions to compare loaded
 * into the playback engine, transport and loop, instant A/B, the learner's pending answer, the
 * grade and the step to the next question. Whoever hosts it (the practice screen, an exam, a
 * projector) gives it questions with {@link #show} and hears about answers through
 * {@link #setOnAnswered}; the pane never decides which question comes next. JavaFX thread only.
 */
public final class DrillPaneModel {
    /** One graded first answer to a question; retries are not reported. */
    public record Answered(Question question, Answer answer, Grade grade, long responseTimeMs) {
    }

    /** A loop region in seconds from the start of the versions. */
    public record Loop(double startS, double endS) {
        public Loop {
            if (!(startS >= 0 && endS > startS)) {
                throw new IllegalArgumentException("a loop needs 0 ≤ start < end, got " + startS + " to " + endS);
            }
        }
    }

    /** Shortest loop a drag on the waveform makes, in seconds; a shorter drag is a click (a seek). */
    static final double SHORTEST_LOOP_S = 0.1;

    private final AudioOutput audio;
    private final DrillMode mode;
    private final LongSupplier nanoTime;
    private final ReadOnlyObjectWrapper<Question> question = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper activeVersion = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper positionS = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyDoubleWrapper durationS = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyObjectWrapper<Optional<Loop>> loop = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyObjectWrapper<Optional<Answer>> pendingAnswer = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyDoubleWrapper value = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyObjectWrapper<Optional<Grade>> grade = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyBooleanWrapper answered = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper("");
    private Consumer<Answered> onAnswered = answer -> { };
    private Runnable onNext = () -> { };
    private Optional<ValueScale> scale = Optional.empty();
    private long shownAtNanos;
    private long firstPlayNanos = -1;
    private double loopMarkS = -1;

    /** A pane model playing through {@code audio}, behaving as {@code mode} says. */
    public DrillPaneModel(AudioOutput audio, DrillMode mode) {
        this(audio, mode, System::nanoTime);
    }

    /** As {@link #DrillPaneModel(AudioOutput, DrillMode)} with a clock for response times (tests). */
    DrillPaneModel(AudioOutput audio, DrillMode mode, LongSupplier nanoTime) {
        this.audio = audio;
        this.mode = mode;
        this.nanoTime = nanoTime;
        // Another device chosen in Settings gives an empty engine: load the question again.
        audio.engineProperty().addListener((obs, old, engine) -> reload());
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
        audio.engine().stop();
        // Everything about the new question is set before the question itself, so views that
        // rebuild when it changes see the new answer form, value and version at once.
        scale = next.form() instanceof AnswerForm.Value form ? Optional.of(ValueScale.of(form)) : Optional.empty();
        value.set(scale.map(ValueScale::start).orElse(0.0));
        pendingAnswer.set(scale.map(s -> (Answer) new Answer.Valued(s.start())));
        grade.set(Optional.empty());
        answered.set(false);
        feedback.set("");
        loop.set(Optional.empty());
        loopMarkS = -1;
        activeVersion.set(List.copyOf(next.audio().keySet()).get(0));
        question.set(next);
        shownAtNanos = nanoTime.getAsLong();
        firstPlayNanos = -1;
        reload();
    }

    /** Loads the question's versions into the engine again (after another screen used it). */
    public void reload() {
        Question shown = question.get();
        playing.set(false);
        if (shown == null) {
            return;
        }
        PlaybackEngine engine = audio.engine();
        engine.stop();
        engine.load(shown.audio());
        engine.clearLoop();
        loop.get().ifPresent(l -> engine.setLoop(frames(l.startS()), frames(l.endS())));
        engine.switchTo(activeVersion.get());
        engine.seekFrames(0);
        positionS.set(0);
        durationS.set(shown.audio().values().stream().mapToDouble(AudioBuffer::durationS).max().orElse(0));
    }

    /** The question shown, or null before the first. */
    public ReadOnlyObjectProperty<Question> questionProperty() {
        return question.getReadOnlyProperty();
    }

    /** The names of the versions to compare, in order (e.g. {@code original}, {@code processed}). */
    public List<String> versions() {
        Question shown = question.get();
        return shown == null ? List.of() : List.copyOf(shown.audio().keySet());
    }

    /** The version being heard. */
    public ReadOnlyStringProperty activeVersionProperty() {
        return activeVersion.getReadOnlyProperty();
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
        }
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** The playhead in seconds, refreshed by {@link #refresh()}. */
    public ReadOnlyDoubleProperty positionSProperty() {
        return positionS.getReadOnlyProperty();
    }

    /** Length of the versions in seconds. */
    public ReadOnlyDoubleProperty durationSProperty() {
        return durationS.getReadOnlyProperty();
    }

    /** The loop region, if one is set. */
    public ReadOnlyObjectProperty<Optional<Loop>> loopProperty() {
        return loop.getReadOnlyProperty();
    }

    /** Starts or stops playback (from the start once the end was reached). */
    public void togglePlay() {
        if (question.get() == null) {
            return;
        }
        PlaybackEngine engine = audio.engine();
        if (engine.isPlaying()) {
            engine.stop();
        } else {
            if (firstPlayNanos < 0) {
                firstPlayNanos = nanoTime.getAsLong();
            }
            engine.play();
        }
        playing.set(engine.isPlaying());
    }

    /** Stops playback. */
    public void stop() {
        audio.engine().stop();
        playing.set(false);
    }

    /** Moves the playhead to {@code seconds} (clamped to the versions). */
    public void seek(double seconds) {
        if (question.get() != null) {
            audio.engine().seekSeconds(Math.max(0, Math.min(seconds, durationS.get())));
            positionS.set(audio.engine().positionSeconds());
        }
    }

    /** Loops playback between two times in seconds (in either order, clamped); a span under 0.1 s seeks instead. */
    public void setLoop(double aS, double bS) {
        double start = Math.max(0, Math.min(aS, bS));
        double end = Math.min(durationS.get(), Math.max(aS, bS));
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
        loopMarkS = positionS.get();
    }

    /** Loops from the mark set by {@link #markLoopStart()} to the playhead (the ] key). */
    public void markLoopEnd() {
        if (loopMarkS >= 0) {
            setLoop(loopMarkS, positionS.get());
        }
    }

    /** Plays the whole length again. */
    public void clearLoop() {
        audio.engine().clearLoop();
        loop.set(Optional.empty());
    }

    /** Reads the engine's playhead and state; the view calls it each frame while shown. */
    public void refresh() {
        if (question.get() != null) {
            positionS.set(audio.engine().positionSeconds());
            playing.set(audio.engine().isPlaying());
        }
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

    /** The value a value question's picker shows, in the quantity's unit. */
    public ReadOnlyDoubleProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    /** Sets the value answer (clamped to the form's range). */
    public void setValue(double newValue) {
        scale.filter(s -> canAnswer()).ifPresent(s -> {
            value.set(s.clamp(newValue));
            pendingAnswer.set(Optional.of(new Answer.Valued(value.get())));
        });
    }

    /** Moves the value answer by arrow-key steps ({@code large} with Shift). */
    public void nudge(int steps, boolean large) {
        scale.ifPresent(s -> setValue(s.nudge(value.get(), steps, large)));
    }

    /** The axis of a value question, if this is one. */
    Optional<ValueScale> scale() {
        return scale;
    }

    /**
     * Grades the pending answer (Enter). The first answer is reported to the host; after a wrong
     * one, a mode that allows retries lets the learner answer again (graded, not reported).
     * Returns whether an answer was graded.
     */
    public boolean submit() {
        Question shown = question.get();
        if (shown == null || pendingAnswer.get().isEmpty() || !canAnswer()) {
            return false;
        }
        Answer answer = pendingAnswer.get().get();
        Grade result = shown.grade(answer);
        boolean first = !answered.get();
        grade.set(Optional.of(result));
        answered.set(true);
        feedback.set(describe(result));
        if (first) {
            long since = firstPlayNanos >= 0 ? firstPlayNanos : shownAtNanos;
            onAnswered.accept(new Answered(shown, answer, result, Math.max(0, (nanoTime.getAsLong() - since) / 1_000_000)));
        }
        return true;
    }

    /** Whether the learner may (still) answer: before the first answer, or after a wrong one when retries are on. */
    public boolean canAnswer() {
        Optional<Grade> graded = grade.get();
        return graded.isEmpty() || mode.allowRetry() && mode.showFeedback() && !graded.get().correct();
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

    /** Asks the host for the next question (only once this one is answered). */
    public void next() {
        if (answered.get()) {
            stop();
            onNext.run();
        }
    }

    private String describe(Grade result) {
        if (!mode.showFeedback()) {
            return "Answer recorded.";
        }
        String score = result.correct() ? "" : " " + Math.round(result.score() * 100) + "% credit.";
        String retry = canAnswer() ? " Try again, or press N for the next question." : "";
        return result.feedback() + score + retry;
    }

    private long frames(double seconds) {
        return Math.round(seconds * audio.engine().sampleRateHz());
    }

    /** The sources of the question, for meters that measure what is heard. */
    Map<String, AudioBuffer> sources() {
        Question shown = question.get();
        return shown == null ? Map.of() : shown.audio();
    }
}
