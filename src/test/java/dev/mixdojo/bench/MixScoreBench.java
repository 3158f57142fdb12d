package dev.mixdojo.bench;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.dsp.eq.EqSettings;
import dev.mixdojo.dsp.eq.FilterType;
import dev.mixdojo.grading.KnownMix;
import dev.mixdojo.grading.MixEstimate;
import dev.mixdojo.grading.MixScore;
import dev.mixdojo.grading.MixScorer;
import dev.mixdojo.grading.StemAudio;
import dev.mixdojo.grading.StemEstimator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Scoring a homework mix: 8 stems of 3 minutes at 48 kHz (6 mono, 2 stereo, 24-bit WAV), a mix and
 * a target. Times reading every file (the baseline), reading plus estimating the mix's per-stem
 * parameters, and reading plus the whole score (two estimations and the mix analysis), each as a
 * ratio to the baseline. Run with {@code bin/bench MixScoreBench}.
 */
public final class MixScoreBench {
    static final double SECONDS = 180;

    private MixScoreBench() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Files.createTempDirectory("mixdojo-mixscore-bench");
        try {
            List<KnownMix.Strip> strips = List.of(
                    new KnownMix.Strip("Kick", 1, -2, 0, List.of()),
                    new KnownMix.Strip("Snare", 1, -4, 0.1, List.of()),
                    new KnownMix.Strip("Bass", 1, -3, 0, List.of(EqSettings.of(FilterType.LOW_SHELF, 100, 3, 0.7071, 12))),
                    new KnownMix.Strip("Vocal", 1, 1, 0, List.of(EqSettings.of(FilterType.PEAK, 3000, 4, 1, 12))),
                    new KnownMix.Strip("GuitarL", 1, -6, -0.7, List.of()),
                    new KnownMix.Strip("GuitarR", 1, -6, 0.7, List.of()),
                    new KnownMix.Strip("Keys", 2, -8, 0, List.of()),
                    new KnownMix.Strip("Overheads", 2, -9, 0, List.of()));
            List<StemAudio> stems = KnownMix.stems(strips, SECONDS, 5);
            Path stemFolder = Files.createDirectory(folder.resolve("stems"));
            for (int i = 0; i < stems.size(); i++) {
                // Numbered so that name order (how score-mix reads a folder) is strip order.
                AudioFiles.write(stemFolder.resolve(i + "_" + stems.get(i).name() + ".wav"), stems.get(i).audio(), SampleEncoding.PCM_24);
            }
            Path target = folder.resolve("target.wav");
            AudioFiles.write(target, KnownMix.mix(strips, stems, 0), SampleEncoding.PCM_24);
            List<KnownMix.Strip> homework = new ArrayList<>(strips);
            homework.set(3, new KnownMix.Strip("Vocal", 1, -2, 0, strips.get(3).eq()));
            Path mix = folder.resolve("mix.wav");
            AudioFiles.write(mix, KnownMix.mix(homework, stems, 256), SampleEncoding.PCM_24);
            stems = null;
            System.out.printf("8 stems of %.0f s at 48 kHz, 24-bit WAV; mix shifted by 256 frames%n", SECONDS);
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                Inputs inputs = read(stemFolder, mix, target);
                double readMs = (System.nanoTime() - t0) / 1e6;
                inputs = null;
                long t1 = System.nanoTime();
                Inputs estimateInputs = read(stemFolder, mix, target);
                MixEstimate estimate = StemEstimator.estimate(estimateInputs.stems, estimateInputs.mix);
                double estimateMs = (System.nanoTime() - t1) / 1e6;
                estimateInputs = null;
                long t2 = System.nanoTime();
                Inputs scoreInputs = read(stemFolder, mix, target);
                MixScore score = MixScorer.score(scoreInputs.stems, scoreInputs.mix, scoreInputs.target);
                double scoreMs = (System.nanoTime() - t2) / 1e6;
                scoreInputs = null;
                System.out.printf("round %d: read all files (baseline) %6.0f ms%n", round, readMs);
                System.out.printf("  read + estimate the mix      %6.0f ms  (%.1f× baseline)  vocal %+.2f dB, offset %d%n",
                        estimateMs, estimateMs / readMs, estimate.stems().get(3).gainDb(), estimate.mixOffsetFrames());
                System.out.printf("  read + score against target  %6.0f ms  (%.1f× baseline)  score %d (goal < 5000 ms)%n",
                        scoreMs, scoreMs / readMs, score.score());
            }
        } finally {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The inputs of one scoring run. */
    private record Inputs(List<StemAudio> stems, AudioBuffer mix, AudioBuffer target) {
    }

    private static Inputs read(Path stemFolder, Path mix, Path target) throws IOException {
        Warnings warnings = new Warnings();
        List<StemAudio> stems = new ArrayList<>();
        try (Stream<Path> list = Files.list(stemFolder)) {
            for (Path p : list.sorted().toList()) {
                String name = p.getFileName().toString();
                stems.add(new StemAudio(name.substring(name.indexOf('_') + 1, name.lastIndexOf('.')), AudioFiles.read(p, warnings)));
            }
        }
        return new Inputs(stems, AudioFiles.read(mix, warnings), AudioFiles.read(target, warnings));
    }
}
