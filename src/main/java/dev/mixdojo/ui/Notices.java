package dev.mixdojo.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;

/** The notice line screens show for a problem's sentence: wrapped, in the theme's notice colours, and gone when empty. */
public final class Notices {
    private Notices() {
    }

    /** A label with id {@code id} showing {@code text}, taking no space while the text is empty. */
    public static Label label(String id, ObservableStringValue text) {
        Label message = new Label();
        message.setId(id);
        message.setWrapText(true);
        message.getStyleClass().add("notice");
        message.textProperty().bind(text);
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }
}
