package dev.mixdojo.ui.drill;

import java.util.concurrent.Executor;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Practice screen: which drill, the staircase's level and this session's accuracy above a
 * {@link DrillPane}. Opened with nothing chosen, it continues the drill practised last.
 */
public final class DrillScreen extends VBox {
    public DrillScreen(DrillScreenModel model, Executor background) {
        getStyleClass().addAll("screen", "practice");
        Label title = new Label();
        title.setId("practice-title");
        title.getStyleClass().add("title");
        title.setWrapText(true);
        title.textProperty().bind(model.titleProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(model.busyProperty());
        busy.setAccessibleText("Preparing the question");
        HBox heading = new HBox(12, title, busy);
        heading.getStyleClass().add("row");
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
        getChildren().addAll(heading, level, session, message, new DrillPane(model.pane(), background));

        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && !model.started()) {
                model.startSuggested();
            }
        });
    }
}
