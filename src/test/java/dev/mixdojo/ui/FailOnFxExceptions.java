package dev.mixdojo.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Fails a TestFX test on any exception thrown on the JavaFX thread while it runs: JavaFX reports an
 * exception in an event handler to the thread's handler and carries on, so a button that throws on
 * every click would otherwise leave the test green. Register it after {@code ApplicationExtension}.
 */
public final class FailOnFxExceptions implements BeforeEachCallback, AfterEachCallback {
    private final List<Throwable> thrown = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler previous;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        thrown.clear();
        WaitForAsyncUtils.asyncFx(() -> {
            previous = Thread.currentThread().getUncaughtExceptionHandler();
            Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> thrown.add(e));
        }).get();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Platform.runLater(() -> Thread.currentThread().setUncaughtExceptionHandler(previous));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(thrown).as("exceptions on the JavaFX thread:%n%s", describe()).isEmpty();
    }

    private String describe() {
        StringWriter text = new StringWriter();
        thrown.forEach(e -> e.printStackTrace(new PrintWriter(text)));
        return text.toString();
    }
}
