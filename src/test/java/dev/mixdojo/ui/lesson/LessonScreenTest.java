package dev.mixdojo.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.ui.AppServices;
import dev.mixdojo.ui.NoiseLessonsApp;
import dev.mixdojo.ui.FailOnFxExceptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A learner reads a lesson and clicks through every version of its demonstration. */
@ExtendWith({ApplicationExtension.class, FailOnFxExceptions.class})
class LessonScreenTest {
    @TempDir
    static Path folders;

    private AppServices services;

    @Start
    void start(Stage stage) throws IOException {
        services = NoiseLessonsApp.show(stage, folders, folders.resolve("data-" + System.nanoTime()),
                Executors.newSingleThreadExecutor(), Clock.systemDefaultZone());
    }

    @AfterEach
    void close() {
        NoiseLessonsApp.close(services);
    }

    @Test
    void clickingEachVersionOfADemoPlaysThatVersionAndMarksIt(FxRobot robot) throws Exception {
        robot.clickOn("#nav-lessons");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(".demo-versions .toggle-button").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        List<ToggleButton> versions = List.copyOf(robot.lookup(".demo-versions .toggle-button").queryAllAs(ToggleButton.class));
        assertThat(versions).extracting(ToggleButton::getText)
                .containsExactly("Flat", "125 Hz", "500 Hz", "1 kHz", "4 kHz", "8 kHz");
        for (ToggleButton version : List.of(versions.get(2), versions.get(0), versions.get(5), versions.get(1))) {
            // As a learner does who tabs to the button (it may be scrolled out of view) and presses Space.
            robot.interact(version::requestFocus);
            robot.type(KeyCode.SPACE);
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> services.audio().engine().isPlaying()
                    && services.audio().engine().activeSource().equals(version.getText()));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(versions).filteredOn(ToggleButton::isSelected).extracting(ToggleButton::getText)
                    .containsExactly(version.getText());
        }
    }
}
