package dev.mixdojo.bench;

import dev.mixdojo.dsp.AudioBlock;
import dev.mixdojo.dsp.ProcessSpec;
import dev.mixdojo.dsp.Processor;
import dev.mixdojo.dsp.chain.ChainReader;
import dev.mixdojo.dsp.dynamics.DynamicsSettings;
import dev.mixdojo.dsp.eq.EqSettings;
import dev.mixdojo.dsp.eq.FilterType;
import dev.mixdojo.dsp.eq.ParametricEq;
import dev.mixdojo.dsp.spatial.PanLaw;
import dev.mixdojo.dsp.spatial.PanSettings;
import dev.mixdojo.dsp.chain.Chain;
import dev.mixdojo.dsp.automation.Param;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Throughput of each processor as × real time at 48 kHz, stereo, 512-frame blocks, one thread,
 * and the ratio to a trivial gain processor measured in the same run. The main figure divides by the
 * thread's CPU time (the copy of the input into the work buffer is included, for every case alike), so other processes on a shared machine do not count against us; wall-clock
 * figures are printed beside it. Run with {@code bin/bench DspBench}.
 */
public final class DspBench {
    private static final int FS = 48000;
    private static final int BLOCK = 512;
    private static final int SECONDS = 10;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DspBench() {
    }

    public static void main(String[] args) {
        Map<String, Supplier<Processor>> cases = new LinkedHashMap<>();
        cases.put("baseline: gain (fixed)", () -> chain("- gain: { gainDb: -3 }"));
        cases.put("gain (automated)", () -> chain("- gain: { gainDb: { automation: [[0, -6], [10, 0]] } }"));
        cases.put("polarity", () -> chain("- polarity: { invert: both }"));
        cases.put("eq peak (1 band)", () -> chain("- eq: { type: peak, frequencyHz: 1000, gainDb: 6, q: 1 }"));
        cases.put("eq lowpass 48 dB/oct", () -> chain("- eq: { type: lowpass, frequencyHz: 5000, slopeDbPerOct: 48 }"));
        cases.put("eq peak, frequency automated", () -> chain(
                "- eq: { type: peak, frequencyHz: { automation: [[0, 100], [10, 10000]] }, gainDb: 6, q: 1 }"));
        cases.put("compressor peak", () -> chain("- compressor: { thresholdDb: -20, ratio: 4 }"));
        cases.put("compressor rms, link 0.5, sc hp", () -> chain(
                "- compressor: { thresholdDb: -20, ratio: 4, detector: rms, link: 0.5, sidechainHpHz: 100 }"));
        cases.put("gate", () -> chain("- gate: { thresholdDb: -30 }"));
        cases.put("pan", () -> chain("- pan: { position: 0.3 }"));
        cases.put("balance", () -> chain("- balance: { position: 0.3 }"));
        cases.put("width", () -> chain("- width: { amount: 1.5 }"));
        cases.put("delay", () -> chain("- delay: { timeMs: 375, feedback: 0.4, mix: 0.3, highCutHz: 6000, lowCutHz: 100 }"));
        cases.put("reverb", () -> chain("- reverb: { decayS: 1.8 }"));
        cases.put("saturation tanh (4x oversampled)", () -> chain("- saturation: { type: tanh, driveDb: 12 }"));
        cases.put("STRIP: 4 EQ bands + compressor + pan", DspBench::strip);

        float[][] input = new float[2][FS * SECONDS];
        Random random = new Random(1);
        for (float[] channel : input) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = (float) (0.25 * random.nextGaussian());
            }
        }
        float[][] work = new float[2][input[0].length];
        double baseline = 0;
        System.out.printf("load average %.2f on %d cores%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-40s %12s %12s %10s%n", "processor (stereo, 48 kHz)", "x RT (cpu)", "x RT (wall)", "vs gain");
        for (Map.Entry<String, Supplier<Processor>> c : cases.entrySet()) {
            if (args.length > 0 && baseline > 0 && !c.getKey().contains(args[0])) {
                continue; // bin/bench DspBench WORD runs the baseline and the cases whose name contains WORD
            }
            double best = 0;
            double bestWall = 0;
            for (int round = 0; round < 5; round++) { // the first rounds warm up the JIT
                Processor p = c.getValue().get();
                p.prepare(new ProcessSpec(FS, BLOCK, 2));
                AudioBlock block = new AudioBlock(work, 0, 0);
                double audioSeconds = 0;
                long start = System.nanoTime();
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                do { // repeat the 10 s of input until 0.3 s of CPU time have passed: fine-grained enough to time
                    System.arraycopy(input[0], 0, work[0], 0, input[0].length);
                    System.arraycopy(input[1], 0, work[1], 0, input[1].length);
                    p.reset();
                    for (int at = 0; at < work[0].length; at += BLOCK) {
                        p.process(block.set(work, at, Math.min(BLOCK, work[0].length - at)));
                    }
                    audioSeconds += SECONDS;
                } while (THREADS.getCurrentThreadCpuTime() - cpuStart < 300_000_000L);
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                best = Math.max(best, audioSeconds / cpuSeconds);
                bestWall = Math.max(bestWall, audioSeconds / seconds);
            }
            if (baseline == 0) {
                baseline = best;
            }
            System.out.printf("%-40s %12.0f %12.0f %10.3f%n", c.getKey(), best, bestWall, best / baseline);
        }
        System.out.println("goal: the strip runs at >= 500x real time");
    }

    private static Processor chain(String yaml) {
        return ChainReader.parse(yaml).create();
    }

    private static Processor strip() {
        ParametricEq eq = new ParametricEq(List.of(EqSettings.of(FilterType.HIGH_PASS, 80, 0, 0.7071, 12),
                EqSettings.of(FilterType.PEAK, 300, -3, 1.2, 12), EqSettings.of(FilterType.PEAK, 2500, 2, 1, 12),
                EqSettings.of(FilterType.HIGH_SHELF, 10000, 3, 0.7071, 12)));
        Processor compressor = DynamicsSettings.compressor(-18, 3, 6, 10, 120, 2).create();
        Processor pan = new PanSettings(Param.of(-0.2), PanLaw.CONSTANT_POWER).create();
        return new Chain(List.of(eq, compressor, pan));
    }
}
