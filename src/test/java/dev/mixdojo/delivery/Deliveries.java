package dev.mixdojo.delivery;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes test deliveries: a clean one, and one with one planted problem per file. */
public final class Deliveries {
    static final int RATE_HZ = 48_000;
    static final int FRAMES = 2 * RATE_HZ;

    private Deliveries() {
    }

    /** Kick, bass, a mono lead vocal, its reverb return, a rough mix and notes: everything a mix engineer asks for. */
    public static void writeClean(Path folder) {
        stereo(folder, "Kick.wav", 1, FRAMES, 0, SampleEncoding.PCM_24);
        stereo(folder, "Bass_DI.wav", 2, FRAMES, 0, SampleEncoding.PCM_24);
        write(folder, "Vocal_Lead.wav", new float[][] {tone(3, FRAMES, 0)}, RATE_HZ, SampleEncoding.PCM_24);
        stereo(folder, "Vocal_Reverb.wav", 4, FRAMES, 0, SampleEncoding.PCM_24);
        stereo(folder, "Song_RoughMix.wav", 5, FRAMES, 0, SampleEncoding.PCM_24);
        text(folder.resolve("notes.txt"), "120 bpm, A minor. Vocal reverb printed separately.\n");
    }

    /** One planted problem per audio file (named in the test), plus no notes, no rough mix and no returns for the vocal. */
    public static void writePlanted(Path folder) {
        stereo(folder, "Kick.wav", 1, FRAMES, 0, SampleEncoding.PCM_24);
        stereo(folder, "Track 07.wav", 2, FRAMES, 0, SampleEncoding.PCM_24);
        stereo(folder, "Bass_16bit.wav", 3, FRAMES, 0, SampleEncoding.PCM_16);
        stereo(folder, "Guitar_Short.wav", 4, FRAMES * 3 / 4, 0, SampleEncoding.PCM_24);
        stereo(folder, "Keys_Late.wav", 5, FRAMES, RATE_HZ * 3 / 2, SampleEncoding.PCM_24);
        float[] mono = tone(6, FRAMES, 0);
        write(folder, "Synth_Mono.wav", new float[][] {mono, mono.clone()}, RATE_HZ, SampleEncoding.PCM_24);
        float[][] padded = {tone(7, FRAMES, 0), tone(8, FRAMES, 0)};
        for (float[] channel : padded) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = Math.round(channel[i] * 32768f) / 32768f;
            }
        }
        write(folder, "Pad_Wide.wav", padded, RATE_HZ, SampleEncoding.PCM_24);
        float[][] hot = {tone(9, FRAMES, 0), tone(10, FRAMES, 0)};
        for (int i = 10_000; i < 10_008; i++) {
            hot[0][i] = 1f;
        }
        write(folder, "Drums_Overhead.wav", hot, RATE_HZ, SampleEncoding.PCM_24);
        float[][] offset = {tone(11, FRAMES, 0), tone(12, FRAMES, 0)};
        for (float[] channel : offset) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] += 0.01f;
            }
        }
        write(folder, "Perc_Shaker.wav", offset, RATE_HZ, SampleEncoding.PCM_24);
        write(folder, "Strings.wav", new float[2][FRAMES], RATE_HZ, SampleEncoding.PCM_24);
        write(folder, "Vocal_Lead.wav", new float[][] {tone(13, FRAMES, 0)}, RATE_HZ, SampleEncoding.PCM_24);
        try {
            Files.write(folder.resolve("Broken.wav"), "RIFF\u0000\u0000\u0000\u0000WAVEjunkjunkjunk".getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stereo(Path folder, String name, long seed, int frames, int leadingZeros, SampleEncoding encoding) {
        write(folder, name, new float[][] {tone(seed, frames, leadingZeros), tone(seed + 100, frames, leadingZeros)},
                RATE_HZ, encoding);
    }

    /** Three sines at −16 dBFS each with seeded frequencies and phases: clearly not silent, no DC, decorrelated across seeds. */
    static float[] tone(long seed, int frames, int leadingZeros) {
        java.util.Random random = new java.util.Random(seed);
        double[] frequencyHz = new double[3];
        double[] phase = new double[3];
        for (int k = 0; k < 3; k++) {
            frequencyHz[k] = 100 + 2000 * random.nextDouble();
            phase[k] = 0.5 + 2 * random.nextDouble();
        }
        float[] x = new float[frames];
        for (int i = leadingZeros; i < frames; i++) {
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                sum += 0.16 * Math.sin(2 * Math.PI * frequencyHz[k] * i / RATE_HZ + phase[k]);
            }
            x[i] = (float) sum;
        }
        return x;
    }

    private static void write(Path folder, String name, float[][] channels, int rateHz, SampleEncoding encoding) {
        AudioFiles.write(folder.resolve(name), new AudioBuffer(channels, rateHz), encoding);
    }

    private static void text(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
