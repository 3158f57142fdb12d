package dev.mixdojo.ui.teacher;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.classroom.AssignmentPack;
import dev.mixdojo.classroom.ExampleClass;
import dev.mixdojo.classroom.Gradebook;
import dev.mixdojo.classroom.GradebookFormat;
import dev.mixdojo.classroom.OpenedPack;
import dev.mixdojo.classroom.QuestionShare;
import dev.mixdojo.classroom.SkillShare;
import dev.mixdojo.classroom.StudentRow;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The teacher's gradebook: a folder of results files (and optionally the assignment file) read in
 * the background into the rows and class shares of {@link Gradebook}, as text formatted exactly as
 * the gradebook's CSV and text reports write it. The properties belong to the JavaFX thread.
 */
public final class TeacherViewModel {
    /**
     * One results file as the screen shows it.
     *
     * @param student      the name typed by the student
     * @param scorePercent the score with one decimal, as in the CSV
     * @param result       pass or fail
     * @param timeSpent    m:ss or h:mm:ss
     * @param flags        tampered, late, duplicate (joined by ", "), or empty
     * @param notes        why each flag is set
     * @param file         the results file's name
     */
    public record StudentLine(String student, String scorePercent, String result, String timeSpent, String flags,
            String notes, String file) {
    }

    /**
     * What share of the class got one question, or one skill, right.
     *
     * @param what         the question ({@code 3: lesson / drill #2}) or the skill
     * @param right        right answers over possible ones, e.g. {@code 4 / 5}
     * @param sharePercent the share with one decimal, as in the CSV
     */
    public record ShareLine(String what, String right, String sharePercent) {
    }

    private final Executor background;
    private final Executor onUiThread;
    private final StringProperty folder = new SimpleStringProperty("");
    private final StringProperty assignment = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("No results folder open");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<StudentLine> students = FXCollections.observableArrayList();
    private final ObservableList<ShareLine> questions = FXCollections.observableArrayList();
    private final ObservableList<ShareLine> skills = FXCollections.observableArrayList();

    public TeacherViewModel(Executor background, Executor onUiThread) {
        this.background = background;
        this.onUiThread = onUiThread;
    }

    /** The results folder's path as typed or chosen. */
    public StringProperty folderProperty() {
        return folder;
    }

    /** The assignment file's path, or empty to read the results without it. */
    public StringProperty assignmentProperty() {
        return assignment;
    }

    /** The assignment's title, or the folder's name. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** How many files and students, and whether signatures were checked. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The sentence saying why the folder could not be read, or the files that could not; empty when all is well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether a folder is being read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** One line per results file, by student. */
    public ObservableList<StudentLine> students() {
        return students;
    }

    /** One line per question, in the order asked. */
    public ObservableList<ShareLine> questions() {
        return questions;
    }

    /** One line per skill (lesson area / drill kind). */
    public ObservableList<ShareLine> skills() {
        return skills;
    }

    /** Reads the folder (and the assignment, when one is given) in the background. */
    public void load() {
        String folderText = folder.get().strip();
        if (folderText.isEmpty()) {
            message.set("Choose the folder where you collected the results files.");
            return;
        }
        String assignmentText = assignment.get().strip();
        read(() -> Gradebook.read(Path.of(folderText),
                assignmentText.isEmpty() ? Optional.empty() : Optional.of(AssignmentPack.open(Path.of(assignmentText)))));
    }

    /**
     * Writes the made-up example class into {@code folder} and shows it, so a new teacher sees what
     * the screen does; the paths fields then name the example's files.
     */
    public void showExample(Path folder) {
        read(() -> {
            OpenedPack pack = ExampleClass.write(folder, ExampleClass.dueAfterDays(Clock.systemUTC(), -1));
            Path results = folder.resolve(ExampleClass.RESULTS_FOLDER);
            onUiThread.execute(() -> {
                this.folder.set(results.toString());
                assignment.set(pack.file().toString());
            });
            return Gradebook.read(results, Optional.of(pack));
        });
    }

    private void read(Supplier<Gradebook> source) {
        loading.set(true);
        message.set("");
        background.execute(() -> {
            try {
                Gradebook gradebook = source.get();
                onUiThread.execute(() -> show(gradebook));
            } catch (BadInputException e) {
                onUiThread.execute(() -> fail(e.getMessage()));
            } catch (RuntimeException e) {
                onUiThread.execute(() -> fail("The results could not be read (" + e + ")."));
            }
        });
    }

    private void show(Gradebook g) {
        loading.set(false);
        title.set(g.title());
        summary.set(g.students().size() + " results files, " + g.classSize() + " students counted in the class summary. "
                + (g.signaturesChecked() ? "Signatures checked with the assignment file."
                        : "Signatures NOT checked: choose the assignment file to check them."));
        message.set(String.join("\n", g.warnings()));
        students.setAll(g.students().stream().map(TeacherViewModel::line).toList());
        questions.setAll(g.questions().stream().map(TeacherViewModel::line).toList());
        skills.setAll(g.skills().stream().map(TeacherViewModel::line).toList());
    }

    private void fail(String sentence) {
        loading.set(false);
        message.set(sentence);
        students.clear();
        questions.clear();
        skills.clear();
        summary.set("");
    }

    static StudentLine line(StudentRow r) {
        return new StudentLine(r.student(), GradebookFormat.percent(r.scorePercent()), GradebookFormat.passWord(r),
                GradebookFormat.duration(r.timeSpent()), r.flagWords(), String.join("; ", r.notes()), r.file());
    }

    static ShareLine line(QuestionShare q) {
        return new ShareLine(q.question().number() + ": " + q.question().lessonId() + " / " + q.question().drillId()
                + " #" + q.question().questionIndex(), q.right() + " / " + q.classSize(),
                GradebookFormat.percent(q.sharePercent()));
    }

    static ShareLine line(SkillShare s) {
        return new ShareLine(s.skill(), s.right() + " / " + s.possible(), GradebookFormat.percent(s.sharePercent()));
    }
}
