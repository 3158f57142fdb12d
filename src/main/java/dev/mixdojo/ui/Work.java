package dev.mixdojo.ui;

import dev.mixdojo.base.BadInputException;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/** Runs long work on a worker thread and hands the result, or one sentence about what went wrong, to the UI thread. */
public final class Work {
    /** The sentence for work the user cancelled. */
    public static final String CANCELLED = "Cancelled.";

    private Work() {
    }

    /**
     * Gives {@code node} the style class {@code busy} while {@code busy} is true, so the screenshot
     * command (and CSS) can tell that the view is still working.
     */
    public static void markBusy(Node node, ObservableBooleanValue busy) {
        busy.addListener((obs, was, is) -> {
            if (is) {
                node.getStyleClass().add("busy");
            } else {
                node.getStyleClass().removeAll("busy");
            }
        });
        if (busy.get()) {
            node.getStyleClass().add("busy");
        }
    }

    /**
     * Runs {@code job} on {@code background}; then {@code done} with its result or {@code failed}
     * with a sentence (the input's own sentence, {@link #CANCELLED}, or "{@code what} failed: …"),
     * both on {@code onUiThread}. Never a stack trace for the user.
     */
    public static <T> void run(Executor background, Executor onUiThread, String what, Callable<T> job,
            Consumer<T> done, Consumer<String> failed) {
        background.execute(() -> {
            try {
                T result = job.call();
                onUiThread.execute(() -> done.accept(result));
            } catch (BadInputException e) {
                onUiThread.execute(() -> failed.accept(e.getMessage()));
            } catch (CancellationException e) {
                onUiThread.execute(() -> failed.accept(CANCELLED));
            } catch (Exception | OutOfMemoryError e) {
                onUiThread.execute(() -> failed.accept(what + " failed: " + e + "."));
            }
        });
    }
}
