package dev.mixdojo.ui.projector;

import dev.mixdojo.classroom.live.Histogram;
import dev.mixdojo.classroom.live.JoinQr;
import dev.mixdojo.classroom.live.ProjectorState;
import dev.mixdojo.classroom.live.SessionMode;
import dev.mixdojo.ui.AssignmentFileChooser;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The Projector screen's live session: a row to choose an assignment and start, then how to join (address, code,
 * QR code), the counts, the open question with its A/B, reveal, next and stop, and the class's answers once
 * revealed. The keys are the screen's ({@link ProjectorView} sends them here while a session runs).
 */
final class LiveRoomPane extends VBox {
    /** Pixels per QR module: a 33-module code with its quiet zone is about 330 pixels, readable across a room. */
    private static final double QR_MODULE_PX = 8;

    /** Width of one bar of the class's answers. */
    private static final double BAR_WIDTH_PX = 56;

    private final Canvas qr = new Canvas();
    private final HBox histogram = new HBox(10);

    LiveRoomPane(LiveRoomModel model) {
        getStyleClass().add("live-room");
        setSpacing(12);

        Button choose = new Button("Assignment…");
        choose.setId("live-choose");
        choose.setAccessibleText("Choose the assignment file to run as a live session");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(e -> AssignmentFileChooser.choose(this)
                .ifPresent(chosen -> model.assignmentPathProperty().set(chosen.toString())));
        TextField path = new TextField();
        path.setId("live-assignment");
        path.setPromptText("or type its path");
        path.setAccessibleText("Path of the assignment file to run live; Enter starts the session");
        path.textProperty().bindBidirectional(model.assignmentPathProperty());
        path.setOnAction(e -> model.start());
        HBox.setHgrow(path, Priority.ALWAYS);
        Button start = new Button("Start live session");
        start.setId("live-start");
        start.setAccessibleText("Serve the assignment to the students' phones and laptops");
        start.setMinWidth(Region.USE_PREF_SIZE);
        start.setOnAction(e -> model.start());
        ProgressIndicator starting = new ProgressIndicator();
        starting.setPrefSize(28, 28);
        starting.setAccessibleText("Starting the live session");
        starting.visibleProperty().bind(model.stateProperty().isEqualTo(LiveRoomModel.State.STARTING)
                .or(model.stateProperty().isEqualTo(LiveRoomModel.State.STOPPING)));
        Label startLabel = new Label("Live:");
        startLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox startRow = new HBox(12, startLabel, choose, path, start, starting);
        HBox modeRow = modeRow(model);
        for (HBox row : new HBox[] {startRow, modeRow}) {
            row.disableProperty().bind(model.stateProperty().isNotEqualTo(LiveRoomModel.State.IDLE));
        }

        VBox session = new VBox(12, new HBox(32, joinColumn(model), roomColumn(model)));
        session.visibleProperty().bind(model.stateProperty().isEqualTo(LiveRoomModel.State.RUNNING)
                .or(model.stateProperty().isEqualTo(LiveRoomModel.State.STOPPING)));
        session.managedProperty().bind(session.visibleProperty());
        getChildren().addAll(startRow, modeRow, session);

        model.qrProperty().addListener((obs, old, code) -> drawQr(code));
        model.histogramProperty().addListener((obs, old, bars) -> drawHistogram(bars));
    }

    /** Room (A/B through this computer) or own headphones (A/B on each device, each student at their own pace). */
    private static HBox modeRow(LiveRoomModel model) {
        ToggleGroup modes = new ToggleGroup();
        RadioButton room = new RadioButton("Room: A/B through the speakers, one question at a time");
        room.setId("live-mode-room");
        RadioButton headphones = new RadioButton("Own headphones: A/B on each student's device, at their own pace");
        headphones.setId("live-mode-headphones");
        room.setToggleGroup(modes);
        headphones.setToggleGroup(modes);
        (model.modeProperty().get() == SessionMode.ROOM ? room : headphones).setSelected(true);
        modes.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.modeProperty().set(now == room ? SessionMode.ROOM : SessionMode.OWN_HEADPHONES);
            }
        });
        HBox row = new HBox(16, room, headphones);
        row.getStyleClass().add("row");
        return row;
    }

    private VBox joinColumn(LiveRoomModel model) {
        Label invite = new Label("Join on your phone or laptop:");
        invite.setWrapText(true);
        Label address = new Label();
        address.setId("live-join-address");
        address.getStyleClass().add("live-join-address");
        address.textProperty().bind(model.joinAddressProperty());
        address.setMinWidth(Region.USE_PREF_SIZE);
        Label code = new Label();
        code.setId("live-code");
        code.getStyleClass().add("live-code");
        code.textProperty().bind(model.codeProperty());
        qr.setId("live-qr");
        qr.setAccessibleText("QR code of the join address with the code");
        return new VBox(8, invite, address, new Label("Code"), code, qr);
    }

    private VBox roomColumn(LiveRoomModel model) {
        Label title = new Label();
        title.getStyleClass().add("projector-title");
        title.textProperty().bind(model.titleProperty());
        Label question = new Label();
        question.setId("live-question");
        question.textProperty().bind(model.questionTextProperty());
        Label prompt = new Label();
        prompt.setId("live-prompt");
        prompt.getStyleClass().add("live-prompt");
        prompt.setWrapText(true);
        prompt.textProperty().bind(model.promptProperty());
        Label counts = new Label();
        counts.setId("live-counts");
        counts.getStyleClass().add("live-counts");
        // Own headphones: the answers given so far, over all questions; room: who answered the open question.
        counts.textProperty().bind(Bindings.createStringBinding(() -> model.answeredProperty().get()
                + (model.modeProperty().get() == SessionMode.ROOM ? " answered · " : " answers · ")
                + model.joinedProperty().get() + " joined · " + model.connectedProperty().get() + " connected",
                model.answeredProperty(), model.joinedProperty(), model.connectedProperty(), model.modeProperty()));
        Label truth = new Label();
        truth.setId("live-truth");
        truth.getStyleClass().add("projector-answer");
        truth.textProperty().bind(Bindings.createStringBinding(() -> model.histogramProperty().get()
                .map(h -> "Answer: " + h.truth()).orElse(""), model.histogramProperty()));
        histogram.setId("live-histogram");
        histogram.setPrefHeight(180);
        histogram.visibleProperty().bind(truth.textProperty().isNotEmpty());
        histogram.managedProperty().bind(histogram.visibleProperty());

        Button play = new Button();
        play.setId("live-play");
        play.textProperty().bind(Bindings.when(model.playingProperty()).then("Stop (Space)").otherwise("Play (Space)"));
        play.setOnAction(e -> model.togglePlay());
        Button a = new Button("A");
        a.setId("live-a");
        a.setAccessibleText("Play the original (A)");
        a.setOnAction(e -> model.select("a"));
        Button b = new Button("B");
        b.setId("live-b");
        b.setAccessibleText("Play the changed version (B)");
        b.setOnAction(e -> model.select("b"));
        for (Button version : new Button[] {play, a, b}) {
            version.disableProperty().bind(model.audioReadyProperty().not());
        }
        model.activeVersionProperty().addListener((obs, old, now) -> {
            a.getStyleClass().remove("on");
            b.getStyleClass().remove("on");
            (now.equals("a") ? a : b).getStyleClass().add("on");
        });
        a.getStyleClass().add("on");
        Button reveal = new Button("Reveal (R)");
        reveal.setId("live-reveal");
        reveal.disableProperty().bind(model.phaseProperty().isNotEqualTo(ProjectorState.RoomPhase.OPEN));
        reveal.setOnAction(e -> model.reveal());
        Button next = new Button();
        next.setId("live-next");
        next.getStyleClass().add("accent");
        next.textProperty().bind(Bindings.createStringBinding(() -> model.questionNumberProperty().get() == 0
                ? "First question (N)" : "Next question (N)", model.questionNumberProperty()));
        next.disableProperty().bind(model.phaseProperty().isEqualTo(ProjectorState.RoomPhase.PREPARING));
        next.setOnAction(e -> model.next());
        Button stop = new Button("Stop session");
        stop.setId("live-stop");
        stop.setAccessibleText("End the session: students can no longer answer; the results are saved");
        stop.setOnAction(e -> model.stop());
        FlowPane controls = new FlowPane(12, 12, play, a, b, reveal, next, stop);
        for (Button button : new Button[] {play, a, b, reveal, next, stop}) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        controls.disableProperty().bind(model.stateProperty().isNotEqualTo(LiveRoomModel.State.RUNNING));
        // Own headphones: the students play and move on themselves; the teacher only watches and stops.
        BooleanBinding room = model.modeProperty().isEqualTo(SessionMode.ROOM);
        for (Button roomOnly : new Button[] {play, a, b, reveal, next}) {
            roomOnly.visibleProperty().bind(room);
            roomOnly.managedProperty().bind(room);
        }

        Label results = new Label("Results go to " + model.resultsFolder() + ".");
        results.getStyleClass().add("projector-keys");
        results.setWrapText(true);
        // The page's address carries the teacher's token: copied, not shown to the room.
        Button copyPage = new Button("Copy the projector page's address");
        copyPage.setId("live-copy-page");
        copyPage.setAccessibleText("Copy the address of the same session's projector page, to open in a browser on this"
                + " computer");
        copyPage.setOnAction(e -> Clipboard.getSystemClipboard().setContent(
                Map.of(DataFormat.PLAIN_TEXT, model.projectorAddressProperty().get())));
        Label keys = new Label("Space play · A/B or Tab switch · R reveal · N or Page Down next");
        keys.getStyleClass().add("projector-keys");
        keys.visibleProperty().bind(room);
        keys.managedProperty().bind(room);
        VBox column = new VBox(10, title, question, prompt, counts, truth, histogram, controls, keys, results, copyPage);
        HBox.setHgrow(column, Priority.ALWAYS);
        return column;
    }

    private void drawQr(JoinQr code) {
        GraphicsContext g = qr.getGraphicsContext2D();
        if (code == null) {
            qr.setWidth(0);
            qr.setHeight(0);
            return;
        }
        int side = code.size() + 2 * JoinQr.QUIET_ZONE;
        qr.setWidth(side * QR_MODULE_PX);
        qr.setHeight(side * QR_MODULE_PX);
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, qr.getWidth(), qr.getHeight());
        g.setFill(Color.BLACK);
        for (int y = 0; y < code.size(); y++) {
            for (int x = 0; x < code.size(); x++) {
                if (code.dark(x, y)) {
                    g.fillRect((x + JoinQr.QUIET_ZONE) * QR_MODULE_PX, (y + JoinQr.QUIET_ZONE) * QR_MODULE_PX,
                            QR_MODULE_PX, QR_MODULE_PX);
                }
            }
        }
    }

    private void drawHistogram(Optional<Histogram> shown) {
        histogram.getChildren().clear();
        if (shown.isEmpty()) {
            return;
        }
        int most = Math.max(1, shown.get().bars().stream().mapToInt(Histogram.Bar::count).max().orElse(1));
        for (Histogram.Bar bar : shown.get().bars()) {
            Label count = new Label(Integer.toString(bar.count()));
            Region fill = new Region();
            fill.getStyleClass().addAll("live-bar", bar.truth() ? "truth" : "other");
            fill.setMinHeight(2);
            fill.setPrefWidth(BAR_WIDTH_PX);
            fill.setPrefHeight(2 + 120.0 * bar.count() / most);
            fill.setMaxHeight(Region.USE_PREF_SIZE);
            Label label = new Label(bar.label());
            label.getStyleClass().add(bar.truth() ? "live-bar-truth" : "live-bar-label");
            label.setMinWidth(Region.USE_PREF_SIZE);
            VBox column = new VBox(4, count, fill, label);
            column.setAlignment(Pos.BOTTOM_CENTER);
            column.setFillWidth(true);
            histogram.getChildren().add(column);
        }
    }
}
