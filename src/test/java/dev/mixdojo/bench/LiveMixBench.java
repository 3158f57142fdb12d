package dev.mixdojo.bench;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.playback.AudioSink;
import dev.mixdojo.audio.playback.OutputStatus;
import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.dsp.dynamics.DynamicsSettings;
import dev.mixdojo.dsp.eq.EqSettings;
import dev.mixdojo.dsp.eq.FilterType;
import dev.mixdojo.material.MaterialLibrary;
import dev.mixdojo.mix.ChannelStrip;
import dev.mixdojo.mix.GroupBus;
import dev.mixdojo.mix.LiveMix;
import dev.mixdojo.mix.MixSession;
import dev.mixdojo.mix.SessionStems;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The live mix engine on the built-in 10-stem song "pop-sunrise", every strip with 4 EQ bands and a
 * compressor and sending to both buses, in 256-frame blocks:
 * <ul>
 * <li>{@code realtime factor}: seconds of audio per second of this thread's CPU time (one core), and the
 *     same against wall-clock time;</li>
 * <li>{@code control latency}: the engine on a real audio thread paced at 48 kHz; a master fader move is
 *     posted at a random moment and the first output sample that differs from the bounce without it is
 *     found: samples from the one the sink's clock was playing at the post to that one (the clock is
 *     known to within a block), worst, 90th percentile and median of 30 posts after a first one, which
 *     also loads and compiles the control path and is shown on its own;</li>
 * </ul>
 * Run with {@code bin/bench LiveMixBench}; the song is rendered once into {@code target/bench-cache}.
 */
public final class LiveMixBench {
    private static final int RATE_HZ = 48_000;

    private LiveMixBench() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path cache = Path.of("target", "bench-cache");
        MaterialLibrary library = new MaterialLibrary(MaterialLibrary.locateBuiltIns(), cache.resolve("imported"), cache);
        MixSession flat = MixSession.flat("song/pop-sunrise", Optional.empty(), List.of());
        Map<String, AudioBuffer> stems = SessionStems.load(library, flat, new Warnings());
        MixSession session = everything(new ArrayList<>(stems.keySet()));
        double seconds = stems.values().stream().mapToInt(AudioBuffer::frames).max().orElse(0) / (double) RATE_HZ;
        System.out.printf("pop-sunrise: %d stems, %.1f s; every strip 4 EQ bands + compressor + both sends; blocks of %d%n",
                stems.size(), seconds, LiveMix.BLOCK_FRAMES);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            AudioBuffer bounce = LiveMix.bounce(stems, session);
            double cpuS = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            double wallS = (System.nanoTime() - wall0) / 1e9;
            System.out.printf("round %d: realtime factor: %.1f× (CPU of one thread: %.2f s for %.1f s of audio;"
                    + " wall clock %.1f×)  peak %.3f%n", round, seconds / cpuS, cpuS, seconds, seconds / wallS, peak(bounce));
        }

        // The same session with the drums played through a group bus (4 EQ bands and a compressor, like a track) and the
        // return faders off 0 dB: what the buses cost, as a ratio against the rounds above in this process.
        List<String> drums = stems.keySet().stream().filter(s -> List.of("kick", "snare", "hats", "room", "toms").contains(s)).toList();
        MixSession grouped = session.withReturnsDb(-2, -3).withGroups(List.of(new GroupBus("drums", drums,
                session.tracks().get(0).eq(), session.tracks().get(0).compressor(), -1)));
        long cpu0 = threads.getCurrentThreadCpuTime();
        LiveMix.bounce(stems, grouped);
        double groupedCpuS = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        long cpu1 = threads.getCurrentThreadCpuTime();
        LiveMix.bounce(stems, session);
        double plainCpuS = (threads.getCurrentThreadCpuTime() - cpu1) / 1e9;
        System.out.printf("with a drum group bus (%s) and return faders: realtime factor %.1f× (%.2f s CPU); without, just after:"
                + " %.1f× (%.2f s); cost ratio %.2f%n", String.join(", ", drums), seconds / groupedCpuS, groupedCpuS,
                seconds / plainCpuS, plainCpuS, groupedCpuS / plainCpuS);

        int[] latencies = latencies(stems, session, 31);
        System.out.println("control latency per post, in samples: " + Arrays.toString(latencies));
        // The first post of the process also loads and compiles the control path; it is shown on its own.
        System.out.printf("first post in this process: %.2f ms%n", ms(latencies[0]));
        int[] sorted = Arrays.copyOfRange(latencies, 1, latencies.length);
        Arrays.sort(sorted);
        System.out.printf("control latency of the next 30: %.2f ms worst (%d samples), 90th percentile %.2f ms, median %.2f ms (%d samples);"
                + " one block is %.2f ms%n", ms(sorted[sorted.length - 1]), sorted[sorted.length - 1],
                ms(sorted[sorted.length * 9 / 10]), ms(sorted[sorted.length / 2]), sorted[sorted.length / 2],
                ms(LiveMix.BLOCK_FRAMES));
        System.out.println("goals: realtime factor >= 20×, control latency <= one block + 5 ms ("
                + String.format("%.2f", LiveMix.BLOCK_FRAMES * 1000.0 / RATE_HZ + 5) + " ms)");
    }

    /** Each strip: a high-pass, a low-mid cut, a presence bell and an air shelf, a compressor, pans spread, both sends. */
    static MixSession everything(List<String> stems) {
        MixSession session = MixSession.flat("song/pop-sunrise", Optional.empty(), stems);
        for (int i = 0; i < stems.size(); i++) {
            ChannelStrip strip = ChannelStrip.of(stems.get(i)).withFaderDb(-6 + i % 4).withPan(-0.8 + 1.6 * i / (stems.size() - 1))
                    .withEq(List.of(EqSettings.of(FilterType.HIGH_PASS, 40 + 5 * i, 0, 0.707, 12), EqSettings.peak(300, -3, 1.4),
                            EqSettings.peak(3000 + 100 * i, 2, 1), EqSettings.shelf(FilterType.HIGH_SHELF, 10_000, 1.5, 0.707)))
                    .withCompressor(Optional.of(DynamicsSettings.compressor(-24, 3, 6, 10, 120, 3)))
                    .withSends(-18, -24);
            session = session.withTrack(strip);
        }
        return session.withMasterFaderDb(-6);
    }

    /** For each of {@code runs} runs: samples from posting a master fader move to the first output sample it changes. */
    private static int[] latencies(Map<String, AudioBuffer> stems, MixSession session, int runs) throws InterruptedException {
        int captureFrames = RATE_HZ / 4;
        float[][] reference = LiveMix.bounce(stems, session).channels();
        int[] result = new int[runs];
        for (int run = 0; run < runs; run++) {
            Capture sink = new Capture(captureFrames);
            LiveMix mix = new LiveMix(stems, session, Optional.empty());
            try (PlaybackEngine engine = PlaybackEngine.into(sink, LiveMix.BLOCK_FRAMES, new OutputStatus(false, "a benchmark captures the output"))) {
                engine.attach(mix);
                mix.play();
                Thread.sleep(20 + ThreadLocalRandom.current().nextInt(80));
                long postedNs = System.nanoTime();
                mix.apply(session.withMasterFaderDb(-12));
                // The frame the sink's clock was playing when the move was posted.
                long postedAtFrame = (postedNs - sink.clockStartNs) * RATE_HZ / 1_000_000_000L;
                while (sink.taken < captureFrames) {
                    Thread.sleep(10);
                }
                int start = sink.firstSound(reference);
                int changed = sink.firstDifference(reference, start);
                result[run] = (int) (changed - postedAtFrame);
            }
        }
        return result;
    }

    private static double ms(int samples) {
        return samples * 1000.0 / RATE_HZ;
    }

    private static double peak(AudioBuffer buffer) {
        double peak = 0;
        for (float[] channel : buffer.channels()) {
            for (float v : channel) {
                peak = Math.max(peak, Math.abs(v));
            }
        }
        return peak;
    }

    /** A sink paced at 48 kHz, as a device would be, that keeps the first frames it is given. */
    private static final class Capture implements AudioSink {
        final float[][] frames;
        volatile long taken;
        volatile long clockStartNs = -1;
        private volatile boolean woken;

        Capture(int frames) {
            this.frames = new float[2][frames];
        }

        @Override
        public void write(float[][] block, int n) {
            long at = taken;
            for (int c = 0; c < 2; c++) {
                int room = (int) Math.max(0, Math.min(n, frames[c].length - at));
                System.arraycopy(block[c], 0, frames[c], (int) Math.min(at, frames[c].length), room);
            }
            taken = at + n;
            if (clockStartNs < 0) {
                clockStartNs = System.nanoTime();
            }
            long due = clockStartNs + taken * 1_000_000_000L / RATE_HZ;
            while (!woken && System.nanoTime() < due) {
                java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
            }
        }

        /** Where the mix's first sample is in the capture: the first sound, less the bounce's own silence before it. */
        int firstSound(float[][] reference) {
            return first(frames[0]) - first(reference[0]);
        }

        private static int first(float[] x) {
            for (int i = 0; i < x.length; i++) {
                if (x[i] != 0) {
                    return i;
                }
            }
            throw new IllegalStateException("no sound captured");
        }

        /** The first captured frame, from {@code start}, that differs from the reference played from its start. */
        int firstDifference(float[][] reference, int start) {
            for (int i = start; i < frames[0].length; i++) {
                if (frames[0][i] != reference[0][i - start] || frames[1][i] != reference[1][i - start]) {
                    return i;
                }
            }
            throw new IllegalStateException("the move was never heard");
        }

        @Override
        public void wake() {
            woken = true;
        }

        @Override
        public void close() {
        }
    }
}
