package dev.mixdojo.bench;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.base.AtomicFiles;
import dev.mixdojo.classroom.ClassroomFixtures;
import dev.mixdojo.cli.Main;
import dev.mixdojo.dsp.spatial.PanLaw;
import dev.mixdojo.material.MaterialLibrary;
import dev.mixdojo.material.Multitrack;
import dev.mixdojo.material.Stem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Batch grading of a class's homework: N submitted mixes (default 200) of a built-in song's stems,
 * looped to S seconds (default 180) at 48 kHz, each with every fader moved by up to ±3 dB and every
 * mono stem's pan by up to ±0.2, written as 16-bit stereo WAV to a temporary folder (deleted after).
 * Times {@code grade-mixes} on them (goal: 200 three-minute mixes in under 10 minutes on 2 cores);
 * the baseline is the same command on the first 2 mixes, and the ratio shows what the thread pool
 * gains. Process CPU time is printed too: divided by the cores it is the wall time of an unloaded
 * machine. Run with {@code bin/bench GradeMixesBench [N] [SECONDS]}.
 */
public final class GradeMixesBench {
    private static final String SONG = "pop-sunrise";

    private GradeMixesBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 180;
        Path work = Files.createTempDirectory("mixdojo-grade-mixes-bench");
        try {
            Path pack = prepare(work, count, seconds);
            Path baselineFolder = Files.createDirectories(work.resolve("baseline"));
            for (int i = 0; i < 2; i++) {
                String name = student(i) + ".wav";
                Files.createLink(baselineFolder.resolve(name), work.resolve("handed-in").resolve(name));
            }
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf(Locale.ROOT, "%d cores; load before: %s%n", cores, load());
            Timing baseline = time(pack, baselineFolder, work.resolve("baseline.csv"));
            System.out.printf(Locale.ROOT, "baseline, grade-mixes on 2 mixes: %.1f s wall, %.1f s CPU (%.1f s wall per mix)%n",
                    baseline.wallS, baseline.cpuS, baseline.wallS / 2);
            Timing all = time(pack, work.resolve("handed-in"), work.resolve("results.csv"));
            System.out.printf(Locale.ROOT, "grade-mixes on %d mixes of %.0f s: %.1f s wall (%.2f s per mix, %.2f× the"
                    + " baseline's), %.1f s CPU; load after: %s%n", count, seconds, all.wallS, all.wallS / count,
                    all.wallS / count / (baseline.wallS / 2), all.cpuS, load());
            if (count > 2) {
                // Both runs pay the same start (checking the pack, reading the stems, estimating the target) once;
                // the difference is what each further mix costs.
                double wallPerMix = (all.wallS - baseline.wallS) / (count - 2);
                double cpuPerMix = (all.cpuS - baseline.cpuS) / (count - 2);
                double startCpu = baseline.cpuS - 2 * cpuPerMix;
                System.out.printf(Locale.ROOT, "each further mix: %.2f s wall, %.2f s CPU; start: %.1f s CPU%n",
                        wallPerMix, cpuPerMix, startCpu);
                System.out.printf(Locale.ROOT, "200 mixes: %.1f min wall at this run's load; %.1f min on %d unloaded cores"
                        + " ((start + 200 × CPU per mix) / cores); goal < 10 min%n",
                        (baseline.wallS + 198 * wallPerMix) / 60, (startCpu + 200 * cpuPerMix) / cores / 60, cores);
            }
            long lines = Files.readAllLines(work.resolve("results.csv")).size();
            System.out.printf(Locale.ROOT, "CSV: %d rows after the header%n", lines - 1);
        } finally {
            AtomicFiles.deleteTree(work);
        }
    }

    /** Timings of one run. */
    private record Timing(double wallS, double cpuS) {
    }

    private static Timing time(Path pack, Path folder, Path csv) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        double cpu0 = processCpuS();
        long t0 = System.nanoTime();
        int code = Main.run(new String[] {"grade-mixes", "--assignment", pack.toString(), folder.toString(), "--out",
            csv.toString()}, new PrintWriter(out), new PrintWriter(err));
        double wallS = (System.nanoTime() - t0) / 1e9;
        double cpuS = processCpuS() - cpu0;
        if (code != 0) {
            throw new IllegalStateException("grade-mixes failed: " + err);
        }
        return new Timing(wallS, cpuS);
    }

    /** Writes the stems, the target (the song's own balance) and {@code count} varied mixes; returns the assignment. */
    private static Path prepare(Path work, int count, double seconds) throws Exception {
        MaterialLibrary library = new MaterialLibrary(MaterialLibrary.locateBuiltIns(), work.resolve("imported"),
                work.resolve("cache"));
        Multitrack song = library.render(SONG, Optional.empty());
        int frames = (int) (seconds * 48_000);
        Path stemsFolder = Files.createDirectories(work.resolve("teacher/stems"));
        float[][][] stems = new float[song.stems().size()][][];
        for (int s = 0; s < stems.length; s++) {
            Stem stem = song.stems().get(s);
            stems[s] = looped(stem.audio(), frames);
            AudioFiles.write(stemsFolder.resolve(stem.name() + ".wav"), new AudioBuffer(stems[s], 48_000), SampleEncoding.PCM_24);
        }
        Path target = work.resolve("teacher/target.wav");
        AudioFiles.write(target, mix(song, stems, frames, new double[stems.length], new double[stems.length]),
                SampleEncoding.PCM_24);
        Path pack = work.resolve("mix-homework.mixdojo");
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"assignment", "create", "--lessons-dir",
            ClassroomFixtures.lessonFolder(work.resolve("lessons")).toString(), "--lesson", "pan-positions",
            "--questions", "1", "--seed", "1", "--mode", "practice", "--pass", "50", "--mix-stems",
            stemsFolder.toString(), "--mix-target", target.toString(), "--out", pack.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        if (code != 0) {
            throw new IllegalStateException("assignment create failed: " + err);
        }
        Path handedIn = Files.createDirectories(work.resolve("handed-in"));
        Random random = new Random(2026);
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            double[] faderDb = new double[stems.length];
            double[] panOffset = new double[stems.length];
            for (int s = 0; s < stems.length; s++) {
                faderDb[s] = (random.nextDouble() * 2 - 1) * 3;
                panOffset[s] = (random.nextDouble() * 2 - 1) * 0.2;
            }
            AudioFiles.write(handedIn.resolve(student(i) + ".wav"), mix(song, stems, frames, faderDb, panOffset),
                    SampleEncoding.PCM_16);
        }
        System.out.printf(Locale.ROOT, "%s: %d stems looped to %.0f s; wrote %d mixes in %.1f s%n", SONG, stems.length,
                seconds, count, (System.nanoTime() - t0) / 1e9);
        return pack;
    }

    private static String student(int i) {
        return String.format(Locale.ROOT, "student-%03d", i + 1);
    }

    private static float[][] looped(AudioBuffer audio, int frames) {
        float[][] out = new float[audio.channelCount()][frames];
        for (int c = 0; c < out.length; c++) {
            float[] in = audio.channel(c);
            for (int i = 0; i < frames; i++) {
                out[c][i] = in[i % in.length];
            }
        }
        return out;
    }

    /** The song's balance with each fader moved by {@code faderDb} and each mono stem's pan by {@code panOffset}. */
    private static AudioBuffer mix(Multitrack song, float[][][] stems, int frames, double[] faderDb, double[] panOffset) {
        float[][] mix = new float[2][frames];
        for (int s = 0; s < stems.length; s++) {
            Stem stem = song.stems().get(s);
            double gain = Math.pow(10, (stem.gainDb() + faderDb[s]) / 20);
            double pan = Math.max(-1, Math.min(1, stem.pan() + panOffset[s]));
            boolean mono = stems[s].length == 1;
            float left = (float) (gain * (mono ? PanLaw.CONSTANT_POWER.leftGain(pan) : 1));
            float right = (float) (gain * (mono ? PanLaw.CONSTANT_POWER.rightGain(pan) : 1));
            float[] inLeft = stems[s][0];
            float[] inRight = stems[s][stems[s].length - 1];
            for (int i = 0; i < frames; i++) {
                mix[0][i] += left * inLeft[i];
                mix[1][i] += right * inRight[i];
            }
        }
        // Peak-normalised to −1 dBFS as a DAW bounce would be: one scale for the whole mix keeps the balance.
        float peak = 0;
        for (float[] channel : mix) {
            for (float x : channel) {
                peak = Math.max(peak, Math.abs(x));
            }
        }
        float scale = (float) (Math.pow(10, -1 / 20.0) / peak);
        for (float[] channel : mix) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] *= scale;
            }
        }
        return new AudioBuffer(mix, 48_000);
    }

    private static String load() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double processCpuS() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }
}
