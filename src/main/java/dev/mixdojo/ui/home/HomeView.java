package dev.mixdojo.ui.home;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The start screen: what MixDojo is and where to begin. */
public final class HomeView extends VBox {
    public HomeView() {
        getStyleClass().addAll("screen", "home");
        Label title = new Label("Welcome to MixDojo");
        title.getStyleClass().add("title");
        Label intro = new Label("Train your ears for mixing: hear what an EQ boost, a compressor, a pan move or a "
                + "fader ride does, answer in the units engineers use, and check your own mixes against a target.");
        intro.setWrapText(true);
        intro.getStyleClass().add("body");
        getChildren().addAll(title, intro);
    }
}
