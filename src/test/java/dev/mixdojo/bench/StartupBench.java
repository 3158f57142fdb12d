package dev.mixdojo.bench;

import dev.mixdojo.ui.AppServices;
import dev.mixdojo.ui.Launcher;
import dev.mixdojo.ui.MixDojoApp;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * How long the real app takes from the start of its JVM until its window shows and until Home
 * shows the lessons (the budget is 1.5 s), as a learner sees it: the app is launched as
 * {@link Launcher} launches it, and each frame the window is searched for Home's lesson cards.
 * Prints both times and exits. Run under a display: {@code scripts/check-window.sh} runs it under Xvfb.
 * Usage: {@code bin/bench StartupBench}.
 */
public final class StartupBench {
    private static final double BUDGET_MS = 1500;

    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        AppServices.startBeforeJavaFx(); // as Launcher does
        Platform.startup(() -> new AnimationTimer() {
            private double windowMs = Double.NaN;

            @Override
            public void handle(long now) {
                Stage stage = Window.getWindows().stream().filter(w -> w instanceof Stage s && w.isShowing()
                        && MixDojoApp.TITLE.equals(s.getTitle())).map(Stage.class::cast).findFirst().orElse(null);
                if (stage == null) {
                    return;
                }
                if (Double.isNaN(windowMs)) {
                    windowMs = uptimeMs();
                }
                Node lessons = stage.getScene().lookup("#home-lessons");
                if (lessons instanceof Parent map && !map.getChildrenUnmodifiable().isEmpty()) {
                    double readyMs = uptimeMs();
                    System.out.printf(Locale.ROOT, "window shown %.0f ms after the JVM started%n", windowMs);
                    System.out.printf(Locale.ROOT, "Home's lessons shown %.0f ms after the JVM started (budget %.0f ms: %s)%n",
                            readyMs, BUDGET_MS, readyMs <= BUDGET_MS ? "met" : "MISSED");
                    stop();
                    System.exit(0);
                }
            }
        }.start());
        // As Application.launch does: init on this thread (it opens the audio output), then start on
        // the JavaFX thread; the timer above was registered first and watches the window appear.
        MixDojoApp app = new MixDojoApp();
        app.init();
        Platform.runLater(() -> app.start(new Stage()));
    }

    private static double uptimeMs() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }
}
