package dev.mixdojo.ui.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.classroom.AssignmentPack;
import dev.mixdojo.classroom.ExampleClass;
import dev.mixdojo.classroom.Gradebook;
import dev.mixdojo.classroom.GradebookFormat;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gradebook screen's logic without the toolkit: both executors run work at once. */
class TeacherViewModelTest {
    @TempDir
    Path dir;

    private final TeacherViewModel model = new TeacherViewModel(Runnable::run, Runnable::run);

    @Test
    void theExampleClassShowsEveryStudentWithItsFlagsAndSignaturesChecked() {
        model.showExample(dir.resolve("example"));
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(model.titleProperty().get()).isEqualTo("Example class: EQ and panning, week 3");
        assertThat(model.summaryProperty().get()).isEqualTo("6 results files, 5 students counted in the class summary. "
                + "Signatures checked with the assignment file.");
        assertThat(model.students()).extracting(TeacherViewModel.StudentLine::student)
                .containsExactly("Ana Souza", "Ben Okafor", "Chen Wei", "Dana Kowalski", "Eli Haddad", "Freya Lund");
        assertThat(model.students().get(3).flags()).isEqualTo("late");
        assertThat(model.students().get(5).flags()).contains("tampered");
        assertThat(model.questions()).hasSize(8);
        assertThat(model.skills()).extracting(TeacherViewModel.ShareLine::what)
                .containsExactly("eq / eq-band", "panning / pan-position");
        assertThat(model.folderProperty().get()).endsWith(ExampleClass.RESULTS_FOLDER);
    }

    @Test
    void rowsAndSharesReadAsTheGradebookCsvWritesThem() {
        model.showExample(dir.resolve("example"));
        Path results = Path.of(model.folderProperty().get());
        Gradebook gradebook = Gradebook.read(results, Optional.of(AssignmentPack.open(Path.of(model.assignmentProperty().get()))));
        List<String[]> csv = Arrays.stream(GradebookFormat.CSV.render(gradebook).split("\r\n")).map(l -> l.split(",", -1)).toList();
        for (int i = 0; i < model.students().size(); i++) {
            String[] row = csv.get(1 + i);
            TeacherViewModel.StudentLine line = model.students().get(i);
            assertThat(line.student()).isEqualTo(row[0]);
            assertThat(line.scorePercent()).isEqualTo(row[1]);
            assertThat(line.result()).isEqualTo(row[2]);
            assertThat(line.flags().contains("tampered")).isEqualTo(row[4].equals("yes"));
        }
        int questionsHeader = 1 + model.students().size() + 1;
        for (int q = 0; q < model.questions().size(); q++) {
            String[] row = csv.get(questionsHeader + 1 + q);
            assertThat(model.questions().get(q).right()).isEqualTo(row[6] + " / " + row[7]);
            assertThat(model.questions().get(q).sharePercent()).isEqualTo(row[8]);
        }
        // The example's right answers are drawn at random: a share must be right over class size, to one decimal.
        TeacherViewModel.ShareLine first = model.questions().get(0);
        String[] counts = first.right().split(" / ");
        assertThat(Double.parseDouble(first.sharePercent()))
                .isEqualTo(Math.round(1000.0 * Integer.parseInt(counts[0]) / Integer.parseInt(counts[1])) / 10.0);
    }

    @Test
    void withoutTheAssignmentSignaturesAreNotCheckedAndTheScreenSaysSo() {
        model.showExample(dir.resolve("example"));
        model.assignmentProperty().set("");
        model.load();
        assertThat(model.summaryProperty().get()).endsWith("Signatures NOT checked: choose the assignment file to check them.");
        assertThat(model.students()).hasSize(6);
    }

    @Test
    void aMissingFolderIsOneSentenceAndEmptiesTheTables() {
        model.showExample(dir.resolve("example"));
        model.folderProperty().set(dir.resolve("nowhere").toString());
        model.assignmentProperty().set("");
        model.load();
        assertThat(model.messageProperty().get()).isEqualTo(dir.resolve("nowhere") + ": is not a folder of results files.");
        assertThat(model.students()).isEmpty();
        assertThat(model.questions()).isEmpty();
        model.folderProperty().set(" ");
        model.load();
        assertThat(model.messageProperty().get()).isEqualTo("Choose the folder where you collected the results files.");
    }
}
