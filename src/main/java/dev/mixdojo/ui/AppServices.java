package dev.mixdojo.ui;

import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.base.DaemonThreads;
import dev.mixdojo.base.UserDirectories;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
        return new AppServices(new AudioOutput(), UserDirectories.fromEnvironment(), workers);
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
