package dev.mixdojo.material;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.AudioBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The render cache when two workers render the same material at once (a drill opened ahead and one the learner starts). */
class RenderCacheTest {
    @TempDir
    Path cache;

    @Test
    void workersStoringTheSameRenderAtOnceAllSucceedAndOneCopyStays() throws Exception {
        float[] tone = new float[48_000];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.25 * Math.sin(2 * Math.PI * 440 * i / 48_000.0));
        }
        AudioBuffer audio = new AudioBuffer(new float[][] {tone, tone.clone()}, 48_000);
        Multitrack song = new Multitrack("tone", List.of(new Stem("keys", Role.KEYS, audio, 0, 0)), audio);
        int workers = 6;
        for (int round = 0; round < 5; round++) {
            String key = "key-" + round;
            CyclicBarrier together = new CyclicBarrier(workers);
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            List<Future<?>> stored = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                stored.add(pool.submit(() -> {
                    together.await();
                    new RenderCache(cache).store(key, song);
                    return null;
                }));
            }
            for (Future<?> f : stored) {
                f.get(); // a worker that lost the race must not fail
            }
            pool.shutdown();
            Multitrack loaded = new RenderCache(cache).load(key, "tone").orElseThrow();
            assertThat(loaded.mix().channel(0)).containsExactly(tone);
        }
        assertThat(cache.resolve("renders").toFile().list()).as("no temporary folders left").allMatch(n -> n.startsWith("key-"));
    }
}
