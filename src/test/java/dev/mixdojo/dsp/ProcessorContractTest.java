package dev.mixdojo.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.dsp.chain.ChainReader;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The checks every processor kind passes, each built from the chain vocabulary (some automated). */
class ProcessorContractTest {
    private static final int FS = 48000;
    private static final int FRAMES = FS / 2;
    private static final int MAX_BLOCK = 1024;

    static Stream<String> everyKind() {
        return Stream.of(
                "- gain: { gainDb: { automation: [[0, -6], [0.3, 3]], curve: smooth } }",
                "- polarity: { invert: left }",
                "- eq: { type: peak, frequencyHz: { automation: [[0, 200], [0.4, 8000]] }, gainDb: 9, q: 2 }",
                "- eq: { type: lowshelf, frequencyHz: 120, gainDb: -6, q: 0.7 }",
                "- eq: { type: highshelf, frequencyHz: 9000, gainDb: 4 }",
                "- eq: { type: lowpass, frequencyHz: 3000, slopeDbPerOct: 48 }",
                "- eq: { type: highpass, frequencyHz: 80, slopeDbPerOct: 24 }",
                "- eq: { type: notch, frequencyHz: 1000, q: 4 }",
                "- eq: { type: bandpass, frequencyHz: 2500, q: 1 }",
                "- compressor: { thresholdDb: -24, ratio: 4, kneeDb: 6, attackMs: 5, releaseMs: 80, makeupDb: auto }",
                "- compressor: { thresholdDb: -30, ratio: 8, detector: rms, link: 0.5, sidechainHpHz: 120 }",
                "- limiter: { thresholdDb: -3, releaseMs: 40 }",
                "- expander: { thresholdDb: -35, ratio: 3, rangeDb: 30 }",
                "- gate: { thresholdDb: -45 }",
                "- pan: { position: { automation: [[0, -1], [0.5, 1]] }, law: minus-4.5db }",
                "- balance: { position: 0.3 }",
                "- width: { amount: 1.6 }",
                "- delay: { timeMs: 125, feedback: 0.6, mix: 0.5, pingPong: true, lowCutHz: 200, highCutHz: 6000 }",
                "- delay: { timeMs: { automation: [[0, 50], [0.5, 80]] }, feedback: 0.4, mix: 0.3 }",
                "- reverb: { decayS: 1.2, predelayMs: 15, damping: 0.5, size: 0.3, mix: 0.4 }",
                "- saturation: { type: tanh, driveDb: 18, mix: 1 }",
                "- saturation: { type: soft, driveDb: 6, mix: 0.7 }",
                "- saturation: { type: asymmetric, driveDb: 12, mix: 1 }");
    }

    private static Processor build(String yaml) {
        Processor p = ChainReader.parse(yaml).create();
        p.prepare(new ProcessSpec(FS, MAX_BLOCK, 2));
        return p;
    }

    private static float[][] noise(long seed, double amplitude) {
        return new float[][] {Signals.noise(seed, FRAMES, amplitude), Signals.noise(seed + 1, FRAMES, amplitude)};
    }

    private static float[][] copy(float[][] x) {
        return new float[][] {x[0].clone(), x[1].clone()};
    }

    private static void runInBlocks(Processor p, float[][] x, Random sizes) {
        AudioBlock block = new AudioBlock(x, 0, 0);
        for (int start = 0; start < FRAMES; ) {
            int n = sizes == null ? Math.min(MAX_BLOCK, FRAMES - start) : Math.min(1 + sizes.nextInt(MAX_BLOCK), FRAMES - start);
            p.process(block.set(x, start, n));
            start += n;
        }
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void resetThenTheSameInputGivesTheSameOutput(String yaml) {
        Processor p = build(yaml);
        float[][] first = noise(1, 0.5);
        float[][] second = copy(first);
        runInBlocks(p, first, null);
        p.reset();
        runInBlocks(p, second, null);
        assertThat(second).isDeepEqualTo(first);
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void randomBlockSizesGiveTheSameResultAsWholeBlocks(String yaml) {
        float[][] whole = noise(2, 0.5);
        float[][] random = copy(whole);
        runInBlocks(build(yaml), whole, null);
        runInBlocks(build(yaml), random, new Random(7));
        assertThat(random).isDeepEqualTo(whole);
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void silenceInGivesFiniteSilenceOut(String yaml) {
        float[][] x = new float[2][FRAMES];
        runInBlocks(build(yaml), x, null);
        for (float[] channel : x) {
            for (float v : channel) {
                assertThat(Float.isFinite(v) && Math.abs(v) < 1e-20).as("%s", v).isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void fullScaleNoiseGivesFiniteOutput(String yaml) {
        float[][] x = noise(3, 1.0);
        runInBlocks(build(yaml), x, new Random(11));
        double peak = 0;
        for (float[] channel : x) {
            for (float v : channel) {
                assertThat(Float.isFinite(v)).isTrue();
                peak = Math.max(peak, Math.abs(v));
            }
        }
        assertThat(peak).isLessThan(100); // finite and sane: no runaway gain
    }

    /**
     * Allocation is counted over whole passes; the least of five passes must be zero. (A JIT
     * deoptimisation can allocate a few bytes once, on whatever thread runs; code that allocates
     * per block would allocate in every pass.)
     */
    @ParameterizedTest
    @MethodSource("everyKind")
    void processingAllocatesNothing(String yaml) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long threadId = Thread.currentThread().getId();
        Processor p = build(yaml);
        float[][] x = noise(4, 0.5);
        AudioBlock block = new AudioBlock(x, 0, 0);
        long least = Long.MAX_VALUE;
        for (int pass = 0; pass < 5; pass++) {
            p.reset();
            long before = threads.getThreadAllocatedBytes(threadId);
            for (int start = 0; start + MAX_BLOCK <= FRAMES; start += MAX_BLOCK) {
                p.process(block.set(x, start, MAX_BLOCK));
            }
            least = Math.min(least, threads.getThreadAllocatedBytes(threadId) - before);
        }
        assertThat(least).as("bytes allocated in the quietest pass").isZero();
    }
}
