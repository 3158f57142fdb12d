package dev.mixdojo.ui.drill;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.exercise.Practice;
import dev.mixdojo.exercise.Question;
import dev.mixdojo.exercise.QuestionKind;
import dev.mixdojo.exercise.RoundSummary;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.lesson.Lesson;
import dev.mixdojo.lesson.LessonLibrary;
import dev.mixdojo.progress.Attempt;
import dev.mixdojo.progress.Staircase;
import dev.mixdojo.ui.LearnerRecords;
import dev.mixdojo.ui.ProgressStore;
import dev.mixdojo.ui.Teaching;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
    private final ReadOnlyObjectWrapper<Optional<RoundSummary>> summary = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final Consumer<String> openLesson;
    private final DrillPreparation preparation;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper("");
    /** The opening under way (or the last one); JavaFX thread. */
    private Job job = new Job(false);
    /** Where the round under way began, and its saved attempts; JavaFX thread. */
    private Round round;
    /** Background steps run in this order: an answer is logged before the next question is chosen. */
    private CompletableFuture<Void> queue = CompletableFuture.completedFuture(null);
    private Practice practice;
    private boolean started;

    /**
     * A practice screen drawing on the lessons and log of {@code store}, showing questions in
     * {@code pane} and telling the store of every attempt saved (stamped by the store's clock); a drill
     * that {@code preparation} has ready opens at once;
     * {@code seeds} gives each question's seed and {@code openLesson} opens a lesson (the round
     * summary's next step) by id.
     */
    public DrillScreenModel(ProgressStore store, DrillPreparation preparation, DrillPaneModel pane, Executor background,
            Executor onUiThread, LongSupplier seeds, Consumer<String> openLesson) {
        this.store = store;
        this.preparation = preparation;
        this.openLesson = openLesson;
        this.teaching = store.teaching();
        this.pane = pane;
        this.background = background;
        this.onUiThread = onUiThread;
        this.clock = store.clock();
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

    /** The summary of the round just completed, shown until the learner goes on; empty during a round. */
    public ReadOnlyObjectProperty<Optional<RoundSummary>> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the drill's level means, e.g. "size of the boost or cut in dB"; empty before a drill opens. */
    public String difficulty() {
        return practice == null ? "" : practice.difficulty();
    }

    /** Whether a drill has been asked for. */
    public boolean started() {
        return started;
    }

    /** Practises drill {@code drillId} of lesson {@code lessonId}: its first question appears when rendered. */
    public void start(String lessonId, String drillId) {
        begin();
        Optional<DrillPreparation.Opened> prepared = preparation.take(lessonId, drillId,
                store.now().map(r -> r.attempts().size()).orElse(-1));
        if (prepared.isPresent()) {
            job.cancel(); // a slower opening still under way is not wanted any more
            show(prepared.get());
            return;
        }
        opening(() -> open(teaching.lessons(), lessonId, drillId, Optional.empty(), job));
    }

    /**
     * Practises drill {@code drillId} of lesson {@code lessonId} on the learner's imported song
     * {@code materialName} (a drill that fits one song, see {@link dev.mixdojo.exercise.OwnMusic}).
     */
    public void startOnOwnMusic(String lessonId, String drillId, String materialName) {
        begin();
        opening(() -> open(teaching.lessons(), lessonId, drillId, Optional.of(materialName), job));
    }

    /** A drill is asked for: the last round's summary and message go. */
    private void begin() {
        started = true;
        store.load();
        summary.set(Optional.empty());
        message.set("");
    }

    /** The learner stops waiting for the drill being opened: it is dropped, and what was shown stays. */
    public void cancel() {
        if (busy.get() && job.opening) {
            job.cancel();
            busy.set(false);
            progress.set(0);
            step.set("");
            message.set("Stopped opening the drill; start it again when you like (what was rendered stays cached).");
        }
    }

    /** How far opening the drill has come, 0…1 (its steps: the log, the material, the first question). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The step under way while a drill opens, e.g. "Rendering pop-sunrise for the first time: 40 %"; empty otherwise. */
    public ReadOnlyStringProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** Runs an opening on the workers, outside the queue of answers, as the current job. */
    private void opening(Runnable open) {
        job.cancel();
        job = new Job(true);
        busy.set(true);
        progress.set(0);
        step.set("Reading your answers");
        Job mine = job;
        background.execute(() -> {
            try {
                open.run();
            } catch (BadInputException e) {
                onUiThread.execute(() -> failIfCurrent(mine, e.getMessage()));
            } catch (RuntimeException e) {
                onUiThread.execute(() -> failIfCurrent(mine, "The drill could not go on (" + e + ")."));
            }
        });
    }

    private void failIfCurrent(Job from, String sentence) {
        if (from == job && !from.cancelled) {
            fail(sentence);
        }
    }

    /** One opening of a drill; a cancelled or superseded one is not shown. */
    private static final class Job {
        final boolean opening;
        volatile boolean cancelled;

        Job(boolean opening) {
            this.opening = opening;
        }

        void cancel() {
            cancelled = true;
        }
    }

    /**
     * Practises what the learner did last (the drill of the newest attempt in the log), or the
     * first drill of the curriculum for a new learner.
     */
    public void startSuggested() {
        started = true;
        store.load();
        opening(() -> {
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
            open(library, chosen[0], chosen[1], Optional.empty(), job);
        });
    }

    /** The lesson and drill an attempt came from, if the lesson still has a drill of that skill. */
    private Optional<String[]> drillOf(LessonLibrary library, Attempt attempt) {
        return library.lesson(attempt.lessonId()).flatMap(lesson -> lesson.drills().stream()
                .filter(d -> teaching.kinds().kind(d.kind()).map(QuestionKind::skill).orElse("").equals(attempt.skill()))
                .findFirst()
                .map(d -> new String[] {lesson.id(), d.id()}));
    }

    private void open(LessonLibrary library, String lessonId, String drillId, Optional<String> ownMusic, Job mine) {
        DrillPreparation.Opened opened = DrillPreparation.open(teaching, library, lessonId, drillId, ownMusic, clock, seeds,
                (fraction, what) -> onUiThread.execute(() -> {
                    if (mine == job && !mine.cancelled) {
                        progress.set(fraction);
                        step.set(what);
                    }
                }));
        onUiThread.execute(() -> {
            if (mine == job && !mine.cancelled) {
                show(opened);
            }
        });
    }

    /** Shows an opened drill: its title, warnings and first question. */
    private void show(DrillPreparation.Opened opened) {
        job = new Job(false);
        practice = opened.practice();
        round = new Round(practice.session(), practice.staircase(), new ArrayList<>());
        title.set(opened.title());
        message.set(String.join("\n", opened.warnings()));
        progress.set(1);
        step.set("");
        showQuestion(opened.first());
    }

    private void record(DrillPaneModel.Answered answered) {
        Practice current = practice;
        enqueue(() -> {
            Practice.Graded saved = current.answer(answered.question(), answered.answer(), answered.responseTimeMs());
            onUiThread.execute(() -> {
                store.add(saved.attempt());
                if (current == practice) {
                    round.attempts().add(saved.attempt());
                    if (round.attempts().size() == current.drill().questions()) {
                        summary.set(summarise(current));
                    }
                }
                updateStatus();
            });
        });
    }

    private void next() {
        Practice current = practice;
        if (current == null) {
            return;
        }
        if (summary.get().isPresent()) {
            summary.set(Optional.empty());
            round = new Round(current.session(), current.staircase(), new ArrayList<>());
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
        Practice.Session now = practice.session().since(round.atStart());
        int size = practice.drill().questions();
        session.set(now.answered() == 0 ? "A round is " + size + " questions." : tally(now) + (now.answered() >= size
                ? " — round complete." : " — " + (size - now.answered()) + " to go."));
    }

    /** This round in one line: answered, right, partly right and the credit earned, e.g. "3 answered: 1 right, 1 partly right · 56% credit". */
    static String tally(Practice.Session now) {
        return String.format(Locale.ROOT, "This round: %d answered: %d right%s · %d%% credit", now.answered(), now.right(),
                now.partlyRight() == 0 ? "" : ", " + now.partlyRight() + " partly right", Math.round(100 * now.meanCredit()));
    }

    /** A round under way: the session and the staircase as it began, and the attempts saved since. */
    private record Round(Practice.Session atStart, Staircase staircaseAtStart, List<Attempt> attempts) {
    }

    /** The summary of the round just completed, from the store's records with and without its attempts. */
    private Optional<RoundSummary> summarise(Practice current) {
        LearnerRecords records = store.recordsProperty().get();
        if (records == null) {
            return Optional.empty(); // the lessons are still being read; the tally says the round is complete
        }
        Set<String> roundIds = round.attempts().stream().map(Attempt::id).collect(Collectors.toSet());
        List<Attempt> before = records.attempts().stream().filter(a -> !roundIds.contains(a.id())).toList();
        Lesson lesson = records.library().lesson(current.lessonId()).orElseThrow();
        return Optional.of(RoundSummary.of(lesson, current.drill(), current.session().since(round.atStart()),
                round.staircaseAtStart(), current.staircase(), round.attempts(),
                LearnerRecords.of(records.library(), before, records.warnings()).plan(), records.plan()));
    }

    /**
     * The round summary in lines: the score, how the level and threshold moved, the mix-ups, mastery
     * and what it unlocked.
     */
    public static List<String> describe(RoundSummary summary, String difficulty) {
        List<String> lines = new ArrayList<>();
        Practice.Session score = summary.score();
        lines.add(String.format(Locale.ROOT, "%d of %d right%s · %d%% credit.", score.right(), score.answered(),
                score.partlyRight() == 0 ? "" : ", " + score.partlyRight() + " partly right", Math.round(100 * score.meanCredit())));
        Staircase before = summary.before();
        Staircase after = summary.after();
        String threshold = after.threshold().map(t -> String.format(Locale.ROOT, "your threshold %s (95%% interval %s–%s)%s",
                Staircase.format(t.value()), Staircase.format(t.lower95()), Staircase.format(t.upper95()),
                before.threshold().map(b -> ", was " + Staircase.format(b.value())).orElse(", your first")))
                .orElse("a threshold after 4 reversals (" + after.reversalLevels().size() + " so far)");
        lines.add(String.format(Locale.ROOT, "Level %s → %s (%s); %s.", Staircase.format(before.level()),
                Staircase.format(after.level()), difficulty, threshold));
        lines.add(summary.mixUps().isEmpty() ? "No mix-ups this round." : "Mixed up: " + String.join(", ", summary.mixUps()
                .stream().map(m -> m.truth() + " heard as " + m.answer() + (m.times() > 1 ? " (" + m.times() + "×)" : ""))
                .toList()) + ".");
        String unlocked = summary.unlocked().isEmpty() ? "" : " Unlocked: " + String.join(", ",
                summary.unlocked().stream().map(Lesson::title).toList()) + ".";
        lines.add(summary.mastered() ? "“" + summary.lesson().title() + "” is mastered." + unlocked
                : "Not mastered yet: the lesson view says what mastery takes." + unlocked);
        return lines;
    }

    /** The summary's next step in words, for its button, e.g. "Next lesson: Hearing cuts". */
    public static String nextStepLabel(RoundSummary.NextStep next) {
        return switch (next.step()) {
            case ANOTHER_ROUND -> "Another round";
            case NEXT_LESSON -> "Next lesson: " + next.lesson().title();
            case WEAK_SKILL -> "Practise: " + next.lesson().title() + " — " + next.drill().map(DrillSpec::title).orElse("");
        };
    }

    /** Takes the summary's next step: another round, the next lesson (opened to read), or a weak skill's drill. */
    public void takeNextStep() {
        Optional<RoundSummary> shown = summary.get();
        if (shown.isEmpty()) {
            return;
        }
        RoundSummary.NextStep step = shown.get().next();
        switch (step.step()) {
            case ANOTHER_ROUND -> pane.next();
            case NEXT_LESSON -> {
                summary.set(Optional.empty());
                openLesson.accept(step.lesson().id());
            }
            case WEAK_SKILL -> start(step.lesson().id(), step.drill().orElseThrow().id());
        }
    }

    /** The level in the drill's terms, e.g. "Level 9 (size of the boost or cut in dB) · threshold 4.1 (3.2–5.2)". */
    static String describeLevel(Staircase staircase, String difficulty) {
        String text = "Level " + Staircase.format(staircase.level()) + " (" + difficulty + ")";
        return staircase.threshold()
                .map(t -> text + " · your threshold " + Staircase.format(t.value()) + " (95% interval " + Staircase.format(t.lower95())
                        + "–" + Staircase.format(t.upper95()) + ")")
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
