package dev.mixdojo.audio.playback;

import static dev.mixdojo.audio.playback.Signals.RATE_HZ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.audio.AudioBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The render function, run offline: switching, position, loop, gain, seek and stop, sample by sample. */
class OfflinePlaybackTest {
    private static final int DEFAULT_FADE_FRAMES = (int) Math.round(PlaybackEngine.DEFAULT_FADE_MS / 1000 * RATE_HZ);
    private static final int MAX_FADE_FRAMES = (int) Math.round(PlaybackEngine.MAX_FADE_MS / 1000 * RATE_HZ);

    /** A default offline engine playing {@code source}, loaded alone as {@code name}, from frame 0. */
    private static PlaybackEngine playing(String name, AudioBuffer source) {
        PlaybackEngine engine = PlaybackEngine.offline(RATE_HZ);
        engine.load(Map.of(name, source));
        engine.play();
        return engine;
    }

    /** Plays {@code sources} from frame 0 with the default settings, "a" active, rendering {@code before} frames then switching to "b" and rendering {@code after}. */
    private static float[] switchAfter(PlaybackEngine engine, Map<String, AudioBuffer> sources, int before, int after) {
        engine.load(sources);
        engine.switchTo("a");
        engine.play();
        AudioBuffer first = engine.renderOffline(before);
        engine.switchTo("b");
        AudioBuffer second = engine.renderOffline(after);
        return Signals.join(0, first, second);
    }

    @Test
    void switchingToTheSameSineSixDecibelsLouderAddsNoClickAndSettlesWithinTenMilliseconds() {
        AudioBuffer quiet = Signals.sine(1000, 0.25, 4000);
        AudioBuffer loud = Signals.sine(1000, 0.5, 4000);
        int switchFrame = 1000; // not a multiple of the 256-frame block: the switch lands mid-grid
        float[] out = switchAfter(PlaybackEngine.offline(RATE_HZ), Map.of("a", quiet, "b", loud), switchFrame, 3000);

        double sourceStep = Math.max(Signals.maxStep(quiet.channel(0)), Signals.maxStep(loud.channel(0)));
        assertThat(Signals.maxStep(out, switchFrame - 500, switchFrame + 1000)).isLessThanOrEqualTo(sourceStep + 1e-6);
        int settled = Signals.settledFrom(out, loud.channel(0), switchFrame, out.length);
        double fadeMs = (settled - switchFrame) * 1000.0 / RATE_HZ;
        assertThat(fadeMs).isGreaterThan(0).isLessThanOrEqualTo(10);
    }

    @Test
    void switchingBetweenSinesOfDifferentPitchAddsNoMoreThanTheFadesOwnSlope() {
        // At frame 1000 the 1 kHz sine is at -0.87 and the 1.5 kHz one at +1: a hard cut jumps 1.87.
        AudioBuffer low = Signals.sine(1000, 1, 4000);
        AudioBuffer high = Signals.sine(1500, 1, 4000);
        Map<String, AudioBuffer> sources = Map.of("a", low, "b", high);
        // A linear fade mixes (1-t)·a + t·b; one frame changes it by at most the larger source
        // step plus Δt·|b - a| ≤ (peak a + peak b) / fade frames.
        double bound = Math.max(Signals.maxStep(low.channel(0)), Signals.maxStep(high.channel(0)))
                + 2.0 / DEFAULT_FADE_FRAMES;

        float[] faded = switchAfter(PlaybackEngine.offline(RATE_HZ), sources, 1000, 3000);
        float[] cut = switchAfter(PlaybackEngine.offline(RATE_HZ, 256, CrossfadeCurve.LINEAR, 0), sources, 1000, 3000);

        assertThat(Signals.maxStep(faded, 500, 2000)).isLessThanOrEqualTo(bound);
        assertThat(Signals.maxStep(cut, 500, 2000)).as("the measure catches a hard cut").isGreaterThan(1.5);
        assertThat(Signals.settledFrom(faded, high.channel(0), 1000, faded.length) - 1000)
                .isBetween(1, MAX_FADE_FRAMES);
    }

    @Test
    void aSwitchOverManySmallBlocksStillSettlesWithinTenMilliseconds() {
        AudioBuffer a = Signals.noise(1, 0.5, 1, 6000);
        AudioBuffer b = Signals.noise(2, 0.5, 1, 6000);
        float[] out = switchAfter(PlaybackEngine.offline(RATE_HZ, 32, CrossfadeCurve.LINEAR, 10), Map.of("a", a, "b", b),
                1111, 3000);
        int settled = Signals.settledFrom(out, b.channel(0), 1111, out.length);
        assertThat(settled - 1111).isBetween(MAX_FADE_FRAMES - 32, MAX_FADE_FRAMES);
    }

    @Test
    void switchingKeepsThePlaybackPosition() {
        AudioBuffer up = Signals.counter(6000, 1);
        AudioBuffer down = Signals.counter(6000, -1);
        PlaybackEngine engine = PlaybackEngine.offline(RATE_HZ);
        float[] out = switchAfter(engine, Map.of("a", up, "b", down), 1500, 2500);

        for (int n = 1500 + DEFAULT_FADE_FRAMES; n < 4000; n++) {
            assertThat(out[n]).as("frame %d", n).isEqualTo(down.channel(0)[n]);
        }
        assertThat(engine.positionFrames()).isEqualTo(4000);
        assertThat(engine.activeSource()).isEqualTo("b");
    }

    @Test
    void aLinearFadeBetweenIdenticalSourcesIsSeamlessWhereEqualPowerBulgesThreeDecibels() {
        // Original and processed versions are strongly correlated, which is why LINEAR is the default.
        AudioBuffer sine = Signals.sine(1000, 0.5, 4000);
        Map<String, AudioBuffer> twins = Map.of("a", sine, "b", sine.copy());
        float[] linear = switchAfter(PlaybackEngine.offline(RATE_HZ), twins, 1000, 3000);
        float[] equalPower = switchAfter(PlaybackEngine.offline(RATE_HZ, 256, CrossfadeCurve.EQUAL_POWER, 5), twins,
                1000, 3000);

        for (int n = 1000; n < 1000 + DEFAULT_FADE_FRAMES; n++) {
            assertThat(linear[n]).isCloseTo(sine.channel(0)[n], within(1e-6f));
        }
        double peakRatio = peak(equalPower, 1000, 1000 + DEFAULT_FADE_FRAMES) / 0.5;
        assertThat(20 * Math.log10(peakRatio)).isCloseTo(3.01, within(0.05));
    }

    @Test
    void aSwitchThatInterruptsAnotherKeepsTheLevel() {
        AudioBuffer sine = Signals.sine(1000, 0.5, 4000);
        PlaybackEngine engine = PlaybackEngine.offline(RATE_HZ);
        engine.load(Map.of("a", sine, "b", sine.copy(), "c", sine.copy()));
        engine.play();
        AudioBuffer first = engine.renderOffline(1000);
        engine.switchTo("b");
        AudioBuffer second = engine.renderOffline(100); // mid-fade …
        engine.switchTo("c");
        AudioBuffer third = engine.renderOffline(50); // … and again
        engine.switchTo("a");
        float[] out = Signals.join(0, first, second, third, engine.renderOffline(1000));

        // Identical sources: any dip or bulge in the summed weights would show as a level change.
        for (int n = DEFAULT_FADE_FRAMES; n < out.length; n++) {
            assertThat(out[n]).as("frame %d", n).isCloseTo(sine.channel(0)[n], within(1e-6f));
        }
    }

    private static double peak(float[] x, int from, int to) {
        double peak = 0;
        for (int n = from; n < to; n++) {
            peak = Math.max(peak, Math.abs(x[n]));
        }
        return peak;
    }

    @Test
    void aLoopWhoseLengthIsNotAMultipleOfTheBlockWrapsSampleAccurately() {
        AudioBuffer source = Signals.counter(8000, 1);
        PlaybackEngine engine = PlaybackEngine.offline(RATE_HZ, 64, CrossfadeCurve.LINEAR, 0);
        engine.load(Map.of("a", source));
        engine.setLoop(1000, 1333);
        engine.play();
        float[] out = Signals.join(0, engine.renderOffline(1000), engine.renderOffline(777), engine.renderOffline(2223));

        for (int k = 0; k < out.length; k++) {
            assertThat(out[k]).as("frame %d", k).isEqualTo(source.channel(0)[1000 + k % 333]);
        }
        assertThat(engine.positionFrames()).isEqualTo(1000 + 4000 % 333);
    }

    @Test
    void aLoopSetWhilePlayingWrapsExactlyAfterTheDeclick() {
        AudioBuffer source = Signals.counter(20000, 1);
        PlaybackEngine engine = playing("a", source);
        engine.renderOffline(3000);
        engine.setLoop(5000, 5997); // the playhead at 3000 is outside: it moves to 5000
        float[] out = engine.renderOffline(5000).channel(0);

        for (int k = DEFAULT_FADE_FRAMES; k < out.length; k++) {
            assertThat(out[k]).as("frame %d", k).isEqualTo(source.channel(0)[5000 + k % 997]);
        }
        engine.clearLoop();
        float[] after = engine.renderOffline(2000).channel(0);
        long resumed = 5000 + 5000 % 997;
        assertThat(after[1999]).isEqualTo(source.channel(0)[(int) resumed + 1999]);
    }

    @Test
    void aSourceGainAppliesExactly() {
        AudioBuffer noise = Signals.noise(7, 0.5, 2, 10000);
        PlaybackEngine engine = PlaybackEngine.offline(RATE_HZ);
        engine.load(Map.of("original", noise));
        engine.setSourceGainDb("original", -7.5);
        engine.play();
        AudioBuffer quieter = engine.renderOffline(4000);
        engine.setSourceGainDb("original", 3);
        AudioBuffer louder = engine.renderOffline(6000);

        for (int c = 0; c < 2; c++) {
            for (int n = DEFAULT_FADE_FRAMES; n < 4000; n++) {
                assertThat((double) quieter.channel(c)[n])
                        .isCloseTo(noise.channel(c)[n] * Math.pow(10, -7.5 / 20), within(1e-6));
            }
            for (int n = DEFAULT_FADE_FRAMES; n < 6000; n++) {
                assertThat((double) louder.channel(c)[n])
                        .isCloseTo(noise.channel(c)[4000 + n] * Math.pow(10, 3.0 / 20), within(1e-6));
            }
        }
    }

    @Test
    void aGainChangeWhilePlayingGlidesInsteadOfJumping() {
        AudioBuffer sine = Signals.sine(1000, 0.5, 8000);
        PlaybackEngine engine = playing("a", sine);
        AudioBuffer before = engine.renderOffline(1000);
        engine.setSourceGainDb("a", 6);
        float[] out = Signals.join(0, before, engine.renderOffline(3000));

        double loudStep = Signals.maxStep(sine.channel(0)) * Math.pow(10, 6.0 / 20);
        assertThat(Signals.maxStep(out, 500, 2000)).isLessThanOrEqualTo(loudStep + 1e-4);
    }

    @Test
    void aSeekLandsOnTheExactFrame() {
        AudioBuffer source = Signals.counter(40000, 1);
        PlaybackEngine engine = playing("a", source);
        engine.renderOffline(700);
        engine.seekFrames(20000);
        assertThat(engine.positionFrames()).as("reported before the audio thread applies it").isEqualTo(20000);
        float[] out = engine.renderOffline(2000).channel(0);

        for (int k = DEFAULT_FADE_FRAMES; k < 2000; k++) {
            assertThat(out[k]).as("frame %d", k).isEqualTo(source.channel(0)[20000 + k]);
        }
        assertThat(engine.positionFrames()).isEqualTo(22000);
        engine.seekSeconds(0.25);
        engine.renderOffline(100);
        assertThat(engine.positionFrames()).isEqualTo(RATE_HZ / 4 + 100);
    }

    @Test
    void aSeekWhilePlayingCrossfadesInsteadOfClicking() {
        AudioBuffer sine = Signals.sine(1000, 1, 20000);
        PlaybackEngine engine = playing("a", sine);
        AudioBuffer before = engine.renderOffline(1000); // the sine is at -0.87 here …
        engine.seekFrames(10012); // … and at +1 here
        float[] out = Signals.join(0, before, engine.renderOffline(2000));

        // The old and new playheads are two sines mixed by a linear fade: see the pitch-switch test.
        double bound = Signals.maxStep(sine.channel(0)) + 2.0 / DEFAULT_FADE_FRAMES;
        assertThat(Signals.maxStep(out, 500, 2000)).isLessThanOrEqualTo(bound);
    }

    @Test
    void aSeekWhileStoppedMovesThePlayheadWithoutSound() {
        AudioBuffer source = Signals.counter(40000, 1);
        PlaybackEngine engine = PlaybackEngine.offline(RATE_HZ, 256, CrossfadeCurve.LINEAR, 0);
        engine.load(Map.of("a", source));
        engine.seekFrames(12345);
        float[] silent = engine.renderOffline(500).channel(0);
        engine.play();
        float[] out = engine.renderOffline(500).channel(0);

        assertThat(silent).containsOnly(0f);
        for (int k = 0; k < 500; k++) {
            assertThat(out[k]).isEqualTo(source.channel(0)[12345 + k]);
        }
    }

    @Test
    void stopThenPlayResumesWhereItStopped() {
        AudioBuffer source = Signals.counter(40000, 1);
        PlaybackEngine engine = playing("a", source);
        engine.renderOffline(1000);
        engine.stop();
        assertThat(engine.isPlaying()).isFalse();
        float[] stopped = engine.renderOffline(1000).channel(0);
        assertThat(engine.positionFrames()).isEqualTo(1000);
        engine.play();
        assertThat(engine.isPlaying()).isTrue();
        float[] resumed = engine.renderOffline(2000).channel(0);

        // The stop fades the old playhead out over the fade, then silence.
        for (int k = 0; k < DEFAULT_FADE_FRAMES; k++) {
            assertThat(Math.abs(stopped[k])).isLessThanOrEqualTo(source.channel(0)[1000 + k]);
        }
        assertThat(java.util.Arrays.copyOfRange(stopped, DEFAULT_FADE_FRAMES, 1000)).containsOnly(0f);
        for (int k = DEFAULT_FADE_FRAMES; k < 2000; k++) {
            assertThat(resumed[k]).as("frame %d", k).isEqualTo(source.channel(0)[1000 + k]);
        }
    }

    @Test
    void playbackStopsAtTheEndAndPlayStartsOverFromTheBeginning() {
        AudioBuffer source = Signals.counter(3000, 1);
        PlaybackEngine engine = playing("a", source);
        float[] out = engine.renderOffline(4000).channel(0);

        assertThat(engine.isPlaying()).isFalse();
        assertThat(engine.positionFrames()).isEqualTo(3000);
        assertThat(java.util.Arrays.copyOfRange(out, 3000, 4000)).containsOnly(0f);
        engine.play();
        float[] again = engine.renderOffline(1000).channel(0);
        assertThat(again[999]).isEqualTo(source.channel(0)[999]);
    }

    @Test
    void stereoSourcesKeepTheirSidesAndMonoSourcesFeedBoth() {
        AudioBuffer stereo = Signals.noise(3, 0.5, 2, 3000);
        AudioBuffer mono = Signals.noise(4, 0.5, 1, 3000);
        PlaybackEngine engine = PlaybackEngine.offline(RATE_HZ, 256, CrossfadeCurve.LINEAR, 0);
        engine.load(Map.of("mono", mono, "stereo", stereo));
        engine.switchTo("stereo");
        engine.play();
        AudioBuffer fromStereo = engine.renderOffline(1000);
        engine.stop();
        engine.switchTo("mono");
        engine.play();
        AudioBuffer fromMono = engine.renderOffline(1000);

        for (int k = 0; k < 1000; k++) {
            assertThat(fromStereo.channel(0)[k]).isEqualTo(stereo.channel(0)[k]);
            assertThat(fromStereo.channel(1)[k]).isEqualTo(stereo.channel(1)[k]);
            assertThat(fromMono.channel(0)[k]).isEqualTo(mono.channel(0)[1000 + k]);
            assertThat(fromMono.channel(1)[k]).isEqualTo(mono.channel(0)[1000 + k]);
        }
    }

    @Test
    void loadingKeepsTheActiveSourceWhenItsNameIsLoadedAgain() {
        PlaybackEngine engine = PlaybackEngine.offline(RATE_HZ);
        engine.load(Map.of("original", Signals.sine(500, 0.1, 100), "processed", Signals.sine(600, 0.1, 100)));
        assertThat(engine.activeSource()).isEqualTo("original");
        engine.switchTo("processed");
        engine.load(Map.of("original", Signals.sine(700, 0.1, 100), "processed", Signals.sine(800, 0.1, 100)));
        assertThat(engine.activeSource()).isEqualTo("processed");
    }

    @Test
    void badControlValuesAreRefusedWithAReason() {
        PlaybackEngine engine = PlaybackEngine.offline(RATE_HZ);
        AudioBuffer at44k = new AudioBuffer(new float[1][100], 44_100);
        assertThatThrownBy(() -> engine.load(Map.of("a", at44k))).hasMessageContaining("44100 Hz")
                .hasMessageContaining("48000 Hz");
        engine.load(Map.of("original", Signals.sine(500, 0.1, 100)));
        assertThatThrownBy(() -> engine.switchTo("processed")).hasMessageContaining("\"processed\"")
                .hasMessageContaining("original");
        assertThatThrownBy(() -> engine.setSourceGainDb("original", 40)).hasMessageContaining("40");
        assertThatThrownBy(() -> engine.seekFrames(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.setLoop(500, 500)).isInstanceOf(IllegalArgumentException.class);
    }
}
