package dev.mixdojo.ui.exam;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.Resampler;
import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.base.AtomicFiles;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.classroom.AnsweredQuestion;
import dev.mixdojo.classroom.Assignment;
import dev.mixdojo.classroom.AssignmentMode;
import dev.mixdojo.classroom.AssignmentPack;
import dev.mixdojo.classroom.AssignmentQuestions;
import dev.mixdojo.classroom.ExamAnswers;
import dev.mixdojo.classroom.ExamPack;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    /** A student exam pack, open instead of an assignment: answered here, graded by the teacher. */
    private ExamPack.Opened studentPack;
    /** The answers given to {@link #studentPack}, in the order given. */
    private final List<ExamAnswers.Given> given = new ArrayList<>();
    private Path answersSoFar;
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
                if (ExamPack.isExamPack(Path.of(path))) {
                    ExamPack.Opened opened = ExamPack.open(Path.of(path));
                    onUiThread.execute(() -> opened(opened));
                    return;
                }
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
        pack = opened;
        studentPack = null;
        questions = made;
        Assignment a = opened.assignment();
        plan = a.questionPlan();
        title.set(a.title());
        homeworkMix.set(a.mixChallenge().isPresent());
        details.set(String.format(Locale.ROOT, "%d questions · %s · pass mark %s %%%s", plan.size(), modeWords(a.mode()),
                number(a.passMarkPercent()), due(a.due())));
        ready(a.mode() == AssignmentMode.EXAM ? DrillMode.EXAM : DrillMode.PRACTICE);
    }

    /** A student exam pack: its questions are answered here, and the answers file is graded by the teacher. */
    private void opened(ExamPack.Opened opened) {
        pack = null;
        studentPack = opened;
        questions = null;
        plan = List.of();
        ExamPack.Exam exam = opened.exam();
        title.set(exam.title());
        homeworkMix.set(false);
        details.set(String.format(Locale.ROOT, "%d questions · exam: one answer each, no hints, meters or feedback;"
                + " your teacher grades your answers · pass mark %s %%%s", exam.questions().size(),
                number(exam.passMarkPercent()), due(exam.due())));
        ready(DrillMode.EXAM);
    }

    private void ready(DrillMode mode) {
        busy.set(false);
        if (drill.get() != null) {
            drill.get().close();
        }
        DrillPaneModel model = new DrillPaneModel(audio, mode);
        model.setOnAnswered(this::answered);
        model.setOnNext(this::next);
        drill.set(model);
        step.set(Step.READY);
    }

    /** Starts (or, with answers saved earlier under this name, resumes) the assignment. */
    public void start() {
        if (pack == null && studentPack == null || step.get() != Step.READY) {
            return;
        }
        try {
            name = ResultsWriter.studentName(student.get());
        } catch (BadInputException e) {
            message.set(e.getMessage());
            return;
        }
        if (studentPack != null) {
            startStudentPack();
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

    /** Starts a student pack, or resumes it from the answers saved earlier under this name. */
    private void startStudentPack() {
        ExamPack.Exam exam = studentPack.exam();
        answersSoFar = progressFolder.resolve(studentPack.sha256().substring(0, 16) + "-" + ExamAnswers.fileName(
                sheet(clock.instant(), clock.instant())));
        given.clear();
        Optional<ExamAnswers.Sheet> resumed = Optional.empty();
        if (Files.isRegularFile(answersSoFar)) {
            try {
                resumed = Optional.of(ExamAnswers.read(answersSoFar)).filter(saved -> saved.student().equals(name)
                        && saved.assignmentSha256().equals(exam.assignmentSha256()));
            } catch (BadInputException e) {
                resumed = Optional.empty(); // a damaged file of answers so far: start again
            }
        }
        startedAt = resumed.map(ExamAnswers.Sheet::startedAt).orElse(clock.instant());
        resumed.ifPresent(r -> given.addAll(r.answers()));
        message.set(resumed.map(r -> "Welcome back: your " + r.answers().size() + " answers so far are kept.").orElse(""));
        step.set(Step.TAKING);
        index = 0;
        ask();
    }

    /** The student pack's answers so far. */
    private ExamAnswers.Sheet sheet(Instant started, Instant now) {
        ExamPack.Exam exam = studentPack.exam();
        return new ExamAnswers.Sheet(exam.id(), exam.assignmentSha256(), name, started, now, given);
    }

    private void ask() {
        Set<Integer> done = new HashSet<>();
        answers.forEach(a -> done.add(a.question().number()));
        given.forEach(g -> done.add(g.number()));
        int total = studentPack != null ? studentPack.exam().questions().size() : plan.size();
        while (index < total && done.contains(index + 1)) {
            index++;
        }
        if (index >= total) {
            finish();
            return;
        }
        progressText.set("Question " + (index + 1) + " of " + total);
        if (studentPack != null) {
            askFromStudentPack(studentPack.exam().questions().get(index));
            return;
        }
        PlannedQuestion planned = plan.get(index);
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

    /** Unpacks and reads the question's two versions in the background and shows it, keyless. */
    private void askFromStudentPack(ExamPack.Question asked) {
        hint.set("");
        busy.set(true);
        ExamPack.Opened from = studentPack;
        background.execute(() -> {
            try {
                Question made = Question.keyless(asked.prompt(), asked.form(), versions(from, asked));
                onUiThread.execute(() -> {
                    busy.set(false);
                    current = made;
                    drill.get().show(made);
                });
            } catch (RuntimeException e) {
                onUiThread.execute(() -> fail("Question " + asked.number() + "'s audio could not be read ("
                        + e.getMessage() + "); your answers so far are kept in " + answersSoFar + "."));
            }
        });
    }

    /** A student pack question's versions, original (A) then processed (B), at the session rate. */
    private static Map<String, AudioBuffer> versions(ExamPack.Opened from, ExamPack.Question asked) {
        return AtomicFiles.withTemporaryFolder("mixdojo-exam", "the question's audio", work -> {
            List<Path> files = ExamPack.unpackAudio(from, asked, work);
            Map<String, AudioBuffer> read = new LinkedHashMap<>();
            read.put("original", atSessionRate(files.get(0)));
            read.put("processed", atSessionRate(files.get(1)));
            return read;
        });
    }

    private static AudioBuffer atSessionRate(Path file) {
        return Resampler.resample(AudioFiles.read(file, new Warnings()), PlaybackEngine.SESSION_RATE_HZ);
    }

    private void answered(DrillPaneModel.Answered a) {
        if (studentPack != null) {
            given.add(new ExamAnswers.Given(index + 1, a.answer(), a.responseTimeMs()));
            ExamAnswers.Sheet sheet = sheet(startedAt, clock.instant());
            Path file = answersSoFar;
            saving = saving.thenRunAsync(() -> {
                try {
                    ExamAnswers.write(file, sheet);
                } catch (RuntimeException e) {
                    onUiThread.execute(() -> message.set("Your answers could not be saved (" + e.getMessage() + ")."));
                }
            }, background);
            return;
        }
        answers.add(AssignmentQuestions.answered(plan.get(index), current, a.answer(), a.grade().orElseThrow(),
                a.responseTimeMs()));
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
        if (studentPack != null) {
            handIn(sheet(startedAt, finishedAt));
            return;
        }
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

    /** Writes the student pack's answers file into the results folder and deletes the answers so far. */
    private void handIn(ExamAnswers.Sheet sheet) {
        Path file = resultsFolder.resolve(ExamAnswers.fileName(sheet));
        Path soFar = answersSoFar;
        saving = saving.thenRunAsync(() -> {
            try {
                ExamAnswers.write(file, sheet);
                Files.deleteIfExists(soFar);
                onUiThread.execute(() -> {
                    busy.set(false);
                    resultsFile.set(file);
                    step.set(Step.FINISHED);
                    message.set("Your answers are saved in " + file + ". Hand this file to your teacher, who grades it.");
                });
            } catch (IOException | RuntimeException e) {
                onUiThread.execute(() -> fail("Your answers could not be handed in (" + e.getMessage()
                        + "); they are kept in " + soFar + "."));
            }
        }, background);
    }

    private void fail(String sentence) {
        busy.set(false);
        message.set(sentence);
    }

    private static String modeWords(AssignmentMode mode) {
        return mode == AssignmentMode.EXAM ? "exam: one answer each, no hints, meters or feedback"
                : "practice: hints, feedback and meters";
    }

    private static String due(Optional<OffsetDateTime> due) {
        return due.map(d -> " · due " + d.toLocalDateTime().toString().replace('T', ' ')).orElse("");
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
