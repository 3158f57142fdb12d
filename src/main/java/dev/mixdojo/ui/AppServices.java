package dev.mixdojo.ui;

import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.base.DaemonThreads;
import dev.mixdojo.base.UserDirectories;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;

/**
 * What the screens share, passed in through constructors: the audio output, the user's folders,
 * the worker threads for long work (reading, rendering, analysis), never the JavaFX thread, the
 * navigation by which one screen opens another, the learner's settings, and the one store of the
 * learner's progress.
 */
public record AppServices(AudioOutput audio, UserDirectories directories, ExecutorService background,
        Navigation navigation, LearnerSettings settings, ProgressStore progress) {
    /** How long quitting waits for a render still being written to the cache (a song takes a second or two). */
    private static final Duration RENDER_WRITE_LIMIT = Duration.ofSeconds(10);
    /** The services started by the launcher before JavaFX, until the app takes them. */
    private static final AtomicReference<AppServices> STARTED_EARLY = new AtomicReference<>();

    /**
     * Services with a navigation (attached to the shell by the app), the learner's settings kept in
     * {@code directories} (which may reopen {@code audio} on the saved output) and a progress store of
     * the installed lessons and the log in {@code directories}, published on the JavaFX thread.
     */
    public AppServices(AudioOutput audio, UserDirectories directories, ExecutorService background) {
        this(audio, directories, background, Clock.systemDefaultZone());
    }

    /** As the three-argument constructor, with the learner's time from {@code clock} (tests move it on a day). */
    public AppServices(AudioOutput audio, UserDirectories directories, ExecutorService background, Clock clock) {
        this(audio, directories, background, new Navigation(),
                LearnerSettings.restore(directories, audio, PlaybackEngine::devices, PlaybackEngine.askedDevice()),
                new ProgressStore(Teaching.installed(directories), clock, background, Platform::runLater));
    }

    /** The services of a running app: the default audio output and daemon worker threads. */
    public static AppServices start() {
        ExecutorService workers = Executors.newFixedThreadPool(
                Math.max(1, Runtime.getRuntime().availableProcessors() - 1), DaemonThreads.named("mixdojo-worker"));
        AppServices services = new AppServices(new AudioOutput(), UserDirectories.fromEnvironment(), workers);
        services.background().execute(services::readLessonsAhead);
        return services;
    }

    /**
     * Starts the services before JavaFX starts (the launcher's {@code main}), so that the lessons are read
     * while the toolkit starts and the window is built: reading and checking them is most of the wait for
     * Home in a new process. The app's {@code init} takes them with {@link #takeStartedOrStart()}.
     */
    public static void startBeforeJavaFx() {
        STARTED_EARLY.set(start());
    }

    /** The services {@link #startBeforeJavaFx()} started, once; otherwise new ones ({@link #start()}). */
    public static AppServices takeStartedOrStart() {
        AppServices early = STARTED_EARLY.getAndSet(null);
        return early != null ? early : start();
    }

    /**
     * Reads the lessons into the teaching's memory ahead of the progress store, which publishes them (and
     * any problem with them: a lesson folder that cannot be read is read again there and reported).
     */
    private void readLessonsAhead() {
        try {
            teaching().lessons();
        } catch (RuntimeException reportedByTheStore) {
            // The progress store reads them again when it loads, and says what is wrong.
        }
    }

    /** The lessons and the log the screens teach from. */
    public Teaching teaching() {
        return progress.teaching();
    }

    /** Stops the workers, closes the audio output and lets a render being written to the cache finish (up to 10 s). */
    public void close() {
        background.shutdownNow();
        audio.close();
        teaching().finishWrites(RENDER_WRITE_LIMIT);
    }
}
