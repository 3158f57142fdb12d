package dev.mixdojo.material;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.DaemonThreads;
import java.lang.ref.SoftReference;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The built-in renders a running app has loaded lately, kept in memory so that opening another
 * drill (or the Mixer) on the same song does not decode its stems from the render cache again:
 * reading a song's ~130–240 MB of float WAVs took most of a warm drill's first question. Keyed by
 * the render's content key (the song file's bytes, the seed and the generator version), so a
 * remembered render is bit for bit the one the cache holds. At most {@value #RENDERS} renders are
 * kept, each softly: the collector drops them before the heap runs out. The buffers are shared:
 * whoever takes one must not write into it (nothing does; questions and mixes copy what they cut).
 * Thread-safe.
 */
public final class RenderMemory {
    /** How many renders are kept: a lesson's song and the Mixer's. */
    static final int RENDERS = 2;

    private record Kept(String key, SoftReference<Multitrack> render) {
    }

    private final Deque<Kept> kept = new ArrayDeque<>();
    /** The mean squares asked of remembered buffers, kept as long as the buffers are. */
    private final Map<AudioBuffer, Double> meanSquares = Collections.synchronizedMap(new WeakHashMap<>());
    /** Renders being written to the cache in the background. */
    private final Set<CompletableFuture<Void>> writes = ConcurrentHashMap.newKeySet();

    /** The render remembered under {@code key}, if it is still in memory (it becomes the most recent). */
    synchronized Optional<Multitrack> recall(String key) {
        for (Kept k : kept) {
            Multitrack render = k.render().get();
            if (k.key().equals(key) && render != null) {
                kept.remove(k);
                kept.addFirst(k);
                return Optional.of(render);
            }
        }
        return Optional.empty();
    }

    /** The mean squares asked of remembered buffers (which must not change: they are read, never written). */
    Map<AudioBuffer, Double> meanSquares() {
        return meanSquares;
    }

    /** Runs {@code write} (a render's write to the cache) in the background, until it ends or {@link #finishWrites}. */
    void write(Runnable write) {
        CompletableFuture<Void> running = CompletableFuture.runAsync(write, DaemonThreads.sideTasks());
        writes.add(running);
        running.whenComplete((done, failed) -> writes.remove(running));
    }

    /**
     * Waits up to {@code limit} for the renders still being written (the app calls it as it quits: a write cut off
     * would leave its partial folder in the cache); a failed write only costs a render next time.
     */
    public void finishWrites(Duration limit) {
        try {
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // A write that failed or is still going: the cache gets the render next time it is made.
        }
    }

    /** Remembers {@code render} under {@code key}, forgetting the oldest beyond {@value #RENDERS}. */
    synchronized void keep(String key, Multitrack render) {
        kept.removeIf(k -> k.key().equals(key) || k.render().get() == null);
        kept.addFirst(new Kept(key, new SoftReference<>(render)));
        while (kept.size() > RENDERS) {
            kept.removeLast();
        }
    }
}
