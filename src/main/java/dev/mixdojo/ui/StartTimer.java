package dev.mixdojo.ui;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;

/**
 * How long the app took to start, as a learner sees it ({@code mixdojo gui --time-start}): each frame it looks at
 * the window, and prints how long after the start of the JVM the window showed and Home showed the lessons (the
 * budget is 1.5 s); then it closes the window, which quits the app as the close box does.
 */
final class StartTimer extends AnimationTimer {
    /** How soon Home should show the lessons, in ms after the JVM started. */
    static final double BUDGET_MS = 1500;

    private final Stage stage;
    private final PrintStream out;
    private double windowMs = Double.NaN;

    /** A timer of {@code stage}'s start, printing to {@code out}. */
    StartTimer(Stage stage, PrintStream out) {
        this.stage = stage;
        this.out = out;
    }

    @Override
    public void handle(long now) {
        if (!stage.isShowing()) {
            return;
        }
        if (Double.isNaN(windowMs)) {
            windowMs = uptimeMs();
        }
        Node lessons = stage.getScene().lookup("#home-lessons");
        if (lessons instanceof Parent map && !map.getChildrenUnmodifiable().isEmpty()) {
            double readyMs = uptimeMs();
            out.printf(Locale.ROOT, "window shown %.0f ms after the JVM started%n", windowMs);
            out.printf(Locale.ROOT, "Home's lessons shown %.0f ms after the JVM started (budget %.0f ms: %s)%n",
                    readyMs, BUDGET_MS, readyMs <= BUDGET_MS ? "met" : "MISSED");
            stop();
            stage.close();
        }
    }

    private static double uptimeMs() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }
}
