package dev.mixdojo.bench;

import dev.mixdojo.analysis.Signals;
import dev.mixdojo.analysis.dynamics.DynamicsAnalyzer;
import dev.mixdojo.analysis.loudness.LoudnessMeter;
import dev.mixdojo.analysis.qc.QcAnalyzer;
import dev.mixdojo.analysis.spectrum.WelchAnalyzer;
import dev.mixdojo.analysis.stereo.StereoAnalyzer;
import java.util.function.Supplier;

/**
 * Time per analysis stage on 3 minutes of 48 kHz stereo noise, in memory (no file reading, no
 * JVM start-up), against the baseline of one plain pass summing the samples. Run with
 * {@code bin/bench AnalysisBench}.
 */
public final class AnalysisBench {
    private AnalysisBench() {
    }

    interface Stage {
        void accept(float[][] block, int frames);
    }

    public static void main(String[] args) {
        int rate = 48000;
        float[][] audio = {Signals.pinkNoise(180, rate, 1), Signals.pinkNoise(180, rate, 2)};
        double[] sink = new double[1];
        Supplier<Stage> baseline = () -> (block, frames) -> {
            double s = 0;
            for (float[] ch : block) {
                for (int i = 0; i < frames; i++) {
                    s += ch[i];
                }
            }
            sink[0] += s;
        };
        for (int round = 0; round < 5; round++) {
            double base = time(audio, baseline);
            System.out.printf("round %d: baseline pass %.0f ms%n", round, base);
            report("loudness, no true peak", time(audio, () -> new LoudnessMeter(rate, 2, false)::accept), base);
            report("loudness + true peak 8x", time(audio, () -> new LoudnessMeter(rate, 2, true)::accept), base);
            report("welch spectra", time(audio, () -> new WelchAnalyzer(rate, 2)::accept), base);
            report("dynamics", time(audio, () -> new DynamicsAnalyzer(rate, 2)::accept), base);
            report("stereo", time(audio, () -> new StereoAnalyzer(rate)::accept), base);
            report("qc", time(audio, () -> new QcAnalyzer(rate, 2)::accept), base);
        }
    }

    private static void report(String name, double ms, double base) {
        System.out.printf("  %-26s %7.0f ms  (%.1f× baseline, %.0f× real time)%n", name, ms, ms / base, 180_000 / ms);
    }

    /** CPU time of this thread (ms): on a shared, loaded machine wall time says more about the neighbours. */
    private static double time(float[][] audio, Supplier<Stage> factory) {
        Stage stage = factory.get();
        long start = THREADS.getCurrentThreadCpuTime();
        Signals.stream(audio, 8192, stage::accept);
        return (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
}
