package dev.mixdojo.bench;

import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.base.AtomicFiles;
import dev.mixdojo.base.DaemonThreads;
import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.exercise.PracticePlan;
import dev.mixdojo.exercise.QuestionKinds;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.lesson.Lesson;
import dev.mixdojo.lesson.MixChallenge;
import dev.mixdojo.progress.Attempt;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.LearnerRecords;
import dev.mixdojo.ui.ProgressStore;
import dev.mixdojo.ui.Teaching;
import dev.mixdojo.ui.drill.DrillMode;
import dev.mixdojo.ui.drill.DrillPaneModel;
import dev.mixdojo.ui.drill.DrillPreparation;
import dev.mixdojo.ui.drill.DrillScreenModel;
import dev.mixdojo.ui.lesson.LessonViewModel;
import dev.mixdojo.ui.mixer.ChallengeStems;
import dev.mixdojo.ui.mixer.MixerViewModel;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.value.ObservableValue;

/**
 * How long a learner waits, driven through the view models as the screens drive them (a one-thread
 * executor stands in for the JavaFX thread, the app's worker pool does the work): the lesson text
 * visible after opening the Lessons screen, the first question playable after starting a drill,
 * and the Mixer playable after opening it. Cold: a new data folder and render cache, as on a first
 * start, nothing opened ahead; cache warm: the same again, the material now cached (and, in the app's memory
 * of renders, loaded); warm: as the app has it once it has read the learner's records at start-up and opened
 * ahead what comes next. The Mixer is also opened again, on a song in memory whose target is not rendered, and
 * on a song cached on disk only.
 * Prints each wait against its budget and the ratio to a baseline measured in the same run:
 * reading the lesson folder's files. Usage: {@code bin/bench WaitBench [LESSON:DRILL …]}, or
 * {@code bin/bench WaitBench mixer} for the Mixer alone.
 */
public final class WaitBench {
    private static final List<String> DEFAULT_DRILLS = List.of("eq-octave-boosts-noise:octave-boost",
            "panning-positions:pan-vocal", "compression-hearing-gain-reduction:compressed-or-not");
    private static final long TIMEOUT_S = 600;
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static long cpuAtStartNs;
    /** CPU time of the process during the last wait measured, in ms. */
    private static double cpuMs = Double.NaN;
    private static final List<UserDirectories> CREATED = new ArrayList<>();

    private WaitBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean mixerOnly = args.length > 0 && args[0].equals("mixer");
        List<String> drills = mixerOnly ? List.of() : args.length > 0 ? List.of(args) : DEFAULT_DRILLS;
        Path lessons = Path.of("lessons");
        double baselineMs = baseline(lessons);
        System.out.printf(Locale.ROOT, "baseline: read every file of %s: %.1f ms%n", lessons, baselineMs);
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1),
                DaemonThreads.named("bench-worker"));
        ExecutorService ui = Executors.newSingleThreadExecutor(DaemonThreads.named("bench-ui"));
        AudioOutput audio = new AudioOutput(PlaybackEngine.silent("the bench is silent"));

        // Cold: a new data folder and render cache, as on a first start; warm: the same again.
        // The lesson text: cold, the lessons and the log read when the screen opens; warm, read at start-up as the app does.
        UserDirectories lessonFolders = freshFolders();
        if (!mixerOnly) {
            report("lesson text visible (cold: lessons read on opening)", lessonVisible(new Teaching(lessonFolders, () -> lessons),
                audio, workers, ui, false), 300, baselineMs);
            report("lesson text visible (warm: lessons read at start-up)", lessonVisible(new Teaching(lessonFolders,
                    () -> lessons), audio, workers, ui, true), 300, baselineMs);
        }
        for (String spec : drills) {
            String[] parts = spec.split(":");
            Teaching teaching = new Teaching(freshFolders(), () -> lessons);
            report("first question of " + spec + " playable (cold)",
                    questionPlayable(teaching, audio, workers, ui, parts[0], parts[1], false), 1000, baselineMs);
            report("first question of " + spec + " playable (cache warm, not prepared ahead)",
                    questionPlayable(teaching, audio, workers, ui, parts[0], parts[1], false), 100, baselineMs);
            report("first question of " + spec + " playable (warm: prepared ahead)",
                    questionPlayable(teaching, audio, workers, ui, parts[0], parts[1], true), 100, baselineMs);
        }
        // One Teaching and one ChallengeStems, as the app has: cold, then opened again, then a new opener whose
        // song is in memory but whose target is not rendered (as after a drill on the same song), then prepared ahead.
        UserDirectories mixerFolders = freshFolders();
        Teaching mixerTeaching = new Teaching(mixerFolders, () -> lessons);
        ChallengeStems appStems = new ChallengeStems(mixerTeaching);
        report("Mixer playable (cold)", mixerPlayable(mixerTeaching, appStems, audio, workers, ui, false), 5000, baselineMs);
        report("Mixer whole: every stem, score and A/B (cold)", wholeMs, 5000, baselineMs);
        report("Mixer playable (warm: opened again)", mixerPlayable(mixerTeaching, appStems, audio, workers, ui, false), 500,
                baselineMs);
        report("Mixer playable (song in memory, target not rendered)", mixerPlayable(mixerTeaching,
                new ChallengeStems(mixerTeaching), audio, workers, ui, false), 500, baselineMs);
        report("Mixer playable (song cached on disk only, not prepared ahead)", mixerPlayable(mixerTeaching,
                new ChallengeStems(new Teaching(mixerFolders, () -> lessons)), audio, workers, ui, false), 500,
                baselineMs);
        report("Mixer playable (warm: prepared ahead)", mixerPlayable(mixerTeaching, new ChallengeStems(mixerTeaching), audio,
                workers, ui, true), 500, baselineMs);
        workers.shutdownNow();
        ui.shutdownNow();
        // Each run renders about 1 GB of songs into its caches.
        for (UserDirectories folders : CREATED) {
            try {
                AtomicFiles.deleteTree(folders.data());
                AtomicFiles.deleteTree(folders.cache());
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                System.out.println("could not delete " + folders.cache() + " (" + e + ")"); // a write in the background
            }
        }
    }

    private static UserDirectories freshFolders() throws java.io.IOException {
        UserDirectories fresh = new UserDirectories(Files.createTempDirectory("wait-bench-data"),
                Files.createTempDirectory("wait-bench-cache"));
        CREATED.add(fresh);
        return fresh;
    }

    private static double lessonVisible(Teaching teaching, AudioOutput audio, ExecutorService workers, ExecutorService ui,
            boolean readAtStartUp) throws Exception {
        ProgressStore store = new ProgressStore(teaching, Clock.systemUTC(), workers, ui);
        if (readAtStartUp) {
            CountDownLatch read = new CountDownLatch(1);
            ui.execute(() -> {
                whenSet(store.recordsProperty(), read);
                store.load();
            });
            read.await(TIMEOUT_S, TimeUnit.SECONDS);
        }
        long start = started();
        CountDownLatch shown = new CountDownLatch(1);
        ui.execute(() -> {
            LessonViewModel model = new LessonViewModel(store, audio, workers, ui, (lesson, drill) -> { }, lesson -> { }, () -> { });
            whenSet(model.selectedProperty(), shown);
            model.open("eq-cuts");
            store.recordsProperty().addListener((obs, was, records) -> model.refresh());
            model.refresh();
        });
        return await(shown, start);
    }

    private static double questionPlayable(Teaching teaching, AudioOutput audio, ExecutorService workers,
            ExecutorService ui, String lesson, String drill, boolean preparedAhead) throws Exception {
        AtomicLong seeds = new AtomicLong(1);
        DrillPreparation preparation = new DrillPreparation(teaching, Clock.systemUTC(), seeds::incrementAndGet);
        if (preparedAhead) {
            // As the app does after start-up for the lesson to continue with (the bench's log is empty).
            preparation.prepare(teaching.lessons(), lesson, drill, 0, workers).join();
        }
        // The app reads the lessons and the log at start-up, before any drill is opened.
        ProgressStore store = new ProgressStore(teaching, Clock.systemUTC(), workers, ui);
        CountDownLatch read = new CountDownLatch(1);
        ui.execute(() -> {
            whenSet(store.recordsProperty(), read);
            store.load();
        });
        read.await(TIMEOUT_S, TimeUnit.SECONDS);
        long start = started();
        CountDownLatch shown = new CountDownLatch(1);
        AtomicReference<DrillPaneModel> shownIn = new AtomicReference<>();
        ui.execute(() -> {
            DrillPaneModel pane = new DrillPaneModel(audio, DrillMode.PRACTICE, workers, ui);
            shownIn.set(pane);
            DrillScreenModel model = new DrillScreenModel(store, preparation, pane, workers, ui, seeds::incrementAndGet,
                    opened -> { });
            whenSet(pane.questionProperty(), shown);
            model.start(lesson, drill);
        });
        double ms = await(shown, start);
        // As the app closes a pane it replaces: it lets go of the audio output, which would otherwise hold its drill.
        ui.submit(() -> shownIn.get().close()).get();
        return ms;
    }

    private static double mixerPlayable(Teaching teaching, ChallengeStems stems, AudioOutput audio, ExecutorService workers,
            ExecutorService ui, boolean preparedAhead) throws Exception {
        MixChallenge challenge = teaching.lessons().lessons().stream()
                .flatMap(l -> l.challenges().stream()).findFirst().orElseThrow();
        if (preparedAhead) {
            // As the app does once the challenge's lesson is unlocked: here, for a log that unlocks everything.
            LearnerRecords unlocked = LearnerRecords.of(teaching.lessons(), List.of(), List.of());
            stems.prepareAhead(new LearnerRecords(unlocked.library(), List.of(), List.of(), everythingUnlocked(unlocked)),
                    Runnable::run);
        }
        long start = started();
        CountDownLatch shown = new CountDownLatch(1);
        CountDownLatch whole = new CountDownLatch(1);
        MixerViewModel model = new MixerViewModel(audio, workers, ui, stems);
        ui.execute(() -> {
            // Playable once the first stems are ready (the others join); whole once scoring and A/B can start.
            whenTrue(model.playableProperty(), shown);
            whenTrue(model.loadedProperty(), whole);
            // A load that fails says so in its message: stop waiting then.
            model.messageProperty().addListener((obs, was, message) -> {
                if (!message.isEmpty()) {
                    System.out.println("Mixer: " + message);
                    shown.countDown();
                    whole.countDown();
                }
            });
            model.load(challenge);
        });
        double ms = await(shown, start);
        wholeMs = await(whole, start);
        return model.loadedProperty().get() ? ms : Double.NaN;
    }

    /** How long the last Mixer opened took to be whole (every stem, the target rendered), in ms. */
    private static double wholeMs = Double.NaN;

    /** The plan of these records with every lesson unlocked. */
    private static PracticePlan everythingUnlocked(LearnerRecords records) {
        List<Attempt> mastered = new ArrayList<>();
        for (Lesson lesson : records.library().lessons()) {
            for (DrillSpec drill : lesson.drills()) {
                String skill = new QuestionKinds().kind(drill.kind()).orElseThrow().skill();
                for (int i = 0; i < 40; i++) {
                    mastered.add(new Attempt(lesson.id() + drill.id() + i, Instant.EPOCH, lesson.id(), skill, 1, i, 0, 0, "",
                            "", "", true, 1, 1000, drill.id()));
                }
            }
        }
        return PracticePlan.of(records.library(), new QuestionKinds(), mastered, LearnerRecords.SUGGESTIONS);
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

    /** The start of a wait: now, in ns; the process's CPU time is read too, for {@link #report}. */
    private static long started() {
        cpuAtStartNs = PROCESS.getProcessCpuTime();
        return System.nanoTime();
    }

    private static double await(CountDownLatch latch, long startNs) throws InterruptedException {
        if (!latch.await(TIMEOUT_S, TimeUnit.SECONDS)) {
            return Double.NaN;
        }
        double ms = (System.nanoTime() - startNs) / 1e6;
        cpuMs = (PROCESS.getProcessCpuTime() - cpuAtStartNs) / 1e6;
        return ms;
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

    /**
     * Prints a wait against its budget, its ratio to the baseline, the CPU time the whole process spent during it (all
     * threads, the JIT and the collector too: on a busy machine it says what the wait would cost an idle one, at most
     * that on one core and half of it on two) and the load average.
     */
    private static void report(String what, double ms, double budgetMs, double baselineMs) {
        System.out.printf(Locale.ROOT, "%-64s %7.0f ms  budget %5.0f ms  %-6s %6.0f× baseline  cpu %6.0f ms  load %.1f%n", what,
                ms, budgetMs, ms <= budgetMs ? "met" : "MISSED", ms / baselineMs, cpuMs, PROCESS.getSystemLoadAverage());
    }
}
