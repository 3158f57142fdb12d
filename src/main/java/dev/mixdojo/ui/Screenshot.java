package dev.mixdojo.ui;

import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.DaemonThreads;
import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.material.MaterialLibrary;
import dev.mixdojo.exercise.AnswerForm;
import dev.mixdojo.exercise.Question;
import dev.mixdojo.progress.Attempt;
import dev.mixdojo.progress.AttemptLog;
import dev.mixdojo.ui.drill.DrillPane;
import dev.mixdojo.ui.drill.DrillPaneModel;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Draws one view of the app with representative content into a PNG: a temporary data folder
 * seeded with two weeks of sample answers (Home, Progress), and for Analyze the report of a
 * rendered built-in song against another. Waits until no visible node is marked {@code busy} or spins
 * for a few pulses. The drill views answer as a learner would: "drill-answered" one question (a
 * neighbouring octave, while playing, so the spectrum shows both versions), "round-summary" a round
 * (every fourth answer a neighbour). Without a display it draws headless with Monocle when that is on
 * the class path.
 */
public final class Screenshot {
    /** The views the command knows; a build has those whose screens it lists. */
    public static final List<String> VIEWS = List.of("home", "lesson", "drill", "drill-answered", "round-summary", "mixer",
            "progress", "analyze", "settings", "exam", "teacher", "projector");
    /** Window size of a screenshot in pixels. */
    static final int WIDTH_PX = 1100;
    static final int HEIGHT_PX = 720;
    /** Pulses without a busy node before the picture is taken (layout and CSS settle in one or two). */
    private static final int QUIET_PULSES = 4;
    /** Questions in a round of the octave drill the drill views answer (lessons/eq-octave-boosts-noise.yaml). */
    private static final int OCTAVE_DRILL_ROUND = 10;
    private static final long TIMEOUT_S = 180;
    /** The song analysed for the Analyze screenshot, and its reference. */
    static final String SONG = "pop-sunrise";
    static final String REFERENCE_SONG = "house-warehouse";
    private static final String MONOCLE = "com.sun.glass.ui.monocle.MonoclePlatformFactory";

    private Screenshot() {
    }

    /** Writes the PNG of {@code view} in {@code theme}; bad requests throw one BadInputException sentence. */
    public static void take(Path png, String view, Theme theme) {
        if (!VIEWS.contains(view)) {
            throw new BadInputException("There is no view '" + view + "'; the views are " + String.join(", ", VIEWS) + ".");
        }
        UserDirectories user = UserDirectories.fromEnvironment();
        Path data = createTempFolder();
        ExecutorService workers = Executors.newFixedThreadPool(2, DaemonThreads.named("mixdojo-screenshot-worker"));
        AppServices services = new AppServices(new AudioOutput(PlaybackEngine.silent("screenshots are silent")),
                new UserDirectories(data, user.cache()), workers);
        try {
            List<String> built = Screens.available(services).stream().map(Screen::id).toList();
            if (!built.contains(screenId(view))) {
                throw new BadInputException("The " + view + " view is not in this build yet; this build can show "
                        + String.join(", ", VIEWS.stream().filter(v -> built.contains(screenId(v))).toList()) + ".");
            }
            AttemptLog.inDataDirectory(data).appendAll(SampleProgress.attempts(Instant.now(), 7));
            if (screenId(view).equals("practice")) {
                // Practice continues the drill answered last: the octave boosts on pink noise, whose bump the spectrum shows.
                AttemptLog.inDataDirectory(data).append(new Attempt("screenshot-last", Instant.now(), "eq-octave-boosts-noise",
                        "eq.frequency", 6, 1, 4, 4, "oct", "1 kHz", "1 kHz", true, 1, 3000, "octave-boost"));
            }
            String argument = view.equals("analyze") ? renderSongs(user, data) : "";
            services.settings().themeProperty().set(theme);
            boolean startedHere = startToolkit();
            try {
                WritableImage image = draw(services, view, argument);
                writePng(image, png);
            } finally {
                if (startedHere) {
                    Platform.exit();
                }
            }
        } finally {
            services.close();
            deleteTree(data);
        }
    }

    /** The screen a view names: "lesson" is the Lessons screen, "drill" the Practice screen. */
    private static String screenId(String view) {
        return switch (view) {
            case "lesson" -> "lessons";
            case "drill", "drill-answered", "round-summary" -> "practice";
            default -> view;
        };
    }

    /** Renders the song and its reference to WAV files; returns the Analyze argument naming both. */
    private static String renderSongs(UserDirectories user, Path folder) {
        MaterialLibrary materials = new MaterialLibrary(MaterialLibrary.locateBuiltIns(), user.data().resolve("materials"),
                user.cache());
        Path song = folder.resolve(SONG + ".wav");
        Path reference = folder.resolve(REFERENCE_SONG + ".wav");
        AudioFiles.write(song, materials.load(SONG, Optional.empty(), new Warnings()).mix(), SampleEncoding.PCM_24);
        AudioFiles.write(reference, materials.load(REFERENCE_SONG, Optional.empty(), new Warnings()).mix(),
                SampleEncoding.PCM_24);
        return song + File.pathSeparator + reference;
    }

    /** Starts JavaFX (headless with Monocle when there is no display); false when it was already running. */
    private static boolean startToolkit() {
        if (System.getProperty("glass.platform") == null && isBlank(System.getenv("DISPLAY"))
                && isBlank(System.getenv("WAYLAND_DISPLAY")) && !System.getProperty("os.name", "").matches("(?i).*(win|mac).*")) {
            if (!onClassPath(MONOCLE)) {
                throw new BadInputException("There is no display to draw on: run the command under Xvfb "
                        + "(xvfb-run bin/mixdojo gui --screenshot FILE) or with Monocle on the class path.");
            }
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            return false;
        }
        await(started);
        Platform.setImplicitExit(false);
        return true;
    }

    private static WritableImage draw(AppServices services, String view, String argument) {
        CompletableFuture<WritableImage> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Scene scene = MixDojoApp.scene(services, WIDTH_PX, HEIGHT_PX);
                // Screenshots show the app as it looks with a sound card, without the no-audio bar.
                ((BorderPane) scene.getRoot()).setBottom(null);
                Stage stage = new Stage();
                stage.setTitle(MixDojoApp.TITLE + " — " + view);
                stage.setScene(scene);
                stage.show();
                services.navigation().open(screenId(view), argument);
                new AnimationTimer() {
                    private int quiet;
                    private final int[] answers = {0};

                    @Override
                    public void handle(long nowNs) {
                        quiet = busy(scene) || learnerActs(scene, view, answers) ? 0 : quiet + 1;
                        if (quiet >= QUIET_PULSES) {
                            stop();
                            WritableImage image = scene.snapshot(null);
                            stage.hide();
                            result.complete(image);
                        }
                    }
                }.start();
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new BadInputException("The " + view + " view was still busy after " + TIMEOUT_S + " s; no screenshot was written.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while drawing the screenshot", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * The learner's next step in the drill views (one per pulse, never while the screen is busy):
     * returns whether the view is not yet as it is to be drawn. {@code answers} counts the answers given.
     */
    private static boolean learnerActs(Scene scene, String view, int[] answers) {
        boolean summary = view.equals("round-summary");
        if (!summary && !view.equals("drill-answered")) {
            return false;
        }
        Node shownSummary = scene.getRoot().lookup("#practice-summary");
        if (summary && shownSummary != null && shownSummary.isVisible()) {
            return false;
        }
        if (!(scene.getRoot().lookup(".drill-pane") instanceof DrillPane pane)) {
            return true;
        }
        DrillPaneModel drill = pane.model();
        Question question = drill.questionProperty().get();
        if (question == null || !(question.form() instanceof AnswerForm.Choice choice) || drill.versions().isEmpty()) {
            return true;
        }
        if (drill.canAnswer()) {
            if (!drill.playingProperty().get()) {
                drill.togglePlay();
            }
            List<String> options = choice.options().stream().map(AnswerForm.Option::label).toList();
            int truth = options.indexOf(question.key().truthLabel());
            answers[0]++;
            boolean neighbour = !summary || answers[0] % 4 == 0;
            int chosen = neighbour ? (truth + 1 < options.size() ? truth + 1 : truth - 1) : truth;
            drill.chooseNumber(chosen + 1);
            drill.submit();
            return true;
        }
        if (!summary) {
            // Answered and playing: drawn once the meters show the spectra of both versions.
            return scene.getRoot().lookup(".spectrum-band-b") == null;
        }
        if (answers[0] < OCTAVE_DRILL_ROUND) {
            drill.next();
        }
        return true; // a round's summary appears once its last answer is saved
    }

    /** Whether any visible node says it is still working: style class {@code busy}, or a spinning progress indicator. */
    static boolean busy(Scene scene) {
        return scene.getRoot().lookupAll(".busy").stream().anyMatch(Screenshot::showing)
                || scene.getRoot().lookupAll(".progress-indicator").stream()
                        .anyMatch(node -> node instanceof ProgressIndicator spinner && spinner.isIndeterminate() && showing(spinner));
    }

    private static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static void writePng(WritableImage image, Path png) {
        try {
            Path parent = png.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", png.toFile());
        } catch (IOException e) {
            throw new BadInputException(png, "could not write the screenshot (" + e.getMessage() + ")", e);
        }
    }

    private static Path createTempFolder() {
        try {
            return Files.createTempDirectory("mixdojo-screenshot");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless; the system cleans it up.
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting JavaFX", e);
        }
    }

    private static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, Screenshot.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
