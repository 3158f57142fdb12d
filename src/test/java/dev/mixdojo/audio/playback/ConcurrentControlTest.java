package dev.mixdojo.audio.playback;

import static dev.mixdojo.audio.playback.Signals.RATE_HZ;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Control calls racing the render thread never corrupt the output or the transport. */
class ConcurrentControlTest {
    @Test
    void randomControlCallsFromAnotherThreadKeepEveryBlockWithinTheLoudestSourceAtItsHighestGain()
            throws InterruptedException {
        double peak = 0.5;
        double highestGainDb = 6;
        PlaybackEngine engine = PlaybackEngine.offline(RATE_HZ, 128, CrossfadeCurve.LINEAR, 5);
        engine.load(Map.of("a", Signals.noise(1, peak, 2, 48_000), "b", Signals.sine(700, peak, 30_000),
                "c", Signals.noise(2, peak, 1, 40_000)));
        engine.play();

        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> controlFailure = new AtomicReference<>();
        Thread control = new Thread(() -> {
            Random random = new Random(42);
            String[] names = {"a", "b", "c"};
            try {
                while (!done.get()) {
                    switch (random.nextInt(7)) {
                        case 0 -> engine.switchTo(names[random.nextInt(3)]);
                        case 1 -> engine.setSourceGainDb(names[random.nextInt(3)], random.nextDouble() * 18 - 12);
                        case 2 -> engine.seekFrames(random.nextInt(50_000));
                        case 3 -> engine.setLoop(random.nextInt(20_000), 20_001 + random.nextInt(20_000));
                        case 4 -> engine.clearLoop();
                        case 5 -> engine.stop();
                        default -> engine.play();
                    }
                    Thread.onSpinWait();
                }
            } catch (Throwable t) {
                controlFailure.set(t);
            }
        }, "test-control");
        control.start();

        // Gains are linear mixes of sources (weights summing to at most 1), each at most +6 dB.
        double bound = peak * Math.pow(10, highestGainDb / 20) + 1e-6;
        double loudest = 0;
        try {
            for (int b = 0; b < 2000; b++) {
                float[][] block = engine.renderOffline(128).channels();
                for (float[] channel : block) {
                    for (float sample : channel) {
                        assertThat(Float.isFinite(sample)).isTrue();
                        loudest = Math.max(loudest, Math.abs(sample));
                    }
                }
                assertThat(engine.positionFrames()).isBetween(0L, 50_000L);
            }
        } finally {
            done.set(true);
            control.join();
        }
        assertThat(controlFailure.get()).isNull();
        assertThat(loudest).isPositive().isLessThanOrEqualTo(bound);
    }
}
