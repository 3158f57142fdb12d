package dev.mixdojo.ui.settings;

import dev.mixdojo.ui.Theme;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Preferences: the colour theme. */
public final class SettingsView extends VBox {
    public SettingsView() {
        getStyleClass().addAll("screen", "settings");
        Label title = new Label("Settings");
        title.getStyleClass().add("title");
        ToggleGroup themes = new ToggleGroup();
        HBox themeRow = new HBox(12, new Label("Theme"));
        themeRow.getStyleClass().add("row");
        for (Theme theme : Theme.values()) {
            String name = theme.name().charAt(0) + theme.name().substring(1).toLowerCase();
            RadioButton choice = new RadioButton(name);
            choice.setId("theme-" + theme.name().toLowerCase());
            choice.setToggleGroup(themes);
            choice.setSelected(theme == Theme.LIGHT);
            choice.setOnAction(e -> Theme.apply(getScene(), theme));
            themeRow.getChildren().add(choice);
        }
        getChildren().addAll(title, themeRow);
    }
}
