package dev.mixdojo.base;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/** Worker threads that never keep the program from ending, and waiting for their results. */
public final class DaemonThreads {
    private static final ExecutorService SIDE_TASKS = Executors.newCachedThreadPool(named("mixdojo-side-task"));

    private DaemonThreads() {
    }

    /**
     * The pool for short tasks a computation runs beside its own thread (the other version of an A/B
     * pair, the other channels of a render): daemon threads, made as needed and ended after a minute idle.
     */
    public static ExecutorService sideTasks() {
        return SIDE_TASKS;
    }

    /** Daemon threads named {@code name}: an unfinished job never keeps the app or a command from quitting. */
    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The value of {@code task}, waiting for it; its unchecked exception is thrown as it is, not wrapped. */
    public static <T> T join(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
