package dev.mixdojo.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.playback.PlaybackEngine;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Play, stop and seek shared by the Listen, Mixer and drill screens, on the silent engine (and an offline one to reach the end). */
class TransportTest {
    private static final int RATE_HZ = PlaybackEngine.SESSION_RATE_HZ;

    private AudioOutput audio = new AudioOutput(PlaybackEngine.silent("tests have no sound"));
    private boolean loaded;
    private final Transport transport = new Transport(audio, () -> loaded);

    @AfterEach
    void close() {
        audio.close();
    }

    /** Loads {@code seconds} of a steady signal as a screen would, and cues the transport to it. */
    private void load(double seconds) {
        float[][] samples = new float[2][(int) Math.round(seconds * RATE_HZ)];
        Arrays.fill(samples[0], 0.1f);
        Arrays.fill(samples[1], 0.1f);
        audio.engine().load(Map.of("sound", new AudioBuffer(samples, RATE_HZ)));
        audio.engine().switchTo("sound");
        loaded = true;
        transport.cue(seconds);
    }

    @Test
    void nothingPlaysOrMovesBeforeTheScreenHasLoadedSound() {
        assertThat(transport.toggle()).isFalse();
        transport.seek(1.0);
        transport.refresh();
        assertThat(transport.playingProperty().get()).isFalse();
        assertThat(audio.engine().isPlaying()).isFalse();
        assertThat(transport.positionSProperty().get()).isZero();
        assertThat(transport.durationSProperty().get()).isZero();
    }

    @Test
    void toggleStartsAndStopsTheEngineAndSaysWhichItDid() {
        load(2.0);
        assertThat(transport.durationSProperty().get()).isEqualTo(2.0);
        assertThat(transport.toggle()).isTrue();
        assertThat(audio.engine().isPlaying()).isTrue();
        assertThat(transport.playingProperty().get()).isTrue();
        assertThat(transport.toggle()).isFalse();
        assertThat(audio.engine().isPlaying()).isFalse();
        assertThat(transport.playingProperty().get()).isFalse();
    }

    @Test
    void seekingIsClampedToTheLoadedSoundAndStopKeepsThePlayhead() {
        load(1.5);
        transport.seek(0.75);
        assertThat(transport.positionSProperty().get()).isCloseTo(0.75, within(1.0 / RATE_HZ));
        transport.seek(9);
        assertThat(audio.engine().positionFrames()).isEqualTo(72_000);
        assertThat(transport.positionSProperty().get()).isEqualTo(1.5);
        transport.seek(-3);
        assertThat(transport.positionSProperty().get()).isZero();
        transport.seek(0.5);
        transport.stop();
        transport.refresh();
        assertThat(transport.positionSProperty().get()).isCloseTo(0.5, within(1.0 / RATE_HZ));
    }

    @Test
    void anotherEngineFromSettingsStopsTheTransport() {
        load(1.0);
        transport.toggle();
        audio.reopen(Optional.empty(), 512, true);
        assertThat(transport.playingProperty().get()).isFalse();
    }

    @Test
    void refreshFollowsTheEngineToTheEndAndPlayThenStartsAgainFromTheStart() {
        audio.close();
        audio = new AudioOutput(PlaybackEngine.offline(RATE_HZ));
        Transport offline = new Transport(audio, () -> true);
        float[][] samples = new float[2][RATE_HZ / 2];
        audio.engine().load(Map.of("sound", new AudioBuffer(samples, RATE_HZ)));
        audio.engine().switchTo("sound");
        offline.cue(0.5);
        offline.toggle();
        audio.engine().renderOffline(RATE_HZ / 4);
        offline.refresh();
        assertThat(offline.positionSProperty().get()).isEqualTo(0.25);
        assertThat(offline.playingProperty().get()).isTrue();

        audio.engine().renderOffline(RATE_HZ / 2); // past the end: the engine stops by itself
        offline.refresh();
        assertThat(offline.playingProperty().get()).isFalse();
        assertThat(offline.positionSProperty().get()).isEqualTo(0.5);

        assertThat(offline.toggle()).isTrue();
        assertThat(audio.engine().positionFrames()).isZero();
    }
}
