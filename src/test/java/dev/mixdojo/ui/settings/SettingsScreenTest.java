package dev.mixdojo.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.ui.AppServices;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.MixDojoApp;
import dev.mixdojo.ui.SettingsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A learner picks the dark theme and the large scale; the app started again from the same folder still has them. */
@ExtendWith(ApplicationExtension.class)
class SettingsScreenTest {
    @TempDir
    Path data;

    private Stage stage;
    private final List<AppServices> sessions = new ArrayList<>();

    @Start
    void start(Stage window) {
        stage = window;
    }

    /** Builds the app's services over the data folder and shows its window, as a start of the app does. */
    private AppServices startApp(FxRobot robot) {
        AppServices services = new AppServices(new AudioOutput(PlaybackEngine.silent("tests have no sound")),
                new UserDirectories(data, data.resolve("cache")), Executors.newFixedThreadPool(1));
        sessions.add(services);
        robot.interact(() -> {
            stage.setScene(MixDojoApp.scene(services, 1100, 720));
            stage.show();
        });
        return services;
    }

    @AfterEach
    void stop() {
        sessions.forEach(AppServices::close);
    }

    @Test
    void theThemeAndScaleChosenAreThereWhenTheAppStartsAgain(FxRobot robot) {
        startApp(robot);
        robot.clickOn("#nav-settings");
        robot.clickOn("#theme-dark");
        robot.clickOn("#settings-large-scale");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getStylesheets()).anyMatch(sheet -> sheet.endsWith("dark.css"));

        startApp(robot);
        assertThat(stage.getScene().getStylesheets()).anyMatch(sheet -> sheet.endsWith("dark.css"));
        assertThat(stage.getScene().getRoot().getStyleClass()).contains("large");
        robot.clickOn("#nav-settings");
        assertThat(robot.lookup("#theme-dark").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#settings-large-scale").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#settings-notice").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void aDamagedSettingsFileIsNamedInTheNoticeBarAndTheAppStartsWithDefaults(FxRobot robot) throws Exception {
        Path file = data.resolve(SettingsFile.FILE_NAME);
        Files.createDirectories(data);
        Files.writeString(file, "{\"schemaVersion\": 1, \"theme\": ");
        startApp(robot);
        Label notice = robot.lookup("#settings-notice").queryAs(Label.class);
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).isEqualTo(file + ": is not valid JSON (line 1, column 31), "
                + "so MixDojo uses the default settings.");
        assertThat(stage.getScene().getStylesheets()).anyMatch(sheet -> sheet.endsWith("light.css"));

        robot.clickOn("#nav-settings");
        robot.clickOn("#theme-dark");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(notice.isVisible()).isFalse();
        assertThat(SettingsFile.in(new UserDirectories(data, data)).read().notice()).isEmpty();
    }

    @Test
    void dragTheRoveSliderAndTheSettingIsSavedOnceWhenTheDragEnds(FxRobot robot) {
        AppServices services = startApp(robot);
        robot.clickOn("#nav-settings");
        Slider rove = robot.lookup("#settings-level-rove").queryAs(Slider.class);
        SettingsFile file = SettingsFile.in(new UserDirectories(data, data));
        robot.interact(() -> {
            rove.setValueChanging(true); // as a drag does, passing unsnapped values
            rove.setValue(0.73);
            rove.setValue(1.9);
            rove.setValue(2.5);
        });
        assertThat(services.settings().levelRoveDbProperty().get()).isZero();
        assertThat(Files.exists(file.path())).isFalse();
        robot.interact(() -> rove.setValueChanging(false));
        assertThat(services.settings().levelRoveDbProperty().get()).isEqualTo(2.5);
        assertThat(file.read().settings().levelRoveDb()).isEqualTo(2.5);

        robot.interact(() -> rove.setValue(1)); // a key press or a click on the track: no drag
        assertThat(file.read().settings().levelRoveDb()).isEqualTo(1);
    }
}
