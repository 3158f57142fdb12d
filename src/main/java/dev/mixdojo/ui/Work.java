package dev.mixdojo.ui;

import dev.mixdojo.base.BadInputException;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.stage.Window;
import javafx.scene.Node;

/** Runs long work on a worker thread and hands the result, or one sentence about what went wrong, to the UI thread. */
public final class Work {
    /** The sentence for work the user cancelled. */
    public static final String CANCELLED = "Cancelled.";

    private Work() {
    }

    /** Runs {@code action} once, on the JavaFX thread, as soon as {@code node} is in a window that is showing. */
    public static void whenShowing(Node node, Runnable action) {
        // A fluent binding holds on to its source while observed, so the listener below keeps working.
        ObservableValue<Boolean> showing = node.sceneProperty()
                .flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false);
        if (showing.getValue()) {
            action.run();
            return;
        }
        showing.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean is) {
                if (is) {
                    showing.removeListener(this);
                    action.run();
                }
            }
        });
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
