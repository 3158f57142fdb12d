package dev.mixdojo.ui.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.classroom.ExampleClass;
import dev.mixdojo.classroom.Gradebook;
import dev.mixdojo.classroom.GradebookFormat;
import dev.mixdojo.classroom.OpenedPack;
import dev.mixdojo.ui.FailOnFxExceptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A teacher opens a class's results folder with its assignment and reads the numbers the CSV has. */
@ExtendWith({ApplicationExtension.class, FailOnFxExceptions.class})
class TeacherScreenTest {
    @TempDir
    static Path dir;

    /** The Gradebook's room in the app's 1100-pixel window, beside the navigation column. */
    @Start
    void start(Stage stage) {
        TeacherViewModel model = new TeacherViewModel(Executors.newSingleThreadExecutor(), Platform::runLater);
        stage.setScene(new Scene(new TeacherView(model, dir.resolve("example")), 900, 720));
        stage.show();
    }

    @Test
    void everyColumnHeadingIsReadInFull(FxRobot robot) throws Exception {
        TableView<?> students = robot.lookup("#teacher-students").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> students.getItems().size() == 6);
        WaitForAsyncUtils.waitForFxEvents();
        List<Label> headings = robot.lookup(".column-header .label").queryAllAs(Label.class).stream()
                .filter(l -> l.getText() != null && !l.getText().isEmpty()).toList();
        assertThat(headings).extracting(Label::getText).contains("Score %", "Result", "Time taken");
        for (Label heading : headings) {
            // The skin draws the text it has room for, with an ellipsis when it has not.
            Text drawn = (Text) heading.lookup(".text");
            assertThat(drawn.getText()).as("heading %s", heading.getText()).isEqualTo(heading.getText());
        }
    }

    @Test
    void theScreenShowsTheSameScoresFlagsAndSharesAsTheGradebookCsv(FxRobot robot) throws Exception {
        TableView<?> students = robot.lookup("#teacher-students").queryAs(TableView.class);
        // A fresh screen shows the example class.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> students.getItems().size() == 6);

        Path classFolder = Files.createDirectories(dir.resolve("week3"));
        OpenedPack pack = ExampleClass.write(classFolder, Instant.parse("2026-12-01T17:00:00Z"));
        Path results = classFolder.resolve(ExampleClass.RESULTS_FOLDER);
        // One file more than the example: a copy handed in twice.
        Path copy = Files.list(results).sorted().findFirst().orElseThrow();
        Files.copy(copy, results.resolve("copy-" + copy.getFileName()));
        List<String[]> csv = Arrays.stream(GradebookFormat.CSV.render(Gradebook.read(results, Optional.of(pack)))
                .split("\r\n")).map(l -> l.split(",", -1)).toList();

        TextField assignment = robot.lookup("#teacher-assignment").queryAs(TextField.class);
        robot.interact(() -> assignment.setText(pack.file().toString()));
        TextField folder = robot.lookup("#teacher-folder").queryAs(TextField.class);
        robot.clickOn(folder).interact(() -> folder.setText(results.toString()));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> students.getItems().size() == 7);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#teacher-title").queryAs(Label.class).getText())
                .isEqualTo("Example class: EQ and panning, week 3");
        for (int i = 0; i < 7; i++) {
            String[] row = csv.get(1 + i);
            assertThat(cell(students, i, "Student")).isEqualTo(row[0]);
            assertThat(cell(students, i, "Score %")).isEqualTo(row[1]);
            assertThat(cell(students, i, "Result")).isEqualTo(row[2]);
            assertThat(cell(students, i, "Flags").contains("duplicate")).isEqualTo(row[6].equals("yes"));
        }
        TableView<?> questions = robot.lookup("#teacher-questions").queryAs(TableView.class);
        int header = 1 + 7 + 1;
        assertThat(questions.getItems()).hasSize(8);
        for (int q = 0; q < 8; q++) {
            String[] row = csv.get(header + 1 + q);
            assertThat(cell(questions, q, "Right")).isEqualTo(row[6] + " / " + row[7]);
            assertThat(cell(questions, q, "Share %")).isEqualTo(row[8]);
        }
        TableView<?> skills = robot.lookup("#teacher-skills").queryAs(TableView.class);
        int skillHeader = header + 1 + 8 + 1;
        for (int s = 0; s < skills.getItems().size(); s++) {
            String[] row = csv.get(skillHeader + 1 + s);
            assertThat(cell(skills, s, "Skill")).isEqualTo(row[0]);
            assertThat(cell(skills, s, "Share %")).isEqualTo(row[3]);
        }
    }

    /** The text a table shows in {@code row} under the column titled {@code title}. */
    static String cell(TableView<?> table, int row, String title) {
        TableColumn<?, ?> column = table.getColumns().stream()
                .filter(c -> c.getGraphic() instanceof Label heading && heading.getText().equals(title)).findFirst().orElseThrow();
        return String.valueOf(column.getCellData(row));
    }
}
