package dev.mixdojo.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Pieces several screens build the same way: the titled panel and the play button (the notice line is {@link Notices}). */
public final class Parts {
    private Parts() {
    }

    /**
     * A button reading "Play" or "Stop" as {@code playing} says, that runs {@code toggle}; disabled
     * while {@code loaded} is false.
     */
    public static Button playButton(String id, String accessibleText, ObservableBooleanValue playing,
            ObservableBooleanValue loaded, Runnable toggle) {
        Button play = new Button();
        play.setId(id);
        play.setAccessibleText(accessibleText);
        play.textProperty().bind(Bindings.when(playing).then("Stop").otherwise("Play"));
        play.disableProperty().bind(Bindings.not(loaded));
        play.setOnAction(e -> toggle.run());
        return play;
    }

    /** A card-like panel with a bold heading above {@code body}. */
    public static VBox panel(String heading, Region body) {
        Label label = new Label(heading);
        label.getStyleClass().add("panel-title");
        label.setWrapText(true);
        VBox panel = new VBox(label, body);
        panel.getStyleClass().add("panel");
        return panel;
    }
}
