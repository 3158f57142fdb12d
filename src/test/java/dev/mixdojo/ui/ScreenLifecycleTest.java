package dev.mixdojo.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.classroom.Assignment;
import dev.mixdojo.classroom.AssignmentDrill;
import dev.mixdojo.classroom.AssignmentMode;
import dev.mixdojo.classroom.AssignmentPack;
import dev.mixdojo.ui.drill.DrillPane;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opens and leaves every screen by its shortcut, and opens every assignment, 50 times each, in the
 * whole app headless, and shows that the listeners on the observables that live as long as the app
 * (the audio output's engine, the navigation's request, the progress store, the settings) and the
 * heap after a collection come back to where they were after the first round.
 */
@ExtendWith({ApplicationExtension.class, FailOnFxExceptions.class})
class ScreenLifecycleTest {
    private static final int ROUNDS = 50;
    /** Heap growth allowed over 50 rounds: what is left after a collection, not a leak of a view or model each round. */
    private static final long HEAP_TOLERANCE_BYTES = 8L << 20;
    private static final long WAIT_S = 120;
    /** The screens' shortcuts in navigation order: Ctrl+1…9, then Ctrl+Shift+A, G and P. */
    private static final List<KeyCode> DIGITS = List.of(KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
            KeyCode.DIGIT5, KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9);
    private static final List<KeyCode> TEACHER_LETTERS = List.of(KeyCode.A, KeyCode.G, KeyCode.P);

    @TempDir
    static Path folders;

    private final ThreadPoolExecutor workers = (ThreadPoolExecutor) Executors.newFixedThreadPool(2);
    private AppServices services;

    @Start
    void start(Stage stage) throws IOException {
        services = NoiseLessonsApp.show(stage, folders, folders.resolve("data"), workers, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        NoiseLessonsApp.close(services);
    }

    @Test
    void everyScreenOpenedAndLeftFiftyTimesLeavesTheListenersAndTheHeapWhereTheyWere(FxRobot robot) throws Exception {
        List<ToggleButton> nav = robot.lookup(".nav .toggle-button").queryAllAs(ToggleButton.class).stream().toList();
        assertThat(nav).hasSize(DIGITS.size() + TEACHER_LETTERS.size());
        openEveryScreen(robot, nav); // the first visit builds each view, which the shell keeps
        Footprint before = footprint();
        for (int round = 0; round < ROUNDS; round++) {
            openEveryScreen(robot, nav);
        }
        Footprint after = footprint();
        report("every screen", before, after);
        assertThat(after.listeners()).as("listeners on the app's observables").isEqualTo(before.listeners());
        assertThat(after.heapBytes() - before.heapBytes()).as("heap growth after %d rounds", ROUNDS)
                .isLessThan(HEAP_TOLERANCE_BYTES);
    }

    @Test
    void everyAssignmentOpenedFiftyTimesLeavesTheListenersTheHeapAndOneDrillPaneBehind(FxRobot robot) throws Exception {
        Path exam = pack("exam.mixdojo", "Lifecycle exam", AssignmentMode.EXAM);
        Path practice = pack("practice.mixdojo", "Lifecycle practice", AssignmentMode.PRACTICE);
        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A);
        assertThat(robot.lookup("#nav-exam").queryAs(ToggleButton.class).isSelected()).isTrue();
        List<WeakReference<DrillPane>> panes = new ArrayList<>();
        open(robot, exam, "Lifecycle exam", panes);
        open(robot, practice, "Lifecycle practice", panes);
        Footprint before = footprint();
        for (int round = 0; round < ROUNDS; round++) {
            open(robot, exam, "Lifecycle exam", panes);
            open(robot, practice, "Lifecycle practice", panes);
        }
        Footprint after = footprint();
        report("every assignment", before, after);
        System.out.printf(Locale.ROOT, "%d drill panes made, %d still reachable%n", panes.size(), ListenerCount.alive(panes));
        assertThat(after.listeners()).as("listeners on the app's observables").isEqualTo(before.listeners());
        assertThat(after.heapBytes() - before.heapBytes()).as("heap growth after %d rounds", ROUNDS)
                .isLessThan(HEAP_TOLERANCE_BYTES);
        assertThat(ListenerCount.alive(panes)).as("drill panes still reachable (the shown one)").isEqualTo(1);
    }

    private void openEveryScreen(FxRobot robot, List<ToggleButton> nav) {
        for (int i = 0; i < DIGITS.size(); i++) {
            press(robot, KeyCode.CONTROL, DIGITS.get(i));
            assertThat(nav.get(i).isSelected()).as("Ctrl+%d opens %s", i + 1, nav.get(i).getId()).isTrue();
        }
        for (int i = 0; i < TEACHER_LETTERS.size(); i++) {
            press(robot, KeyCode.CONTROL, KeyCode.SHIFT, TEACHER_LETTERS.get(i));
            ToggleButton button = nav.get(DIGITS.size() + i);
            assertThat(button.isSelected()).as("Ctrl+Shift+%s opens %s", TEACHER_LETTERS.get(i), button.getId()).isTrue();
        }
    }

    /** Types the assignment's path and presses Enter, as a student does, and waits until it is open. */
    private void open(FxRobot robot, Path pack, String title, List<WeakReference<DrillPane>> panes) throws Exception {
        TextField path = robot.lookup("#exam-path").queryAs(TextField.class);
        Label shown = robot.lookup("#exam-title").queryAs(Label.class);
        robot.interact(() -> {
            path.setText(pack.toString());
            path.fireEvent(new ActionEvent());
        });
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> shown.getText().equals(title)
                && robot.lookup(".drill-pane").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Node pane = robot.lookup(".drill-pane").query();
        panes.add(new WeakReference<>((DrillPane) pane));
    }

    private Path pack(String file, String title, AssignmentMode mode) {
        Path path = folders.resolve(file);
        AssignmentPack.write(path, Assignment.create(file.replace(".mixdojo", ""), title, List.of(new AssignmentDrill(
                "eq-octave-boosts-noise", "octave-boost", "eq", "eq-band")), 2, 7, mode, 50, Optional.empty(),
                new SecureRandom()), List.of());
        return path;
    }

    private static void press(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        List<KeyCode> reversed = new ArrayList<>(List.of(keys));
        java.util.Collections.reverse(reversed);
        robot.release(reversed.toArray(KeyCode[]::new));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The listeners on the app-lifetime observables and the heap in use, once all work is done and after collections. */
    private Footprint footprint() throws Exception {
        settle();
        Map<String, Integer> byObservable = WaitForAsyncUtils.asyncFx(() -> ListenerCount.byObservable(services.audio(),
                services.navigation(), services.progress(), services.settings())).get();
        return new Footprint(byObservable, ListenerCount.total(byObservable), heapAfterCollection());
    }

    /** Waits until the app's workers, the common pool (answer renders) and the FX thread are idle, after the delayed work ahead. */
    private void settle() throws Exception {
        Thread.sleep(Screens.AHEAD_DELAY_MS + 500);
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> workers.getActiveCount() == 0 && workers.getQueue().isEmpty()
                && ForkJoinPool.commonPool().awaitQuiescence(1, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static long heapAfterCollection() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    private static void report(String what, Footprint before, Footprint after) {
        System.out.printf(Locale.ROOT, "%s, %d rounds: listeners %d before, %d after; heap after GC %.1f MB before,"
                        + " %.1f MB after (%+.1f MB, tolerance %.1f MB)%n", what, ROUNDS, before.listeners(), after.listeners(),
                before.heapBytes() / 1e6, after.heapBytes() / 1e6, (after.heapBytes() - before.heapBytes()) / 1e6,
                HEAP_TOLERANCE_BYTES / 1e6);
        after.byObservable().forEach((name, count) -> {
            if (!count.equals(before.byObservable().get(name))) {
                System.out.printf(Locale.ROOT, "  %s: %s -> %d%n", name, before.byObservable().get(name), count);
            }
        });
    }

    private record Footprint(Map<String, Integer> byObservable, int listeners, long heapBytes) {
    }
}
