package dev.mixdojo.ui.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.Ffmpeg;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.progress.Attempt;
import dev.mixdojo.progress.AttemptLog;
import dev.mixdojo.ui.AppServices;
import dev.mixdojo.ui.NoiseLessonsApp;
import dev.mixdojo.ui.FailOnFxExceptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Use my own music" in the whole app, headless, as a learner uses it: on the Practice screen a
 * broken file gets one sentence naming it; an MP3 of a drum loop at 120 BPM (made by ffmpeg from a
 * generated WAV) imports with its tempo shown (halved or doubled when the importer asks), the
 * drills' stretch moves to the bar line asked for, and a drill that fits one song starts on it and
 * is answered by keyboard.
 */
@ExtendWith({ApplicationExtension.class, FailOnFxExceptions.class})
class OwnMusicScreenTest {
    private static final double TEMPO_BPM = 120;
    private static final long WAIT_S = 120;
    private static final Pattern BPM = Pattern.compile("^beats-120: ([0-9.]+) BPM \\(");

    @TempDir
    static Path folders;
    static Path song;

    private AppServices services;
    private Path data;

    @BeforeAll
    static void aDrumLoopAsMp3() {
        Ffmpeg.assumeInstalled();
        Path wav = folders.resolve("beats-120.wav");
        AudioFiles.write(wav, drumLoop(40), SampleEncoding.PCM_16);
        song = Ffmpeg.encode(wav, folders.resolve("beats-120.mp3"), "-c:a libmp3lame -b:a 192k");
    }

    @Start
    void start(Stage stage) throws IOException {
        data = folders.resolve("data-" + System.nanoTime());
        services = NoiseLessonsApp.show(stage, folders, data, Executors.newFixedThreadPool(2), Clock.systemDefaultZone());
    }

    @AfterEach
    void close() {
        NoiseLessonsApp.close(services);
    }

    @Test
    void aSongIsImportedItsTempoAndStretchSetAndADrillRunsOnIt(FxRobot robot) throws Exception {
        robot.clickOn("#nav-practice");
        // Practice opens the drill of the first lesson; the learner waits for it, then asks for their own music.
        Label title = robot.lookup("#practice-title").queryAs(Label.class);
        waitUntil(() -> title.getText().startsWith("Hearing octave boosts on pink noise")
                && robot.lookup("#practice-session").queryAs(Label.class).getText().startsWith("A round is"));
        robot.clickOn("#practice-own-music");
        assertThat(robot.lookup("#own-music").query().isVisible()).isTrue();
        TextField path = robot.lookup("#own-music-path").queryAs(TextField.class);
        Label message = robot.lookup("#own-music-message").queryAs(Label.class);
        Label tempo = robot.lookup("#own-music-tempo").queryAs(Label.class);

        // A file that is not audio: one sentence naming it, and no song.
        Path broken = Files.writeString(folders.resolve("broken.mp3"), "not audio at all");
        robot.interact(() -> path.setText(broken.toString()));
        robot.clickOn(path).type(KeyCode.ENTER);
        waitUntil(() -> !message.getText().isEmpty(), () -> "path '" + path.getText() + "'");
        assertThat(message.getText()).startsWith(broken.toString()).doesNotContain("Exception").doesNotContain("\n");
        assertThat(tempo.getText()).isEmpty();

        // The MP3: its tempo, as material.yaml has it.
        robot.interact(() -> path.setText(song.toString()));
        robot.clickOn(path).type(KeyCode.ENTER);
        waitUntil(() -> !tempo.getText().isEmpty() || !message.getText().isEmpty(), () -> "path '" + path.getText() + "'");
        assertThat(message.getText()).isEmpty();
        Path folder = data.resolve("materials").resolve("beats-120");
        double shownBpm = bpm(tempo.getText());
        assertThat(shownBpm).isCloseTo(saved(folder, "bpm"), within(0.05));
        String doubt = robot.lookup("#own-music-doubt").queryAs(Label.class).getText();
        if (Math.abs(shownBpm - TEMPO_BPM) > 0.1) {
            // Found at double or half time: the importer asks, and the learner answers.
            assertThat(doubt).isNotEmpty();
            String button = shownBpm > TEMPO_BPM ? "#own-music-halve" : "#own-music-double";
            robot.clickOn(button);
            waitUntil(() -> tempo.getText().contains(shownBpm > TEMPO_BPM ? "(halved; " : "(doubled; "));
        }
        assertThat(bpm(tempo.getText())).isCloseTo(TEMPO_BPM, within(0.5));
        assertThat(saved(folder, "bpm")).isCloseTo(TEMPO_BPM, within(0.5));

        // The stretch moves to the bar line nearest 9 s (bars are 2 s long at 120 BPM).
        Label excerpt = robot.lookup("#own-music-excerpt").queryAs(Label.class);
        String before = excerpt.getText();
        assertThat(before).startsWith("Drills play ").endsWith(" bars).");
        robot.clickOn("#own-music-start").write("9").type(KeyCode.ENTER);
        waitUntil(() -> !excerpt.getText().equals(before) || !message.getText().isEmpty());
        assertThat(message.getText()).isEmpty();
        double startS = saved(folder, "startS");
        double barS = 4 * 60 / saved(folder, "bpm");
        assertThat(Math.abs(startS - 9)).isLessThanOrEqualTo(barS / 2 + 1e-6);
        assertThat(excerpt.getText()).contains(String.format(Locale.ROOT, "from 0:%04.1f", startS));

        // The drills that fit one song, of the unlocked lessons: the octave boosts (the cuts are locked).
        ComboBox<?> drills = robot.lookup("#own-music-drill").queryAs(ComboBox.class);
        assertThat(drills.getItems()).extracting(Object::toString)
                .containsExactly("Hearing octave boosts on pink noise — Which octave was boosted?");
        Button startDrill = robot.lookup("#own-music-start-drill").queryButton();
        assertThat(startDrill.isDisabled()).as("start with %s chosen", drills.getValue()).isFalse();
        robot.clickOn(startDrill);
        Label practiceMessage = robot.lookup("#practice-message").queryAs(Label.class);
        Label session = robot.lookup("#practice-session").queryAs(Label.class);
        Label step = robot.lookup("#practice-step").queryAs(Label.class);
        waitUntil(() -> title.getText().endsWith("(on your song beats-120)") && session.getText().startsWith("A round is")
                || !practiceMessage.getText().isEmpty(), () -> "the drill did not open: title '" + title.getText()
                        + "', session '" + session.getText() + "', step '" + step.getText() + "'");
        assertThat(practiceMessage.getText()).isEmpty();
        assertThat(robot.lookup("#own-music").query().isVisible()).as("the panel closes for the question").isFalse();
        DrillPaneModel drill = robot.lookup(".drill-pane").queryAs(DrillPane.class).model();
        assertThat(drill.questionProperty().get().prompt()).startsWith("Which octave band was boosted?");
        // The question plays the song's stretch, not pink noise: as long as the stretch (or the drill's cut of it).
        assertThat(drill.durationSProperty().get()).isLessThanOrEqualTo(saved(folder, "lengthS") + 0.01);

        robot.type(KeyCode.SPACE).type(KeyCode.DIGIT4).type(KeyCode.ENTER);
        assertThat(robot.lookup("#drill-feedback").queryAs(Label.class).getText()).startsWith("You said 500 Hz; it was ");
        AttemptLog log = AttemptLog.inDataDirectory(data);
        waitUntil(() -> log.readAll(new Warnings()).size() == 1);
        Attempt attempt = log.readAll(new Warnings()).get(0);
        assertThat(List.of(attempt.lessonId(), attempt.skill(), attempt.answerLabel()))
                .containsExactly("eq-octave-boosts-noise", "eq.frequency", "500 Hz");
    }

    /** A number as the song's material.yaml has it now. */
    private static double saved(Path folder, String key) throws IOException {
        Matcher m = Pattern.compile("(?m)^\\s*" + key + ": ([0-9.]+)").matcher(Files.readString(folder.resolve("material.yaml")));
        assertThat(m.find()).as("%s in material.yaml", key).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static double bpm(String shown) {
        Matcher m = BPM.matcher(shown);
        assertThat(m.find()).as("a tempo in '%s'", shown).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** A stereo drum loop at 120 BPM: a kick on every beat, a snare on two and four, hats on the eighths, and a bass line. */
    static AudioBuffer drumLoop(double seconds) {
        int rate = 48_000;
        int frames = (int) (seconds * rate);
        float[] mono = new float[frames];
        Random noise = new Random(3);
        double beatS = 60 / TEMPO_BPM;
        for (int eighth = 0; eighth * beatS / 2 < seconds; eighth++) {
            int at = (int) (eighth * beatS / 2 * rate);
            boolean onBeat = eighth % 2 == 0;
            int beat = eighth / 2;
            for (int i = 0; i < rate / 4 && at + i < frames; i++) {
                double t = (double) i / rate;
                double sample = 0.12 * Math.exp(-t / 0.02) * (noise.nextDouble() * 2 - 1); // hat
                if (onBeat) {
                    sample += 0.7 * Math.exp(-t / 0.12) * Math.sin(2 * Math.PI * (50 + 80 * Math.exp(-t / 0.03)) * t); // kick
                    if (beat % 2 == 1) {
                        sample += 0.35 * Math.exp(-t / 0.08) * (noise.nextDouble() * 2 - 1); // snare
                    }
                    double bassHz = beat % 8 < 4 ? 55 : 73.4;
                    sample += 0.2 * Math.exp(-t / 0.2) * Math.sin(2 * Math.PI * bassHz * t);
                }
                mono[at + i] += (float) sample;
            }
        }
        return new AudioBuffer(new float[][] {mono, mono.clone()}, rate);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        waitUntil(condition, () -> "");
    }

    /** Waits for {@code condition}, failing with what {@code state} says is on screen when it does not come. */
    private static void waitUntil(Callable<Boolean> condition, Supplier<String> state) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + WAIT_S + " s; " + state.get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
