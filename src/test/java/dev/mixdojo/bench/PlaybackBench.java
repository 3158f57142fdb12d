package dev.mixdojo.bench;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.playback.PlaybackEngine;
import java.util.Map;
import java.util.Random;

/**
 * How much of the audio thread's time budget the render function uses: playing two stereo
 * sources with A/B switches every 50 ms, against a baseline that only copies the same frames.
 * Run with {@code bin/bench PlaybackBench}.
 */
public final class PlaybackBench {
    private static final int RATE_HZ = PlaybackEngine.SESSION_RATE_HZ;
    private static final int BLOCK_FRAMES = 256;
    private static final int SECONDS = 60;

    private PlaybackBench() {
    }

    public static void main(String[] args) {
        AudioBuffer a = noise(1, 10 * RATE_HZ);
        AudioBuffer b = noise(2, 10 * RATE_HZ);
        for (int round = 1; round <= 3; round++) {
            double copyNs = copyNsPerBlock(a);
            double renderNs = renderNsPerBlock(a, b);
            double budgetNs = BLOCK_FRAMES * 1e9 / RATE_HZ;
            System.out.printf("round %d: copy %.0f ns/block, engine %.0f ns/block (%.1fx copy), "
                    + "%.2f %% of the %.0f µs real-time budget%n",
                    round, copyNs, renderNs, renderNs / copyNs, 100 * renderNs / budgetNs, budgetNs / 1000);
        }
    }

    private static AudioBuffer noise(long seed, int frames) {
        Random random = new Random(seed);
        float[][] channels = new float[2][frames];
        for (float[] channel : channels) {
            for (int n = 0; n < frames; n++) {
                channel[n] = (float) (random.nextDouble() - 0.5);
            }
        }
        return new AudioBuffer(channels, RATE_HZ);
    }

    private static double copyNsPerBlock(AudioBuffer source) {
        float[][] out = new float[2][BLOCK_FRAMES];
        int blocks = SECONDS * RATE_HZ / BLOCK_FRAMES;
        long start = System.nanoTime();
        int position = 0;
        for (int k = 0; k < blocks; k++) {
            if (position + BLOCK_FRAMES > source.frames()) {
                position = 0;
            }
            for (int c = 0; c < 2; c++) {
                System.arraycopy(source.channel(c), position, out[c], 0, BLOCK_FRAMES);
            }
            position += BLOCK_FRAMES;
        }
        double ns = (System.nanoTime() - start) / (double) blocks;
        return ns + out[0][0] * 0; // keeps the copies observable
    }

    private static double renderNsPerBlock(AudioBuffer a, AudioBuffer b) {
        PlaybackEngine engine = PlaybackEngine.offline(RATE_HZ);
        engine.load(Map.of("original", a, "processed", b));
        engine.setSourceGainDb("processed", -1.5);
        engine.setLoop(0, a.frames());
        engine.play();
        int blocksPerSwitch = RATE_HZ / 20 / BLOCK_FRAMES;
        int blocks = SECONDS * RATE_HZ / BLOCK_FRAMES;
        long start = System.nanoTime();
        for (int k = 0; k < blocks; k += blocksPerSwitch) {
            engine.switchTo((k / blocksPerSwitch) % 2 == 0 ? "processed" : "original");
            engine.renderOffline(blocksPerSwitch * BLOCK_FRAMES);
        }
        return (System.nanoTime() - start) / (double) blocks;
    }
}
