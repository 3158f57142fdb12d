package dev.mixdojo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mixdojo gui --screenshot} end to end, in a separate JVM (JavaFX starts once per process,
 * and the test JVM's toolkit belongs to the TestFX tests): headless with Monocle, no display.
 */
class GuiScreenshotCommandTest {
    @TempDir
    Path dir;

    private record Run(int exitCode, String err) {
    }

    private Run gui(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-Dprism.text=t2k", "-Dmixdojo.audio.device=none",
                "-cp", System.getProperty("java.class.path"), "dev.mixdojo.cli.Main", "gui"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("DISPLAY");
        builder.environment().put("MIXDOJO_HOME", dir.resolve("home").toString());
        Process process = builder.start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), err);
    }

    @Test
    void theSettingsScreenshotIsAPngOfTheWindowsSize() throws Exception {
        Path png = dir.resolve("settings.png");
        Run run = gui("--screenshot", png.toString(), "--view", "settings", "--theme", "dark");
        assumeFalse(run.err().contains("There is no display"), "the toolkit cannot start here: " + run.err());
        assertThat(run.exitCode()).as(run.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1100);
        assertThat(image.getHeight()).isEqualTo(720);
        assertThat(Files.size(png)).isBetween(5_000L, 150_000L);
    }

    @Test
    void aViewThisBuildLacksFailsWithOneSentence() throws Exception {
        Path png = dir.resolve("lesson.png");
        Run run = gui("--screenshot", png.toString(), "--view", "nonsense");
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo(
                "There is no view 'nonsense'; the views are home, lesson, drill, drill-answered, round-summary, mixer, progress, "
                        + "analyze, settings, exam, teacher, projector.");
        assertThat(png).doesNotExist();
    }
}
