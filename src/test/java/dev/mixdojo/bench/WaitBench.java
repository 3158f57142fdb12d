package dev.mixdojo.bench;

import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.base.DaemonThreads;
import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.lesson.MixChallenge;
import dev.mixdojo.material.MaterialLibrary;
import dev.mixdojo.mix.ChallengeSetup;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.ProgressStore;
import dev.mixdojo.ui.Teaching;
import dev.mixdojo.ui.drill.DrillMode;
import dev.mixdojo.ui.drill.DrillPaneModel;
import dev.mixdojo.ui.drill.DrillScreenModel;
import dev.mixdojo.ui.lesson.LessonViewModel;
import dev.mixdojo.ui.mixer.MixerViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.value.ObservableValue;

/**
 * How long a learner waits, driven through the view models as the screens drive them (a one-thread
 * executor stands in for the JavaFX thread, the app's worker pool does the work): the lesson text
 * visible after opening the Lessons screen, the first question playable after starting a drill,
 * and the Mixer playable after opening it; each cold (a new render cache, as on a first start)
 * and warm (the same cache and models again). Prints each wait against its budget and the ratio
 * to a baseline measured in the same run: reading the lesson folder's files.
 * Usage: {@code bin/bench WaitBench [LESSON:DRILL …]}.
 */
public final class WaitBench {
    private static final List<String> DEFAULT_DRILLS = List.of("eq-octave-boosts-noise:octave-boost",
            "panning-positions:pan-vocal", "compression-hearing-gain-reduction:compressed-or-not");
    private static final long TIMEOUT_S = 600;

    private WaitBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> drills = args.length > 0 ? List.of(args) : DEFAULT_DRILLS;
        Path lessons = Path.of("lessons");
        double baselineMs = baseline(lessons);
        System.out.printf(Locale.ROOT, "baseline: read every file of %s: %.1f ms%n", lessons, baselineMs);
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1),
                DaemonThreads.named("bench-worker"));
        ExecutorService ui = Executors.newSingleThreadExecutor(DaemonThreads.named("bench-ui"));
        AudioOutput audio = new AudioOutput(PlaybackEngine.silent("the bench is silent"));

        // Cold: a new data folder and render cache, as on a first start; warm: the same again.
        UserDirectories lessonFolders = freshFolders();
        for (String temperature : List.of("cold", "warm")) {
            Teaching teaching = new Teaching(lessonFolders, () -> lessons);
            report("lesson text visible (" + temperature + ")", lessonVisible(teaching, audio, workers, ui), 300, baselineMs);
        }
        for (String spec : drills) {
            String[] parts = spec.split(":");
            Teaching teaching = new Teaching(freshFolders(), () -> lessons);
            for (String temperature : List.of("cold", "warm")) {
                report("first question of " + spec + " playable (" + temperature + ")",
                        questionPlayable(teaching, audio, workers, ui, parts[0], parts[1]),
                        temperature.equals("cold") ? 1000 : 100, baselineMs);
            }
        }
        UserDirectories mixerFolders = freshFolders();
        for (String temperature : List.of("cold", "warm")) {
            report("Mixer playable (" + temperature + ")", mixerPlayable(mixerFolders, audio, workers, ui),
                    temperature.equals("cold") ? 5000 : 500, baselineMs);
        }
        workers.shutdownNow();
        ui.shutdownNow();
    }

    private static UserDirectories freshFolders() throws java.io.IOException {
        return new UserDirectories(Files.createTempDirectory("wait-bench-data"), Files.createTempDirectory("wait-bench-cache"));
    }

    private static double lessonVisible(Teaching teaching, AudioOutput audio, ExecutorService workers, ExecutorService ui)
            throws Exception {
        long start = System.nanoTime();
        CountDownLatch shown = new CountDownLatch(1);
        ui.execute(() -> {
            LessonViewModel model = new LessonViewModel(new ProgressStore(teaching, Clock.systemUTC(), workers, ui), audio, workers, ui,
                    (lesson, drill) -> { }, lesson -> { });
            whenSet(model.selectedProperty(), shown);
            model.open("eq-cuts");
            model.store().recordsProperty().addListener((obs, was, records) -> model.refresh());
            model.refresh();
        });
        return await(shown, start);
    }

    private static double questionPlayable(Teaching teaching, AudioOutput audio, ExecutorService workers,
            ExecutorService ui, String lesson, String drill) throws Exception {
        AtomicLong seeds = new AtomicLong(1);
        long start = System.nanoTime();
        CountDownLatch shown = new CountDownLatch(1);
        ui.execute(() -> {
            DrillPaneModel pane = new DrillPaneModel(audio, DrillMode.PRACTICE, workers, ui);
            DrillScreenModel model = new DrillScreenModel(new ProgressStore(teaching, Clock.systemUTC(), workers, ui), pane, workers, ui,
                    seeds::incrementAndGet, opened -> { });
            whenSet(pane.questionProperty(), shown);
            model.start(lesson, drill);
        });
        return await(shown, start);
    }

    private static double mixerPlayable(UserDirectories directories, AudioOutput audio, ExecutorService workers,
            ExecutorService ui) throws Exception {
        MixChallenge challenge = new Teaching(directories, () -> Path.of("lessons")).lessons().lessons().stream()
                .flatMap(l -> l.challenges().stream()).findFirst().orElseThrow();
        long start = System.nanoTime();
        CountDownLatch shown = new CountDownLatch(1);
        ui.execute(() -> {
            MixerViewModel model = new MixerViewModel(audio, workers, ui, chosen -> ChallengeSetup.load(chosen,
                    new MaterialLibrary(MaterialLibrary.locateBuiltIns(), directories.data().resolve("materials"),
                            directories.cache()), new Warnings()));
            whenTrue(model.loadedProperty(), shown);
            model.load(challenge);
        });
        return await(shown, start);
    }

    /** Counts down when {@code value} is first set (a binding such as isNotNull() would be collected: it is weakly held). */
    private static void whenSet(ObservableValue<?> value, CountDownLatch latch) {
        value.addListener((obs, was, is) -> {
            if (is != null) {
                latch.countDown();
            }
        });
    }

    private static void whenTrue(ObservableValue<Boolean> condition, CountDownLatch latch) {
        condition.addListener((obs, was, is) -> {
            if (is) {
                latch.countDown();
            }
        });
    }

    private static double await(CountDownLatch latch, long startNs) throws InterruptedException {
        if (!latch.await(TIMEOUT_S, TimeUnit.SECONDS)) {
            return Double.NaN;
        }
        return (System.nanoTime() - startNs) / 1e6;
    }

    private static double baseline(Path lessons) throws Exception {
        long start = System.nanoTime();
        try (var files = Files.list(lessons)) {
            long bytes = files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.readAllBytes(f).length;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sum();
            if (bytes == 0) {
                throw new IllegalStateException("no lesson files in " + lessons);
            }
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static void report(String what, double ms, double budgetMs, double baselineMs) {
        System.out.printf(Locale.ROOT, "%-72s %9.0f ms  budget %5.0f ms  %-6s %8.0f× baseline%n", what, ms, budgetMs,
                ms <= budgetMs ? "met" : "MISSED", ms / baselineMs);
    }
}
