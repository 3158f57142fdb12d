package dev.mixdojo.bench;

import dev.mixdojo.material.MaterialLibrary;
import dev.mixdojo.material.Multitrack;
import dev.mixdojo.material.Stem;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Optional;

/**
 * How fast a whole built-in song's stems render (the goal is at least 50× real time on a 2-core
 * machine), against a baseline measured in the same run: filling buffers of the same shape with a
 * plain sine. Usage: {@code bin/bench MaterialBench [SONG] [RUNS]}.
 */
public final class MaterialBench {
    private MaterialBench() {
    }

    public static void main(String[] args) throws Exception {
        String song = args.length > 0 ? args[0] : "pop-sunrise";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        MaterialLibrary library = new MaterialLibrary(MaterialLibrary.locateBuiltIns(), Files.createTempDirectory("bench-data"), Files.createTempDirectory("bench-cache"));
        Multitrack warm = null;
        for (int i = 0; i < 2; i++) {
            warm = library.render(song, Optional.empty());
        }
        double songS = warm.mix().durationS();
        int channels = warm.stems().stream().mapToInt(s -> s.audio().channelCount()).sum();
        int frames = warm.mix().frames();
        // The render is single-threaded, so its thread's CPU time is the speed on an unloaded core
        // (the machine is shared; wall time also counts time spent waiting for a core).
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        double total = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            library.render(song, Optional.empty());
            double seconds = (System.nanoTime() - start) / 1e9;
            bestCpu = Math.min(bestCpu, (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
            best = Math.min(best, seconds);
            total += seconds;
        }
        double sineBest = Double.MAX_VALUE;
        double sineBestCpu = Double.MAX_VALUE;
        float sink = 0;
        for (int i = 0; i < runs + 2; i++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            float[][] buffers = new float[channels][frames];
            for (float[] buffer : buffers) {
                double phase = 0;
                for (int n = 0; n < frames; n++) {
                    buffer[n] = (float) Math.sin(phase);
                    phase += 2 * Math.PI * 440 / 48_000.0;
                    if (phase >= 2 * Math.PI) {
                        phase -= 2 * Math.PI;
                    }
                }
                sink += buffer[frames / 2];
            }
            sineBest = Math.min(sineBest, (System.nanoTime() - start) / 1e9);
            sineBestCpu = Math.min(sineBestCpu, (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
        }
        double mean = total / runs;
        System.out.printf(Locale.ROOT, "song %s: %d stems (%d channels), %.1f s of audio each%n",
                song, warm.stems().size(), channels, songS);
        for (Stem stem : warm.stems()) {
            System.out.printf(Locale.ROOT, "  %-8s %-7s %d ch%n", stem.name(), stem.role().fileName(), stem.audio().channelCount());
        }
        System.out.printf(Locale.ROOT, "render (stems + rough mix): best %.3f s, mean %.3f s over %d runs%n", best, mean, runs);
        System.out.printf(Locale.ROOT, "speed, wall clock: %.1f× real time (best), %.1f× (mean)  [goal ≥ 50×]%n", songS / best, songS / mean);
        System.out.printf(Locale.ROOT, "speed, CPU time of the rendering thread: %.1f× real time (best)%n", songS / bestCpu);
        System.out.printf(Locale.ROOT, "baseline: plain sine into the same %d×%d buffers: %.3f s wall, %.3f s CPU (%.1f× real time by CPU)%n",
                channels, frames, sineBest, sineBestCpu, songS / sineBestCpu);
        System.out.printf(Locale.ROOT, "ratio render / plain sine: %.2f× (wall), %.2f× (CPU)%s%n", best / sineBest, bestCpu / sineBestCpu,
                sink == 12345 ? " " : "");
    }
}
