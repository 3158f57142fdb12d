package dev.mixdojo.bench;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.yaml.Location;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.base.yaml.YamlNode;
import dev.mixdojo.exercise.ExerciseAudio;
import dev.mixdojo.exercise.QuestionKind;
import dev.mixdojo.exercise.QuestionKinds;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.lesson.Lesson;
import dev.mixdojo.lesson.LessonLibrary;
import dev.mixdojo.lesson.MaterialRef;
import dev.mixdojo.material.MaterialLibrary;
import dev.mixdojo.progress.StaircaseSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * How long the next question takes to make — both versions rendered, loudness-matched and
 * true-peak checked — for a 20 s excerpt, for every registered question kind at its easiest level
 * (the goal is under 100 ms). Each kind runs on the material and options of its first drill in
 * {@code lessons/} (the stem kinds on a song's stems, as the lessons use them), with {@code excerptS}
 * set to 20; where that material is a mono stem (compression on a snare, a vocal ride), on the stem's
 * whole song instead, so every excerpt is stereo; a kind no lesson drills runs on the song's mix.
 * Median and maximum (wall clock) over the questions after 5 of warm-up, and the median CPU time of
 * all the program's threads (what the work costs when the machine is shared), against a baseline measured in the
 * same run: copying a 20 s stereo excerpt of the song. Usage:
 * {@code bin/bench NextQuestionBench [SONG] [QUESTIONS] [KIND…]}.
 */
public final class NextQuestionBench {
    private static final double EXCERPT_S = 20;
    private static final int WARM_UP = 5;
    private static final double GOAL_MS = 100;

    private NextQuestionBench() {
    }

    public static void main(String[] args) throws Exception {
        String song = args.length > 0 ? args[0] : "pop-sunrise";
        int questions = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        List<String> only = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        MaterialLibrary library = new MaterialLibrary(MaterialLibrary.locateBuiltIns(), Files.createTempDirectory("bench-data"),
                Files.createTempDirectory("bench-cache"));
        ExerciseAudio audio = new ExerciseAudio(library);
        QuestionKinds kinds = new QuestionKinds();
        Problems problems = new Problems();
        LessonLibrary lessons = LessonLibrary.load(Path.of("lessons"), kinds.checksWithoutMaterial(), problems)
                .orElseThrow(() -> new IllegalStateException("lessons/ does not load: " + problems.all()));
        MaterialRef mix = MaterialRef.parse("song/" + song).orElseThrow();
        // The baseline: a 20 s stereo excerpt copied out of the song, as the kinds cut it.
        Times baseline = time(questions, seed -> {
            AudioBuffer excerpt = audio.excerpt(mix, EXCERPT_S, new SplittableRandom(seed));
            excerpt.copy();
        });
        System.out.printf(Locale.ROOT, "next question, %.0f s excerpts at the easiest level, %d questions after %d warm-up%n",
                EXCERPT_S, questions, WARM_UP);
        report("baseline: copy a stereo excerpt of " + song, baseline, baseline);
        int met = 0;
        int measured = 0;
        for (QuestionKind kind : kinds.all()) {
            if (!only.isEmpty() && !only.contains(kind.name())) {
                continue;
            }
            DrillSpec drill = stereo(benchDrill(kind.name(), lessons, mix), audio);
            double level = drill.difficulty().easiestLevel();
            Times times = time(questions, seed -> kind.generate("bench", drill, level, seed, audio));
            measured++;
            met += report(kind.name() + " on " + drill.material(), times, baseline) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "%d of %d kinds meet the goal (median < %.0f ms)%n", met, measured, GOAL_MS);
    }

    private interface Step {
        void run(long seed);
    }

    /** Wall-clock and CPU milliseconds of each of the runs after the warm-up. */
    private record Times(double[] wallMs, double[] cpuMs) {
    }

    /**
     * Times {@code questions} runs after the warm-up. The CPU time of the program's threads (a question
     * uses a second one) is kept beside the wall-clock time: on a shared machine it shows what the work
     * costs without the waiting.
     */
    private static Times time(int questions, Step step) {
        for (int i = 0; i < WARM_UP; i++) {
            step.run(i);
        }
        double[] wallMs = new double[questions];
        double[] cpuMs = new double[questions];
        for (int i = 0; i < questions; i++) {
            long cpu = threadsCpuNs();
            long start = System.nanoTime();
            step.run(1000 + i);
            wallMs[i] = (System.nanoTime() - start) / 1e6;
            cpuMs[i] = (threadsCpuNs() - cpu) / 1e6;
        }
        return new Times(wallMs, cpuMs);
    }

    /**
     * CPU time (ns) of the program's live threads so far; the JVM's own compiler and collector threads
     * are not among them. A thread that ended between two readings drops out of the second.
     */
    private static long threadsCpuNs() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            sum += Math.max(0, threads.getThreadCpuTime(id));
        }
        return sum;
    }

    /** Prints one row; whether its median (wall clock) meets the goal. */
    private static boolean report(String what, Times times, Times baseline) {
        double median = median(times.wallMs());
        double max = Arrays.stream(times.wallMs()).max().orElseThrow();
        boolean met = median < GOAL_MS;
        System.out.printf(Locale.ROOT, "%-50s median %6.1f ms, max %6.1f ms, CPU median %6.1f ms, %5.1f× baseline  %s%n", what,
                median, max, median(times.cpuMs()), median / median(baseline.wallMs()), met ? "met" : "MISSED");
        return met;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * The drill on stereo material: the goal is for a stereo excerpt, and lessons drill some kinds on a
     * (mono) stem, such as compression on a snare; those run on the whole song the stem comes from.
     */
    private static DrillSpec stereo(DrillSpec drill, ExerciseAudio audio) {
        if (audio.excerpt(drill.material(), EXCERPT_S, new SplittableRandom(0)).channelCount() == 2) {
            return drill;
        }
        MaterialRef song = new MaterialRef(drill.material().source(), drill.material().name(), Optional.empty());
        return new DrillSpec(drill.id(), drill.kind(), drill.title(), song, drill.questions(), drill.options(), drill.difficulty(),
                drill.location());
    }

    /** The kind's first drill in the lessons with a 20 s excerpt, or a plain drill on the song's mix. */
    private static DrillSpec benchDrill(String kind, LessonLibrary lessons, MaterialRef mix) {
        Optional<DrillSpec> first = lessons.lessons().stream()
                .map(Lesson::drills)
                .flatMap(List::stream)
                .filter(d -> d.kind().equals(kind))
                .findFirst();
        Location here = new Location(Path.of("bench.yaml"), 1, 1);
        YamlNode.Entry excerpt = new YamlNode.Entry("excerptS", here,
                new YamlNode.ScalarNode(here, Double.toString(EXCERPT_S), YamlNode.ScalarNode.Type.NUMBER));
        List<YamlNode.Entry> options = new ArrayList<>();
        if (first.isPresent() && first.get().options() instanceof YamlNode.MapNode map) {
            map.entries().stream().filter(e -> !e.key().equals("excerptS")).forEach(options::add);
        }
        options.add(excerpt);
        YamlNode.MapNode node = new YamlNode.MapNode(here, options);
        return first.map(d -> new DrillSpec(d.id(), d.kind(), d.title(), d.material(), d.questions(), node, d.difficulty(), d.location()))
                .orElse(new DrillSpec("bench", kind, kind, mix, 10, node, StaircaseSettings.linear(1, 1, 1, 1), here));
    }
}
