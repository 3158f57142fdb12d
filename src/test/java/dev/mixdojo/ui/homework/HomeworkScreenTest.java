package dev.mixdojo.ui.homework;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.ui.MixDojoApp;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A learner opens Homework, fills in the paths, and presses Score or What will be lost. */
@ExtendWith(ApplicationExtension.class)
class HomeworkScreenTest {
    @TempDir
    Path dir;
    /** What went wrong on the FX thread: any exception there fails the test. */
    private final List<Throwable> fxErrors = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> fxErrors.add(e));
        HomeworkViewModelTest.writeDelivery(dir);
        new MixDojoApp().start(stage);
    }

    @AfterEach
    void nothingWentWrongOnTheFxThread() {
        assertThat(fxErrors).isEmpty();
    }

    @Test
    void fillingThePathsAndPressingScoreShowsTheScoreAndTheBassFirst(FxRobot robot) throws Exception {
        robot.clickOn("#nav-homework");
        assertThat(robot.lookup("#homework-message").queryAs(Label.class).getText())
                .isEqualTo(HomeworkViewModel.EMPTY);
        fill(robot, "#stems-path", HomeworkViewModelTest.stemsFolder.toString());
        fill(robot, "#mix-path", HomeworkViewModelTest.mix.toString());
        fill(robot, "#target-path", HomeworkViewModelTest.target.toString());
        robot.clickOn("#score-mix");
        Label headline = robot.lookup("#homework-headline").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !headline.getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(headline.getText()).matches("Score: \\d+ / 100");
        assertThat(robot.lookup("#homework-busy").queryAs(ProgressIndicator.class).isVisible()).isFalse();
        assertThat(robot.lookup("#homework-results").queryListView().getItems().get(0)).asString()
                .startsWith("Bass level: +");

        robot.clickOn("#apply-suggestions");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> headline.getText().startsWith("With the suggestions applied"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(headline.getText()).contains("saved as mix-suggested.wav");
        assertThat(HomeworkViewModelTest.mix.resolveSibling("mix-suggested.wav")).exists();
    }

    @Test
    void withOnlyTheStemsFolderWhatWillBeLostShowsEverySystem(FxRobot robot) throws Exception {
        robot.clickOn("#nav-homework");
        fill(robot, "#stems-path", HomeworkViewModelTest.stemsFolder.toString());
        robot.clickOn("#check-translation");
        Label headline = robot.lookup("#homework-headline").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !headline.getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(headline.getText()).isEqualTo("Translation: no stem is nearly lost on any system");
        assertThat(robot.lookup("#homework-results").queryListView().getItems()).hasSize(20)
                .anySatisfy(line -> assertThat(line).asString().startsWith("Club: Keys drops back"));
    }

    /** Types the last path element key by key after setting the rest (typing a whole temp path is slow under load). */
    private static void fill(FxRobot robot, String id, String path) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        int cut = path.lastIndexOf('/') + 1;
        robot.clickOn(field).interact(() -> {
            field.setText(path.substring(0, cut));
            field.end();
        });
        robot.write(path.substring(cut));
        assertThat(field.getText()).isEqualTo(path);
    }
}
