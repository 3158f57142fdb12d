package dev.mixdojo.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Starts the whole app headless and navigates by mouse and by keyboard. */
@ExtendWith({ApplicationExtension.class, FailOnFxExceptions.class})
class AppNavigationTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new MixDojoApp().start(stage);
    }

    @Test
    void windowIsTitledMixDojoAndOpensOnHome(FxRobot robot) {
        assertThat(stage.getTitle()).isEqualTo("MixDojo");
        assertThat(robot.lookup(".home").tryQuery()).isPresent();
        assertThat(robot.lookup("#nav-home").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void clickingSettingsShowsSettings(FxRobot robot) {
        robot.clickOn("#nav-settings");
        assertThat(robot.lookup(".settings").tryQuery()).isPresent();
        assertThat(robot.lookup(".home").tryQuery()).isEmpty();
    }

    @Test
    void shortcutDigitsOpenScreens(FxRobot robot) {
        // Ctrl+digit opens the screen at that place in the navigation (Screens): Settings is 9th, Listen 8th.
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT9).release(KeyCode.DIGIT9, KeyCode.CONTROL);
        assertThat(robot.lookup(".settings").tryQuery()).isPresent();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT8).release(KeyCode.DIGIT8, KeyCode.CONTROL);
        assertThat(robot.lookup(".listen").tryQuery()).isPresent();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        assertThat(robot.lookup(".home").tryQuery()).isPresent();
    }

    @Test
    void theTeachersScreensHaveTheirOwnKeysAndCtrlQQuits(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.G).release(KeyCode.G, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(robot.lookup("#nav-teacher").queryAs(ToggleButton.class).isSelected()).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(robot.lookup("#nav-projector").queryAs(ToggleButton.class).isSelected()).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(robot.lookup("#nav-exam").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(stage.isShowing()).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        assertThat(stage.isShowing()).isFalse();
    }

    @Test
    void withoutASoundCardTheAppSaysSoAndRunsOn(FxRobot robot) {
        javafx.scene.control.Label notice = robot.lookup("#audio-notice").queryAs(javafx.scene.control.Label.class);
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).startsWith("No audio output available:")
                .endsWith("MixDojo runs on silently; analysis, grading and rendering still work.");
        robot.clickOn("#nav-settings");
        assertThat(robot.lookup("#settings-audio-status").queryAs(javafx.scene.control.Label.class).getText())
                .isEqualTo(notice.getText());
    }

    @Test
    void everyNavigationButtonHasAnAccessibleName(FxRobot robot) {
        for (Node button : robot.lookup(".nav .toggle-button").queryAll()) {
            assertThat(((ToggleButton) button).getAccessibleText()).isNotBlank();
        }
    }
}
