package dev.mixdojo.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith({ApplicationExtension.class, FailOnFxExceptions.class})
class StartTimerTest {
    @Test
    void itWaitsForHomesLessonsThenPrintsBothTimesAndClosesTheWindow() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        FlowPane lessons = new FlowPane();
        lessons.setId("home-lessons");
        Stage[] window = new Stage[1];
        WaitForAsyncUtils.asyncFx(() -> {
            window[0] = new Stage();
            window[0].setScene(new Scene(new Pane(lessons), 300, 200));
            window[0].show();
            new StartTimer(window[0], new PrintStream(printed, true, StandardCharsets.UTF_8)).start();
        }).get(10, TimeUnit.SECONDS);
        // Frames go by while Home has no lesson yet: nothing is printed and the window stays.
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(printed.size()).isZero();
        assertThat(window[0].isShowing()).isTrue();

        WaitForAsyncUtils.asyncFx(() -> lessons.getChildren().add(new Region())).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window[0].isShowing());
        String[] lines = printed.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).matches("window shown \\d+ ms after the JVM started");
        assertThat(lines[1]).matches("Home's lessons shown \\d+ ms after the JVM started \\(budget 1500 ms: (met|MISSED)\\)");
        long windowMs = Long.parseLong(lines[0].replaceAll("\\D", ""));
        long lessonsMs = Long.parseLong(lines[1].split(" ")[3]);
        assertThat(lessonsMs).isGreaterThanOrEqualTo(windowMs + 250);
    }
}
