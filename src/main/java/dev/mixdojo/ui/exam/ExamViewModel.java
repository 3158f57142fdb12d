package dev.mixdojo.ui.exam;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.classroom.AnsweredQuestion;
import dev.mixdojo.classroom.Assignment;
import dev.mixdojo.classroom.AssignmentMode;
import dev.mixdojo.classroom.AssignmentPack;
import dev.mixdojo.classroom.AssignmentQuestions;
import dev.mixdojo.classroom.ExamProgress;
import dev.mixdojo.classroom.HomeworkMix;
import dev.mixdojo.classroom.OpenedPack;
import dev.mixdojo.classroom.PlannedQuestion;
import dev.mixdojo.classroom.Results;
import dev.mixdojo.classroom.ResultsWriter;
import dev.mixdojo.exercise.Question;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.Work;
import dev.mixdojo.ui.drill.DrillMode;
import dev.mixdojo.ui.drill.DrillPaneModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Taking an assignment: open the pack, type a name, answer its planned questions in order in a
 * drill pane (exam: one answer each, no feedback, meters or hints; practice: feedback,
 * meters and the lesson's teaching as a hint), and finish with a signed results file. After every
 * answer the answers so far are saved ({@link ExamProgress}), so a crash loses nothing and taking
 * the same pack under the same name goes on where it stopped. Questions are made and files written
 * on {@code background}; the properties belong to the JavaFX thread.
 */
public final class ExamViewModel {
    /** Where the student is. */
    public enum Step {
        /** No assignment open yet. */
        CHOOSE,
        /** An assignment is open; the student types their name and starts. */
        READY,
        /** Answering questions. */
        TAKING,
        /** The results file is written. */
        FINISHED
    }

    private final AudioOutput audio;
    private final Executor background;
    private final Executor onUiThread;
    private final Supplier<DrillSources> sources;
    private final Path resultsFolder;
    private final Path progressFolder;
    private final Clock clock;
    private final StringProperty packPath = new SimpleStringProperty("");
    private final StringProperty student = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.CHOOSE);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("No assignment open");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<DrillPaneModel> drill = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> resultsFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper homeworkMix = new ReadOnlyBooleanWrapper(false);
    private OpenedPack pack;
    private AssignmentQuestions questions;
    private List<PlannedQuestion> plan = List.of();
    private ExamProgress progress;
    private String name = "";
    private Instant startedAt;
    private final List<AnsweredQuestion> answers = new ArrayList<>();
    private int index;
    private Question current;
    /** Saves run one after another, so an older save never overwrites a newer one. */
    private CompletableFuture<Void> saving = CompletableFuture.completedFuture(null);

    /**
     * A model making questions from {@code sources} (loaded on first use, on {@code background}),
     * writing results into {@code resultsFolder} and answers so far into {@code progressFolder}.
     */
    public ExamViewModel(AudioOutput audio, Executor background, Executor onUiThread, Supplier<DrillSources> sources,
            Path resultsFolder, Path progressFolder, Clock clock) {
        this.audio = audio;
        this.background = background;
        this.onUiThread = onUiThread;
        this.sources = sources;
        this.resultsFolder = resultsFolder;
        this.progressFolder = progressFolder;
        this.clock = clock;
    }

    /** The assignment file's path as typed or chosen. */
    public StringProperty packPathProperty() {
        return packPath;
    }

    /** The student's name as typed. */
    public StringProperty studentProperty() {
        return student;
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** The assignment's title. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Questions, mode, pass mark and due time, in one line. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** "Question 3 of 8". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** In practice mode, the drill's title and what the lesson teaches; empty in an exam. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** A problem's sentence, or what happened (resumed, results saved). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether a file is being read or a question made. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The drill pane's model for the open assignment's mode (a new one per assignment). */
    public ReadOnlyObjectProperty<DrillPaneModel> drillProperty() {
        return drill.getReadOnlyProperty();
    }

    /** The results file, once written. */
    public ReadOnlyObjectProperty<Path> resultsFileProperty() {
        return resultsFile.getReadOnlyProperty();
    }

    /** Whether the open assignment has a homework mix: stems to take into a DAW and a mix to hand in. */
    public ReadOnlyBooleanProperty homeworkMixProperty() {
        return homeworkMix.getReadOnlyProperty();
    }

    /** Saves the homework mix's stems and reference mix into {@code folder}, in the background. */
    public void saveMixMaterial(Path folder) {
        if (pack == null || !homeworkMix.get()) {
            return;
        }
        OpenedPack from = pack;
        inBackground("Saving the stems", () -> {
            HomeworkMix.Saved saved = HomeworkMix.saveMaterial(from, folder);
            return "The stems are in " + saved.stemsFolder() + " and the reference mix is " + saved.reference()
                    + ". Mix the stems in any DAW, bounce a WAV and hand it in here.";
        });
    }

    /** Hands in the bounced mix under the typed name, in the background. */
    public void handInMix(Path mix) {
        if (pack == null || !homeworkMix.get()) {
            return;
        }
        OpenedPack from = pack;
        String typed = student.get();
        inBackground("Handing in the mix", () -> "Your mix is handed in as " + HomeworkMix.handIn(from, typed, mix, resultsFolder)
                + ". Give this file to your teacher with your results.");
    }

    /** Runs {@code job} on the background executor and shows its sentence, or the sentence of what went wrong. */
    private void inBackground(String what, Callable<String> job) {
        busy.set(true);
        message.set("");
        Work.run(background, onUiThread, what, job, done -> {
            busy.set(false);
            message.set(done);
        }, this::fail);
    }

    /** Opens and checks the assignment file, and the lessons its questions come from, in the background. */
    public void open() {
        String path = packPath.get().strip();
        if (path.isEmpty()) {
            message.set("Choose the assignment file your teacher gave you.");
            return;
        }
        busy.set(true);
        message.set("");
        background.execute(() -> {
            try {
                OpenedPack opened = AssignmentPack.open(Path.of(path));
                DrillSources from = sources.get();
                AssignmentQuestions made = new AssignmentQuestions(opened.assignment(), from.lessons(), from.kinds(),
                        from.audio());
                onUiThread.execute(() -> opened(opened, made));
            } catch (BadInputException e) {
                onUiThread.execute(() -> fail(e.getMessage()));
            } catch (RuntimeException e) {
                onUiThread.execute(() -> fail("The assignment could not be opened (" + e + ")."));
            }
        });
    }

    private void opened(OpenedPack opened, AssignmentQuestions made) {
        busy.set(false);
        pack = opened;
        questions = made;
        Assignment a = opened.assignment();
        plan = a.questionPlan();
        title.set(a.title());
        homeworkMix.set(a.mixChallenge().isPresent());
        details.set(String.format(Locale.ROOT, "%d questions · %s · pass mark %s %%%s", plan.size(), modeWords(a.mode()),
                number(a.passMarkPercent()), a.due().map(d -> " · due " + d.toLocalDateTime().toString().replace('T', ' '))
                        .orElse("")));
        if (drill.get() != null) {
            drill.get().close();
        }
        DrillPaneModel model = new DrillPaneModel(audio, a.mode() == AssignmentMode.EXAM ? DrillMode.EXAM : DrillMode.PRACTICE);
        model.setOnAnswered(this::answered);
        model.setOnNext(this::next);
        drill.set(model);
        step.set(Step.READY);
    }

    /** Starts (or, with answers saved earlier under this name, resumes) the assignment. */
    public void start() {
        if (pack == null || step.get() != Step.READY) {
            return;
        }
        try {
            name = ResultsWriter.studentName(student.get());
        } catch (BadInputException e) {
            message.set(e.getMessage());
            return;
        }
        progress = new ExamProgress(pack, name, progressFolder);
        answers.clear();
        Optional<Results> resumed = progress.resume(name);
        startedAt = resumed.map(Results::startedAt).orElse(clock.instant());
        resumed.ifPresent(r -> answers.addAll(r.answers()));
        message.set(resumed.map(r -> "Welcome back: your " + r.answers().size() + " answers so far are kept.").orElse(""));
        step.set(Step.TAKING);
        index = 0;
        ask();
    }

    private void ask() {
        Set<Integer> done = new HashSet<>();
        answers.forEach(a -> done.add(a.question().number()));
        while (index < plan.size() && done.contains(plan.get(index).number())) {
            index++;
        }
        if (index >= plan.size()) {
            finish();
            return;
        }
        PlannedQuestion planned = plan.get(index);
        progressText.set("Question " + (index + 1) + " of " + plan.size());
        hint.set(pack.assignment().mode().hintsShown() ? questions.hint(planned) : "");
        busy.set(true);
        background.execute(() -> {
            try {
                Question made = questions.question(planned);
                onUiThread.execute(() -> {
                    busy.set(false);
                    current = made;
                    drill.get().show(made);
                });
            } catch (RuntimeException e) {
                onUiThread.execute(() -> fail("Question " + planned.number() + " could not be made (" + e.getMessage()
                        + "); your answers so far are kept in " + progress.file() + "."));
            }
        });
    }

    private void answered(DrillPaneModel.Answered a) {
        answers.add(AssignmentQuestions.answered(plan.get(index), current, a.answer(), a.grade(), a.responseTimeMs()));
        List<AnsweredQuestion> copy = List.copyOf(answers);
        Instant now = clock.instant();
        ExamProgress kept = progress;
        saving = saving.thenRunAsync(() -> {
            try {
                kept.save(name, startedAt, now, copy);
            } catch (RuntimeException e) {
                onUiThread.execute(() -> message.set("Your answers could not be saved (" + e.getMessage() + ")."));
            }
        }, background);
    }

    private void next() {
        if (step.get() == Step.TAKING) {
            index++;
            ask();
        }
    }

    private void finish() {
        busy.set(true);
        progressText.set("");
        hint.set("");
        Instant finishedAt = clock.instant();
        List<AnsweredQuestion> copy = List.copyOf(answers);
        ExamProgress kept = progress;
        saving = saving.thenRunAsync(() -> {
            try {
                Results results = kept.finish(name, startedAt, finishedAt, copy, resultsFolder);
                Path file = resultsFolder.resolve(ResultsWriter.fileName(results));
                onUiThread.execute(() -> finished(results, file));
            } catch (RuntimeException e) {
                onUiThread.execute(() -> fail(e.getMessage()));
            }
        }, background);
    }

    private void finished(Results results, Path file) {
        busy.set(false);
        resultsFile.set(file);
        step.set(Step.FINISHED);
        String score = pack.assignment().mode() == AssignmentMode.EXAM ? ""
                : String.format(Locale.ROOT, "You scored %s %% (pass mark %s %%). ", number(results.scorePercent()),
                        number(results.passMarkPercent()));
        message.set(score + "Your results are saved in " + file + ". Hand this file to your teacher.");
    }

    private void fail(String sentence) {
        busy.set(false);
        message.set(sentence);
    }

    private static String modeWords(AssignmentMode mode) {
        return mode == AssignmentMode.EXAM ? "exam: one answer each, no hints, meters or feedback"
                : "practice: hints, feedback and meters";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
