package dev.mixdojo.audio.playback;

import static dev.mixdojo.audio.playback.Signals.RATE_HZ;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.ThreadAllocations;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The render function allocates nothing, measured by the JVM's per-thread allocation counter. */
class AudioPathAllocationTest {
    private static final int BLOCK_FRAMES = 256;

    @Test
    void renderingAThousandBlocksWithSwitchesSeeksAndLoopWrapsAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = ThreadAllocations.counter();

        PlaybackEngine engine = PlaybackEngine.offline(RATE_HZ);
        engine.load(Map.of("original", Signals.noise(1, 0.5, 2, 96_000), "processed", Signals.noise(2, 0.5, 1, 96_000)));
        engine.setLoop(1000, 51_111);
        engine.play();
        PlaybackRenderer renderer = engine.renderer();
        float[][] block = new float[PlaybackEngine.CHANNELS][BLOCK_FRAMES];

        for (int round = 0; round < 2; round++) {
            // Round 0 warms up (class loading, JIT); round 1 is measured.
            long allocatedBytes = 0;
            for (int b = 0; b < 1000; b++) {
                if (b % 50 == 0) {
                    // Control calls allocate on the control side by design; they stay outside the measurement.
                    engine.switchTo(b % 100 == 0 ? "processed" : "original");
                    engine.setSourceGainDb("processed", -(b % 7));
                }
                if (b % 300 == 0) {
                    engine.seekFrames(2000 + b);
                }
                long before = threads.getCurrentThreadAllocatedBytes();
                renderer.render(block, 0, BLOCK_FRAMES);
                allocatedBytes += threads.getCurrentThreadAllocatedBytes() - before;
            }
            if (round == 1) {
                assertThat(allocatedBytes).as("bytes allocated by 1000 blocks").isLessThan(1024);
            }
        }
    }
}
