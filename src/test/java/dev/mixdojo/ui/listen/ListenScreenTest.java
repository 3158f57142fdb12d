package dev.mixdojo.ui.listen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.ui.MixDojoApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A person opens a broken file, reads why, then opens a good one and plays it — by keyboard. */
@ExtendWith(ApplicationExtension.class)
class ListenScreenTest {
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        new MixDojoApp().start(stage);
    }

    @Test
    void aBrokenFileShowsItsSentenceAndAGoodFilePlays(FxRobot robot) throws Exception {
        Path broken = dir.resolve("photo.wav");
        Files.write(broken, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        Path good = dir.resolve("tone.wav");
        float[][] tone = new float[1][48_000];
        for (int i = 0; i < tone[0].length; i++) {
            tone[0][i] = (float) (0.25 * Math.sin(2 * Math.PI * 1000 * i / 48_000.0));
        }
        AudioFiles.write(good, new AudioBuffer(tone, 48_000), SampleEncoding.PCM_16);

        robot.clickOn("#nav-listen");
        TextField path = robot.lookup("#listen-path").queryAs(TextField.class);
        // Typing a long path key by key is slow on a loaded machine; Enter is what opens the file.
        robot.clickOn(path).interact(() -> path.setText(broken.toString()));
        robot.type(KeyCode.ENTER);
        Label message = robot.lookup("#listen-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !message.getText().isEmpty());
        assertThat(message.getText()).startsWith(broken + ":").doesNotContain("Exception");
        assertThat(robot.lookup("#listen-play").queryAs(Button.class).isDisabled()).isTrue();

        robot.clickOn(path).interact(() -> path.setText(good.toString()));
        robot.type(KeyCode.ENTER);
        Button play = robot.lookup("#listen-play").queryAs(Button.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !play.isDisabled());
        assertThat(robot.lookup("#listen-details").queryAs(Label.class).getText()).contains("48.0 kHz, mono");
        assertThat(message.isVisible()).isFalse();
        robot.clickOn("#listen-play");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(play.getText()).isEqualTo("Stop");
    }
}
