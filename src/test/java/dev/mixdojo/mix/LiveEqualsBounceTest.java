package dev.mixdojo.mix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.playback.AudioSink;
import dev.mixdojo.audio.playback.OutputStatus;
import dev.mixdojo.audio.playback.PlaybackEngine;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the learner hears is what is scored: the live mix played by a playback engine's audio thread,
 * captured from a fake device sink, equals the offline bounce bit for bit (no tolerance: the bounce is
 * the same engine run on the caller's thread, and every processor keeps its control-rate grid counted
 * from its reset, so the cut into device blocks cannot change a sample).
 */
class LiveEqualsBounceTest {
    @ParameterizedTest(name = "device blocks of {0} frames")
    @ValueSource(ints = {256, 100})
    void theLiveMixCapturedFromTheDeviceSinkIsTheBounceBitForBit(int deviceBlockFrames) throws InterruptedException {
        Map<String, AudioBuffer> stems = LiveSessions.stems(2);
        MixSession session = LiveSessions.busy();
        float[][] bounce = LiveMix.bounce(stems, session).channels();
        LiveMix mix = new LiveMix(stems, session, Optional.empty());
        // From the first block that sounds: the whole song and some silence after it.
        Capture sink = new Capture(bounce[0].length + 16 * LiveMix.BLOCK_FRAMES);
        try (PlaybackEngine engine = PlaybackEngine.into(sink, deviceBlockFrames, new OutputStatus(false, "a test captures the output"))) {
            engine.attach(mix);
            mix.play();
            assertThat(sink.full.await(60, TimeUnit.SECONDS)).as("the capture filled").isTrue();
        }
        // The capture starts with the device block the song starts in; the song's first sound is the first heard.
        int start = first(sink.frames[0]) - first(bounce[0]);
        assertThat(start).isNotNegative();
        for (int c = 0; c < 2; c++) {
            float[] live = Arrays.copyOfRange(sink.frames[c], start, start + bounce[c].length);
            assertThat(Arrays.equals(live, bounce[c])).as("channel %d equals the bounce bit for bit", c).isTrue();
        }
        // After the end the mix stops and sends silence.
        float[] after = Arrays.copyOfRange(sink.frames[0], start + bounce[0].length, sink.frames[0].length);
        assertThat(after).containsOnly(0f);
    }

    private static int first(float[] x) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] != 0) {
                return i;
            }
        }
        throw new AssertionError("no sound");
    }

    /** A device sink that keeps the frames it is given from the first block that sounds, as fast as the audio thread makes them. */
    private static final class Capture implements AudioSink {
        final float[][] frames;
        final CountDownLatch full = new CountDownLatch(1);
        private int taken;

        Capture(int frames) {
            this.frames = new float[2][frames];
        }

        @Override
        public void write(float[][] block, int n) {
            if (taken == 0 && silent(block[0], n) && silent(block[1], n)) {
                return; // the engine's silence before the play is taken
            }
            int room = Math.min(n, frames[0].length - taken);
            if (room <= 0) {
                Thread.onSpinWait();
                return;
            }
            System.arraycopy(block[0], 0, frames[0], taken, room);
            System.arraycopy(block[1], 0, frames[1], taken, room);
            taken += room;
            if (taken == frames[0].length) {
                full.countDown();
            }
        }

        private static boolean silent(float[] x, int n) {
            for (int i = 0; i < n; i++) {
                if (x[i] != 0) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void wake() {
        }

        @Override
        public void close() {
        }
    }
}
