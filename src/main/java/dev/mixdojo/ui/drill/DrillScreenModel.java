package dev.mixdojo.ui.drill;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.exercise.Practice;
import dev.mixdojo.exercise.PracticePlan;
import dev.mixdojo.exercise.Question;
import dev.mixdojo.exercise.QuestionKind;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.lesson.Lesson;
import dev.mixdojo.lesson.LessonLibrary;
import dev.mixdojo.progress.Attempt;
import dev.mixdojo.progress.Staircase;
import dev.mixdojo.ui.ProgressStore;
import dev.mixdojo.ui.Teaching;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Practice screen's logic: one lesson drill on the learner's staircase. It opens a
 * {@link Practice} for the drill, shows its questions in a {@link DrillPaneModel}, writes each
 * first answer to the log and prepares the next question while the learner answers. Loading,
 * rendering and writing run one after another on the background executor, never on the JavaFX
 * thread; the properties belong to the JavaFX thread.
 */
public final class DrillScreenModel {
    private final ProgressStore store;
    private final Teaching teaching;
    private final DrillPaneModel pane;
    private final Executor background;
    private final Executor onUiThread;
    private final Clock clock;
    private final LongSupplier seeds;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Practice");
    private final ReadOnlyStringWrapper level = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper session = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    /** Background steps run in this order: an answer is logged before the next question is chosen. */
    private CompletableFuture<Void> queue = CompletableFuture.completedFuture(null);
    private Practice practice;
    private boolean started;

    /**
     * A practice screen drawing on the lessons and log of {@code store}, showing questions in
     * {@code pane} and telling the store of every attempt saved; {@code clock} stamps attempts and
     * {@code seeds} gives each question's seed.
     */
    public DrillScreenModel(ProgressStore store, DrillPaneModel pane, Executor background, Executor onUiThread,
            Clock clock, LongSupplier seeds) {
        this.store = store;
        this.teaching = store.teaching();
        this.pane = pane;
        this.background = background;
        this.onUiThread = onUiThread;
        this.clock = clock;
        this.seeds = seeds;
        pane.setOnAnswered(this::record);
        pane.setOnNext(this::next);
    }

    public DrillPaneModel pane() {
        return pane;
    }

    /** The lesson and drill being practised. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The staircase's level (and the threshold, once known), in the drill's own terms. */
    public ReadOnlyStringProperty levelProperty() {
        return level.getReadOnlyProperty();
    }

    /** This sitting's count and accuracy, against the drill's round. */
    public ReadOnlyStringProperty sessionProperty() {
        return session.getReadOnlyProperty();
    }

    /** A problem (one sentence per line) or warnings about the log; empty when all is well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether a question is being prepared. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether a drill has been asked for. */
    public boolean started() {
        return started;
    }

    /** Practises drill {@code drillId} of lesson {@code lessonId}: its first question appears when rendered. */
    public void start(String lessonId, String drillId) {
        started = true;
        busy.set(true);
        message.set("");
        enqueue(() -> open(teaching.lessons(), lessonId, drillId));
    }

    /**
     * Practises what the learner did last (the drill of the newest attempt in the log), or the
     * first drill of the curriculum for a new learner.
     */
    public void startSuggested() {
        started = true;
        busy.set(true);
        enqueue(() -> {
            LessonLibrary library = teaching.lessons();
            Warnings warnings = new Warnings();
            List<Attempt> attempts = teaching.log().readAll(warnings);
            Optional<String[]> last = attempts.isEmpty() ? Optional.empty()
                    : drillOf(library, attempts.get(attempts.size() - 1));
            String[] chosen = last.orElseGet(() -> library.lessons().stream()
                    .filter(l -> !l.drills().isEmpty())
                    .findFirst()
                    .map(l -> new String[] {l.id(), l.drills().get(0).id()})
                    .orElseThrow(() -> new BadInputException("The lessons have no drills to practise.")));
            open(library, chosen[0], chosen[1]);
        });
    }

    /** The lesson and drill an attempt came from, if the lesson still has a drill of that skill. */
    private Optional<String[]> drillOf(LessonLibrary library, Attempt attempt) {
        return library.lesson(attempt.lessonId()).flatMap(lesson -> lesson.drills().stream()
                .filter(d -> teaching.kinds().kind(d.kind()).map(QuestionKind::skill).orElse("").equals(attempt.skill()))
                .findFirst()
                .map(d -> new String[] {lesson.id(), d.id()}));
    }

    private void open(LessonLibrary library, String lessonId, String drillId) {
        Lesson lesson = library.lesson(lessonId).orElseThrow(() -> new BadInputException(
                "There is no lesson '" + lessonId + "' in the lesson folder."));
        DrillSpec drill = lesson.drills().stream().filter(d -> d.id().equals(drillId)).findFirst()
                .orElseThrow(() -> new BadInputException("The lesson '" + lessonId + "' has no drill '" + drillId + "'."));
        QuestionKind kind = teaching.kinds().kind(drill.kind()).orElseThrow();
        Warnings warnings = new Warnings();
        Practice opened = Practice.open(lesson.id(), drill, kind, teaching.newExerciseAudio(), teaching.log(), clock,
                seeds, warnings);
        Question first = opened.nextQuestion();
        onUiThread.execute(() -> {
            practice = opened;
            title.set(lesson.title() + " — " + drill.title());
            message.set(String.join("\n", warnings.all()));
            showQuestion(first);
        });
    }

    private void record(DrillPaneModel.Answered answered) {
        Practice current = practice;
        enqueue(() -> {
            Practice.Graded saved = current.answer(answered.question(), answered.answer(), answered.responseTimeMs());
            onUiThread.execute(() -> {
                store.add(saved.attempt());
                updateStatus();
            });
        });
    }

    private void next() {
        Practice current = practice;
        if (current == null) {
            return;
        }
        busy.set(true);
        enqueue(() -> {
            Question question = current.nextQuestion();
            onUiThread.execute(() -> showQuestion(question));
        });
    }

    private void showQuestion(Question question) {
        pane.show(question);
        busy.set(false);
        updateStatus();
        // Rendered while the learner listens and answers, so Next is instant.
        practice.prepareNext(background);
    }

    private void updateStatus() {
        if (practice == null) {
            return;
        }
        level.set(describeLevel(practice.staircase(), practice.difficulty()));
        Practice.Session now = practice.session();
        int round = practice.drill().questions();
        session.set(now.answered() == 0 ? "A round is " + round + " questions." : tally(now) + (now.answered() >= round
                ? " — round complete." : " — " + (round - now.answered()) + " to go in this round."));
    }

    /** This sitting in one line: answered, right, partly right and the credit earned, e.g. "3 answered: 1 right, 1 partly right · 56% credit". */
    static String tally(Practice.Session now) {
        return String.format(Locale.ROOT, "This session: %d answered: %d right%s · %d%% credit", now.answered(), now.right(),
                now.partlyRight() == 0 ? "" : ", " + now.partlyRight() + " partly right", Math.round(100 * now.meanCredit()));
    }

    /** The level in the drill's terms, e.g. "Level 9 (size of the boost or cut in dB) · threshold 4.1 (3.2–5.2)". */
    static String describeLevel(Staircase staircase, String difficulty) {
        String text = "Level " + PracticePlan.level(staircase.level()) + " (" + difficulty + ")";
        return staircase.threshold()
                .map(t -> text + " · your threshold " + PracticePlan.level(t.value()) + " (95% interval " + PracticePlan.level(t.lower95())
                        + "–" + PracticePlan.level(t.upper95()) + ")")
                .orElse(text);
    }



    private void enqueue(Runnable step) {
        queue = queue.thenRunAsync(() -> {
            try {
                step.run();
            } catch (BadInputException e) {
                onUiThread.execute(() -> fail(e.getMessage()));
            } catch (RuntimeException e) {
                onUiThread.execute(() -> fail("The drill could not go on (" + e + ")."));
            }
        }, background);
    }

    private void fail(String sentence) {
        busy.set(false);
        message.set(sentence);
    }
}
