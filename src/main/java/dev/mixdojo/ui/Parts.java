package dev.mixdojo.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Pieces several screens build the same way: the notice line and the titled panel. */
public final class Parts {
    private Parts() {
    }

    /** A wrapping notice that shows {@code text} and takes no room while it is empty. */
    public static Label notice(String id, ObservableStringValue text) {
        Label notice = new Label();
        notice.setId(id);
        notice.setWrapText(true);
        notice.getStyleClass().add("notice");
        notice.textProperty().bind(text);
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        return notice;
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
