package dev.mixdojo.bench;

import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.dsp.eq.EqSettings;
import dev.mixdojo.dsp.eq.FilterType;
import dev.mixdojo.grading.KnownMix;
import dev.mixdojo.grading.MixScore;
import dev.mixdojo.grading.MixScoreFiles;
import dev.mixdojo.grading.StemAudio;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What {@code score-mix} does with a homework delivery, in process: read a stems folder, a mix and a target
 * (24-bit WAV, 48 kHz) and score the mix. Two deliveries: 13 stems of 90 s (goal ≤ 3 s) and 8 stems of 3 minutes
 * (goal ≤ 2 s). Each round times reading every file (the baseline) and then the whole of {@code score-mix}, and
 * prints the ratio, with the process's CPU time beside each. Run with {@code bin/bench MixScoreBench [ROUNDS]}.
 */
public final class MixScoreBench {
    private MixScoreBench() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        // CPU time of the whole process (all its threads): less at the mercy of a busy machine than the wall clock.
        com.sun.management.OperatingSystemMXBean cpu =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Path folder = Files.createTempDirectory("mixdojo-mixscore-bench");
        try {
            List<Delivery> deliveries = List.of(
                    write(folder.resolve("thirteen"), thirteenStrips(), 90, 3.0),
                    write(folder.resolve("eight"), eightStrips(), 180, 2.0));
            for (int round = 0; round < rounds; round++) {
                for (Delivery d : deliveries) {
                    long t0 = System.nanoTime();
                    long c0 = cpu.getProcessCpuTime();
                    read(d);
                    double readS = (System.nanoTime() - t0) / 1e9;
                    double readCpuS = (cpu.getProcessCpuTime() - c0) / 1e9;
                    long t1 = System.nanoTime();
                    long c1 = cpu.getProcessCpuTime();
                    MixScore score = MixScoreFiles.score(d.stems, d.mix, d.target, new Warnings());
                    double scoreS = (System.nanoTime() - t1) / 1e9;
                    double scoreCpuS = (cpu.getProcessCpuTime() - c1) / 1e9;
                    System.out.printf(Locale.ROOT, "round %d, %s: read all files (baseline) %5.2f s (CPU %5.2f s); "
                            + "score-mix %5.2f s (CPU %5.2f s; %.1f× baseline; goal ≤ %.0f s), score %d%n", round, d.label,
                            readS, readCpuS, scoreS, scoreCpuS, scoreS / readS, d.goalS, score.score());
                }
            }
        } finally {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A delivery on disk: the stems folder, the learner's mix (one fader 3 dB down, 256 frames late) and the target. */
    private record Delivery(String label, Path stems, Path mix, Path target, double goalS) {
    }

    private static Delivery write(Path folder, List<KnownMix.Strip> strips, double seconds, double goalS) throws IOException {
        List<StemAudio> stems = KnownMix.stems(strips, seconds, 5);
        Path stemFolder = Files.createDirectories(folder.resolve("stems"));
        for (int i = 0; i < stems.size(); i++) {
            AudioFiles.write(stemFolder.resolve(String.format(Locale.ROOT, "%02d_%s.wav", i, stems.get(i).name())),
                    stems.get(i).audio(), SampleEncoding.PCM_24);
        }
        Path target = folder.resolve("target.wav");
        AudioFiles.write(target, KnownMix.mix(strips, stems, 0), SampleEncoding.PCM_24);
        List<KnownMix.Strip> homework = new ArrayList<>(strips);
        KnownMix.Strip vocal = strips.get(3);
        homework.set(3, new KnownMix.Strip(vocal.name(), vocal.channels(), vocal.gainDb() - 3, vocal.pan(), vocal.eq()));
        Path mix = folder.resolve("mix.wav");
        AudioFiles.write(mix, KnownMix.mix(homework, stems, 256), SampleEncoding.PCM_24);
        String label = String.format(Locale.ROOT, "%d stems × %.0f s", strips.size(), seconds);
        return new Delivery(label, stemFolder, mix, target, goalS);
    }

    private static void read(Delivery d) {
        Warnings warnings = new Warnings();
        MixScoreFiles.readStems(d.stems, warnings, List.of());
        AudioFiles.read(d.mix, warnings);
        AudioFiles.read(d.target, warnings);
    }

    /** 6 mono and 2 stereo stems, two of them with EQ. */
    private static List<KnownMix.Strip> eightStrips() {
        return List.of(
                new KnownMix.Strip("Kick", 1, -2, 0, List.of()),
                new KnownMix.Strip("Snare", 1, -4, 0.1, List.of()),
                new KnownMix.Strip("Bass", 1, -3, 0, List.of(EqSettings.of(FilterType.LOW_SHELF, 100, 3, 0.7071, 12))),
                new KnownMix.Strip("Vocal", 1, 1, 0, List.of(EqSettings.of(FilterType.PEAK, 3000, 4, 1, 12))),
                new KnownMix.Strip("GuitarL", 1, -6, -0.7, List.of()),
                new KnownMix.Strip("GuitarR", 1, -6, 0.7, List.of()),
                new KnownMix.Strip("Keys", 2, -8, 0, List.of()),
                new KnownMix.Strip("Overheads", 2, -9, 0, List.of()));
    }

    /** The eight, and five more stereo stems: the size of a real song's delivery. */
    private static List<KnownMix.Strip> thirteenStrips() {
        List<KnownMix.Strip> strips = new ArrayList<>(eightStrips());
        for (String name : List.of("Pad", "Strings", "Synth", "Room", "Backing")) {
            strips.add(new KnownMix.Strip(name, 2, -10, 0, List.of()));
        }
        return strips;
    }
}
