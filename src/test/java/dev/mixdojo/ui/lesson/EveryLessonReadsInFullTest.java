package dev.mixdojo.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.lesson.Lesson;
import dev.mixdojo.ui.AppServices;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.FailOnFxExceptions;
import dev.mixdojo.ui.MixDojoApp;
import dev.mixdojo.ui.Truncation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Every lesson of the shipped curriculum, opened in a window narrower than the app's default (940 px), shows every button's words in full. */
@ExtendWith({ApplicationExtension.class, FailOnFxExceptions.class})
class EveryLessonReadsInFullTest {
    @TempDir
    Path data;

    private AppServices services;

    @Start
    void start(Stage stage) {
        services = new AppServices(new AudioOutput(PlaybackEngine.silent("tests have no sound")),
                new UserDirectories(data, data.resolve("cache")), Executors.newSingleThreadExecutor());
        stage.setScene(MixDojoApp.scene(services, 940, 720));
        stage.show();
    }

    @AfterEach
    void close() throws InterruptedException {
        services.close();
        // A drill opened ahead while a lesson was read may still be rendering: its render is written to the cache
        // when it ends, and the cache folder is deleted after this test (a clean run failed on it).
        services.background().awaitTermination(60, TimeUnit.SECONDS);
        services.teaching().finishWrites(Duration.ofSeconds(60));
    }

    @Test
    void noLessonCutsAButtonShort(FxRobot robot) throws Exception {
        robot.clickOn("#nav-lessons");
        @SuppressWarnings("unchecked")
        ListView<Lesson> list = robot.lookup("#lesson-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !list.getItems().isEmpty());
        for (int i = 0; i < list.getItems().size(); i++) {
            int index = i;
            robot.interact(() -> list.getSelectionModel().select(index));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#lesson-title").queryAs(Label.class).getText()).isEqualTo(list.getItems().get(i).title());
            assertThat(Truncation.cutShort(robot.lookup("#lesson-scroll").query()))
                    .as("cut short in %s", list.getItems().get(i).id()).isEmpty();
        }
    }
}
