package dev.mixdojo.bench;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.yaml.Location;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.base.yaml.YamlFiles;
import dev.mixdojo.exercise.ExerciseAudio;
import dev.mixdojo.exercise.QuestionKind;
import dev.mixdojo.exercise.QuestionKinds;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.lesson.MaterialRef;
import dev.mixdojo.material.MaterialLibrary;
import dev.mixdojo.progress.StaircaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How long the next question takes to make — both versions rendered, loudness-matched and
 * true-peak checked — for a 20 s stereo excerpt of a song (the goal is under 100 ms), for a few
 * kinds: a band boost on the mix, a compression kind on the mix, and a level kind on the stems.
 * Median and maximum over 30 questions after 5 of warm-up, against a baseline measured in the same
 * run: copying the same excerpt. Usage: {@code bin/bench NextQuestionBench [SONG] [QUESTIONS]}.
 */
public final class NextQuestionBench {
    private static final double EXCERPT_S = 20;
    private static final int WARM_UP = 5;

    private NextQuestionBench() {
    }

    private record Case(String kind, String material, String options, double level) {
    }

    public static void main(String[] args) throws Exception {
        String song = args.length > 0 ? args[0] : "pop-sunrise";
        int questions = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        MaterialLibrary library = new MaterialLibrary(MaterialLibrary.locateBuiltIns(), Files.createTempDirectory("bench-data"),
                Files.createTempDirectory("bench-cache"));
        ExerciseAudio audio = new ExerciseAudio(library);
        MaterialRef mix = MaterialRef.parse("song/" + song).orElseThrow();
        QuestionKinds kinds = new QuestionKinds();
        List<Case> cases = List.of(
                new Case("eq-band", "song/" + song, "{excerptS: 20}", 9),
                new Case("compression-detect", "song/" + song, "{excerptS: 20}", 6),
                new Case("level-stem", "song/" + song, "{excerptS: 20}", 6));
        // The baseline: the same excerpt copied out of the song, as the kinds cut it.
        double[] baseline = time(questions, seed -> {
            AudioBuffer excerpt = audio.excerpt(mix, EXCERPT_S, new SplittableRandom(seed));
            excerpt.copy();
        });
        System.out.printf(Locale.ROOT, "next question, %s, %.0f s stereo excerpt, %d questions after %d warm-up%n", song, EXCERPT_S,
                questions, WARM_UP);
        report("baseline: copy the excerpt", baseline, baseline);
        for (Case c : cases) {
            QuestionKind kind = kinds.kind(c.kind()).orElseThrow();
            DrillSpec drill = drill(c);
            double[] ms = time(questions, seed -> kind.generate("bench", drill, c.level(), seed, audio));
            report(c.kind() + " on " + c.material(), ms, baseline);
        }
    }

    private interface Step {
        void run(long seed);
    }

    /** Milliseconds for each of {@code questions} runs after the warm-up. */
    private static double[] time(int questions, Step step) {
        for (int i = 0; i < WARM_UP; i++) {
            step.run(i);
        }
        double[] ms = new double[questions];
        for (int i = 0; i < questions; i++) {
            long start = System.nanoTime();
            step.run(1000 + i);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return ms;
    }

    private static void report(String what, double[] ms, double[] baseline) {
        double median = median(ms);
        double max = Arrays.stream(ms).max().orElseThrow();
        System.out.printf(Locale.ROOT, "%-45s median %7.1f ms, max %7.1f ms, %6.1f× baseline  %s%n", what, median, max,
                median / median(baseline), median < 100 ? "[goal < 100 ms: met]" : "[goal < 100 ms: missed]");
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static DrillSpec drill(Case c) {
        Path file = Path.of("bench.yaml");
        Problems problems = new Problems();
        var options = YamlFiles.parse(file, c.options(), problems).orElseThrow();
        return new DrillSpec("bench", c.kind(), c.kind(), MaterialRef.parse(c.material()).orElseThrow(), 10, options,
                StaircaseSettings.threeDownOneUp(c.level(), c.level(), c.level() / 4, c.level() / 8, false), new Location(file, 1, 1));
    }
}
