package dev.mixdojo.ui.drill;

import dev.mixdojo.exercise.RoundSummary;
import dev.mixdojo.ui.Work;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Practice screen: which drill, the staircase's level and this round's tally above a
 * {@link DrillPane}, and after each round its summary with the next step. Opened with nothing
 * chosen, it continues the drill practised last. "Use my own music" opens a panel that imports
 * the learner's song and starts a drill on it.
 */
public final class DrillScreen extends VBox {
    /** The screen of {@code model}; {@code background} runs the meters; {@code ownMusic} imports the learner's songs. */
    public DrillScreen(DrillScreenModel model, Executor background, OwnMusicModel ownMusic) {
        getStyleClass().addAll("screen", "practice");
        Label title = new Label();
        title.setId("practice-title");
        title.getStyleClass().add("title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE); // wraps onto a second line rather than being cut short when the screen is full
        title.textProperty().bind(model.titleProperty());
        ToggleButton useOwnMusic = new ToggleButton("Use my own music…");
        useOwnMusic.setId("practice-own-music");
        useOwnMusic.setMinWidth(Region.USE_PREF_SIZE);
        useOwnMusic.setAccessibleText("Import a song of your own and practise on it");
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox heading = new HBox(12, title, spring, useOwnMusic);
        heading.getStyleClass().add("row");
        // A drill started on the song closes the panel: the question takes its place.
        OwnMusicPane ownMusicPane = new OwnMusicPane(ownMusic, () -> useOwnMusic.setSelected(false));
        ownMusicPane.visibleProperty().bind(useOwnMusic.selectedProperty());
        ownMusicPane.managedProperty().bind(ownMusicPane.visibleProperty());
        useOwnMusic.selectedProperty().addListener((obs, was, open) -> {
            if (open) {
                ownMusic.refreshDrills();
            }
        });
        // Opening a drill can take a while the first time (its song renders): say how far, and let the learner stop.
        ProgressBar opening = new ProgressBar();
        opening.setId("practice-progress");
        opening.setAccessibleText("Opening the drill");
        opening.setPrefWidth(260);
        opening.progressProperty().bind(model.progressProperty());
        Label step = new Label();
        step.setId("practice-step");
        step.textProperty().bind(model.stepProperty());
        Button cancel = new Button("Cancel (Escape)");
        cancel.setId("practice-cancel");
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setOnAction(e -> model.cancel());
        HBox openingRow = new HBox(10, opening, step, cancel);
        openingRow.getStyleClass().add("row");
        openingRow.visibleProperty().bind(model.stepProperty().isNotEmpty().and(model.busyProperty()));
        openingRow.managedProperty().bind(openingRow.visibleProperty());
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && openingRow.isVisible()) {
                model.cancel();
                e.consume();
            }
        });
        Label level = new Label();
        level.setId("practice-level");
        level.setWrapText(true);
        level.textProperty().bind(model.levelProperty());
        Label session = new Label();
        session.setId("practice-session");
        session.setWrapText(true);
        session.textProperty().bind(model.sessionProperty());
        Label message = new Label();
        message.setId("practice-message");
        message.setWrapText(true);
        message.getStyleClass().add("notice");
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        VBox summary = new VBox(6);
        summary.setId("practice-summary");
        summary.getStyleClass().addAll("panel", "round-summary");
        summary.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.summaryProperty().get().isPresent(),
                model.summaryProperty()));
        summary.managedProperty().bind(summary.visibleProperty());
        model.summaryProperty().addListener((obs, old, now) -> now.ifPresent(s -> showSummary(summary, model, s)));
        Work.markBusy(this, model.busyProperty());
        getChildren().addAll(heading, ownMusicPane, openingRow, level, session, message, summary,
                new DrillPane(model.pane(), background));

        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && !model.started()) {
                model.startSuggested();
            }
        });
    }

    /** The round's summary: what it came to, and buttons for another round and the suggested next step. */
    private static void showSummary(VBox box, DrillScreenModel model, RoundSummary summary) {
        Label heading = new Label("Round complete");
        heading.getStyleClass().add("panel-title");
        box.getChildren().setAll(heading);
        List<String> lines = DrillScreenModel.describe(summary, model.difficulty());
        for (int i = 0; i < lines.size(); i++) {
            Label line = new Label(lines.get(i));
            line.setId("summary-line-" + (i + 1));
            line.setWrapText(true);
            box.getChildren().add(line);
        }
        Button again = new Button("Another round (N)");
        again.setId("summary-again");
        again.setOnAction(e -> model.pane().next());
        HBox actions = new HBox(10, again);
        if (summary.next().step() != RoundSummary.Step.ANOTHER_ROUND) {
            Button next = new Button(DrillScreenModel.nextStepLabel(summary.next()));
            next.setId("summary-next-step");
            next.getStyleClass().add("accent");
            next.setOnAction(e -> model.takeNextStep());
            actions.getChildren().add(0, next);
        }
        actions.getChildren().forEach(b -> ((Button) b).setMinWidth(Region.USE_PREF_SIZE));
        actions.getStyleClass().add("row");
        box.getChildren().add(actions);
    }
}
