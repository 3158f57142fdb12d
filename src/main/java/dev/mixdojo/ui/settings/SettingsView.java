package dev.mixdojo.ui.settings;

import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.Theme;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Preferences: audio output device and buffer, and the colour theme. */
public final class SettingsView extends VBox {
    public SettingsView(SettingsViewModel model) {
        getStyleClass().addAll("screen", "settings");
        Label title = new Label("Settings");
        title.getStyleClass().add("title");

        ComboBox<String> output = new ComboBox<>(model.outputs());
        output.setId("settings-output");
        output.setAccessibleText("Audio output device");
        output.valueProperty().bindBidirectional(model.outputProperty());

        ComboBox<Integer> buffer = new ComboBox<>(FXCollections.observableArrayList(
                java.util.Arrays.stream(AudioOutput.BUFFER_SIZES_FRAMES).boxed().toList()));
        buffer.setId("settings-buffer");
        buffer.setAccessibleText("Audio buffer size");
        buffer.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer frames) {
                return frames == null ? "" : SettingsViewModel.describeBuffer(frames);
            }

            @Override
            public Integer fromString(String text) {
                return Integer.valueOf(text.split(" ")[0]);
            }
        });
        buffer.setValue(model.bufferFramesProperty().get());
        buffer.valueProperty().addListener((obs, old, frames) -> model.bufferFramesProperty().set(frames));

        Button apply = new Button("Apply");
        apply.setId("settings-apply");
        apply.setOnAction(e -> model.apply());

        Label status = new Label();
        status.setId("settings-audio-status");
        status.setWrapText(true);
        status.getStyleClass().add("notice");
        status.textProperty().bind(model.statusProperty());

        GridPane audio = new GridPane();
        audio.getStyleClass().add("form");
        audio.addRow(0, new Label("Output"), output);
        audio.addRow(1, new Label("Buffer"), buffer);
        audio.add(apply, 1, 2);

        ToggleGroup themes = new ToggleGroup();
        GridPane look = new GridPane();
        look.getStyleClass().add("form");
        look.add(new Label("Theme"), 0, 0);
        int column = 1;
        for (Theme theme : Theme.values()) {
            String name = theme.name().charAt(0) + theme.name().substring(1).toLowerCase();
            RadioButton choice = new RadioButton(name);
            choice.setId("theme-" + theme.name().toLowerCase());
            choice.setToggleGroup(themes);
            choice.setSelected(theme == Theme.LIGHT);
            choice.setOnAction(e -> Theme.apply(getScene(), theme));
            look.add(choice, column++, 0);
        }

        Label audioHeading = new Label("Audio output");
        audioHeading.getStyleClass().add("heading");
        Label lookHeading = new Label("Appearance");
        lookHeading.getStyleClass().add("heading");
        getChildren().addAll(title, audioHeading, status, audio, lookHeading, look);
    }
}
