package dev.mixdojo.ui.projector;

import dev.mixdojo.ui.AppServices;
import dev.mixdojo.ui.Notices;
import dev.mixdojo.ui.drill.DrillPane;
import dev.mixdojo.ui.exam.DrillSources;
import dev.mixdojo.web.LiveServer;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Projector mode: one drill question in large, high-contrast type for a room. The teacher plays
 * and switches A/B as in the drill pane, presses R to reveal the answer and N (or Page Down, what
 * a presentation clicker sends) for the next question; the drill is chosen from the list. Or the
 * teacher starts a live session of an assignment ({@link LiveRoomPane}): the same keys then play,
 * reveal and move on in the session the students answer from their phones.
 */
public final class ProjectorView extends VBox {
    private Window watchedWindow;

    /**
     * A projector of {@code model}'s drills and {@code live}'s sessions; {@code background} runs the drill pane's
     * meters.
     */
    public ProjectorView(ProjectorViewModel model, LiveRoomModel live, Executor background) {
        getStyleClass().addAll("screen", "projector");
        getStylesheets().add(ProjectorView.class.getResource("projector.css").toExternalForm());
        setSpacing(16);

        Label title = new Label("Projector");
        title.getStyleClass().add("projector-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        ComboBox<ProjectorViewModel.DrillChoice> drills = new ComboBox<>(model.drills());
        drills.setId("projector-drill");
        drills.setAccessibleText("The drill to play to the room");
        drills.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(drills, Priority.ALWAYS);
        model.chosenProperty().addListener((obs, old, index) -> drills.getSelectionModel().select(index.intValue()));
        drills.setOnAction(e -> {
            int index = drills.getSelectionModel().getSelectedIndex();
            if (index >= 0 && index != model.chosenProperty().get()) {
                model.choose(index);
            }
        });
        Label number = new Label();
        number.setId("projector-number");
        number.setMinWidth(Region.USE_PREF_SIZE);
        number.textProperty().bind(Bindings.createStringBinding(() -> model.questionNumberProperty().get() == 0 ? ""
                : "Question " + model.questionNumberProperty().get(), model.questionNumberProperty()));
        ProgressIndicator working = new ProgressIndicator();
        working.setPrefSize(28, 28);
        working.setAccessibleText("Preparing the question");
        working.visibleProperty().bind(model.busyProperty());
        HBox top = new HBox(16, title, drills, number, working);

        DrillPane pane = new DrillPane(model.drill(), background);
        VBox.setVgrow(pane, Priority.ALWAYS);

        Button reveal = new Button("Reveal (R)");
        reveal.setId("projector-reveal");
        reveal.setAccessibleText("Reveal the answer (R)");
        reveal.disableProperty().bind(model.revealedProperty().or(model.questionNumberProperty().isEqualTo(0)));
        reveal.setOnAction(e -> model.reveal());
        Label answer = new Label();
        answer.setId("projector-answer");
        answer.getStyleClass().add("projector-answer");
        answer.textProperty().bind(model.answerProperty());
        answer.setAccessibleText("The answer");
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        Button next = new Button("Next question (N)");
        next.setId("projector-next");
        next.setAccessibleText("Next question (N or Page Down)");
        next.disableProperty().bind(model.questionNumberProperty().isEqualTo(0));
        next.setOnAction(e -> model.next());
        HBox revealRow = new HBox(16, reveal, answer, spring, next);

        Label message = Notices.label("projector-message", model.messageProperty());
        Label keys = new Label("Space play · A/B switch · R reveal · N or Page Down next");
        keys.getStyleClass().add("projector-keys");
        VBox drillRoom = new VBox(16, top, message, pane, revealRow, keys);
        VBox.setVgrow(drillRoom, Priority.ALWAYS);
        LiveRoomPane liveRoom = new LiveRoomPane(live);
        Label liveMessage = Notices.label("live-message", live.messageProperty());
        BooleanBinding idle = live.stateProperty().isEqualTo(LiveRoomModel.State.IDLE);
        drillRoom.visibleProperty().bind(idle);
        drillRoom.managedProperty().bind(idle);
        getChildren().addAll(liveRoom, liveMessage, drillRoom);
        // Back from a live session, whose audio replaced the drill's: a fresh question of the drill.
        live.stateProperty().addListener((obs, old, now) -> {
            if (now == LiveRoomModel.State.IDLE && old == LiveRoomModel.State.STOPPING) {
                model.next();
            } else if (now == LiveRoomModel.State.RUNNING) {
                model.drill().stop();
            }
        });

        // A session still running when the app's window closes ends there: its server would keep the app alive.
        sceneProperty().flatMap(Scene::windowProperty).addListener((obs, old, window) -> {
            if (window != null && window != watchedWindow) {
                watchedWindow = window;
                window.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> live.close());
            }
        });

        // Runs before the drill pane's keys: N here moves on even before anyone answered.
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() || e.isAltDown() || e.getTarget() instanceof ComboBox
                    || e.getTarget() instanceof TextInputControl) {
                return;
            }
            if (live.stateProperty().get() == LiveRoomModel.State.RUNNING) {
                liveKey(live, e);
                return;
            }
            if (e.getCode() == KeyCode.R) {
                model.reveal();
                e.consume();
            } else if (e.getCode() == KeyCode.N || e.getCode() == KeyCode.PAGE_DOWN) {
                model.next();
                e.consume();
            }
        });
        model.load();
    }

    /** Space, A, B, Tab, R and N (or Page Down) for the live session. */
    private static void liveKey(LiveRoomModel live, KeyEvent e) {
        switch (e.getCode()) {
            case SPACE -> live.togglePlay();
            case A -> live.select("a");
            case B -> live.select("b");
            case TAB -> live.switchVersion();
            case R -> live.reveal();
            case N, PAGE_DOWN -> live.next();
            default -> {
                return;
            }
        }
        e.consume();
    }

    /**
     * The screen in the app: the installed lessons, a new seed for every round; live sessions on this computer's
     * local network with results in {@code <data>/results}, as {@code classroom serve} keeps them.
     */
    public static ProjectorView forApp(AppServices services) {
        Supplier<DrillSources> sources = DrillSources.lazily(services.directories());
        LiveRoomModel live = new LiveRoomModel(services.audio(), services.background(), Platform::runLater, sources,
                services.directories().data().resolve("results"), LiveServer.Options::onThisNetwork);
        return new ProjectorView(new ProjectorViewModel(services.audio(), services.background(), Platform::runLater,
                sources, ProjectorViewModel.randomSeeds()), live, services.background());
    }
}
