package dev.mixdojo.ui.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.ui.AudioOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Listen screen's logic without the toolkit: work runs inline, the engine is silent. */
class ListenViewModelTest {
    private static final Executor INLINE = Runnable::run;

    @TempDir
    Path dir;

    private final AudioOutput audio = new AudioOutput(PlaybackEngine.silent("tests have no sound"));
    private final ListenViewModel model = new ListenViewModel(audio, INLINE, INLINE);

    @AfterEach
    void closeAudio() {
        audio.close();
    }

    @Test
    void aGoodFileShowsItsFormatAndCanPlay() {
        Path file = sine(dir.resolve("tone.wav"), 48_000, 1.5);
        model.open(file);
        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.titleProperty().get()).isEqualTo("tone.wav");
        assertThat(model.detailsProperty().get()).contains("WAV, PCM signed 24-bit", "48.0 kHz, stereo", "0:01.5",
                "Sample peak -6.0 dBFS");
        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(model.durationSProperty().get()).isCloseTo(1.5, within(1e-9));
        model.togglePlay();
        assertThat(model.playingProperty().get()).isTrue();
        model.togglePlay();
        assertThat(model.playingProperty().get()).isFalse();
    }

    @Test
    void aFileAtAnotherRateIsResampledToTheSessionRateKeepingItsLength() {
        model.open(sine(dir.resolve("cd.wav"), 44_100, 2.0));
        assertThat(audio.engine().lengthFrames()).isCloseTo(96_000, within(2L));
        model.seek(1.0);
        assertThat(model.positionSProperty().get()).isCloseTo(1.0, within(1e-3));
    }

    @Test
    void aBadFileShowsTheSameSentenceAsTheCommandLine() throws Exception {
        Path text = dir.resolve("notes.wav");
        Files.writeString(text, "these are my mix notes, not audio");
        model.open(text);
        assertThat(model.loadedProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).startsWith(text.toString() + ":").doesNotContain("Exception");
        model.togglePlay();
        assertThat(model.playingProperty().get()).isFalse();
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("gone.wav");
        model.open(missing);
        assertThat(model.messageProperty().get()).isEqualTo(missing + ": no such file.");
    }

    @Test
    void timesReadAsMinutesAndSeconds() {
        assertThat(ListenViewModel.formatTime(65.3)).isEqualTo("1:05.3");
        assertThat(ListenViewModel.formatTime(0)).isEqualTo("0:00.0");
    }

    private static Path sine(Path file, int rateHz, double seconds) {
        int frames = (int) Math.round(rateHz * seconds);
        float[][] channels = new float[2][frames];
        for (int i = 0; i < frames; i++) {
            float v = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / rateHz));
            channels[0][i] = v;
            channels[1][i] = v;
        }
        AudioFiles.write(file, new AudioBuffer(channels, rateHz), SampleEncoding.PCM_24);
        return file;
    }
}
