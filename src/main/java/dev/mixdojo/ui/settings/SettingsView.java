package dev.mixdojo.ui.settings;

import dev.mixdojo.progress.DailyGoal;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.LearnerSettings;
import dev.mixdojo.ui.Shortcuts;
import dev.mixdojo.ui.Theme;
import dev.mixdojo.ui.WhileShown;
import java.util.Arrays;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Preferences: audio output device and buffer, level roving, theme and projector scale, and the keyboard shortcuts. */
public final class SettingsView extends ScrollPane {
    public SettingsView(SettingsViewModel model) {
        getStyleClass().addAll("settings", "screen-scroll");
        setFitToWidth(true);
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
        apply.setAccessibleText("Apply the audio output and buffer");
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
            choice.setAccessibleText(name + " theme");
            choice.setUserData(theme);
            choice.setSelected(theme == model.themeProperty().get());
            look.add(choice, column++, 0);
        }
        themes.selectedToggleProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                model.themeProperty().set((Theme) chosen.getUserData());
            }
        });

        look.add(new Label("Scale"), 0, 1);
        CheckBox large = new CheckBox("Large, for projectors");
        large.setId("settings-large-scale");
        large.setAccessibleText("Large scale for projectors");
        large.selectedProperty().bindBidirectional(model.largeScaleProperty());
        look.add(large, 1, 1, 2, 1);

        Slider rove = new Slider(0, LearnerSettings.MAX_LEVEL_ROVE_DB, model.levelRoveDbProperty().get());
        rove.setId("settings-level-rove");
        rove.setMajorTickUnit(1);
        rove.setMinorTickCount(1);
        rove.setBlockIncrement(0.5);
        rove.setSnapToTicks(true);
        rove.setShowTickMarks(true);
        rove.setShowTickLabels(true);
        rove.setPrefWidth(240);
        // The setting (and so the settings file) takes the value when a drag ends, not at every step of it.
        rove.valueProperty().addListener((obs, old, now) -> {
            if (!rove.isValueChanging()) {
                model.levelRoveDbProperty().set(now.doubleValue());
            }
        });
        rove.valueChangingProperty().addListener((obs, was, changing) -> {
            if (!changing) {
                model.levelRoveDbProperty().set(rove.getValue());
            }
        });
        model.levelRoveDbProperty().addListener((obs, old, now) -> rove.setValue(now.doubleValue()));
        Label roveValue = new Label();
        roveValue.textProperty().bind(Bindings.createStringBinding(
                () -> SettingsViewModel.describeRove(rove.getValue()), rove.valueProperty()));
        rove.accessibleTextProperty().bind(Bindings.concat("Level roving: ", roveValue.textProperty()));
        Label roveHint = new Label("Both versions of each question play up to this much louder or quieter, so that "
                + "level alone never gives the answer away.");
        roveHint.setWrapText(true);
        roveHint.getStyleClass().add("hint");
        GridPane drills = new GridPane();
        drills.getStyleClass().add("form");
        drills.addRow(0, new Label("Level roving"), rove, roveValue);

        // The daily goal: Home counts the day, the streak and the week against it.
        Spinner<Integer> goalAmount = new Spinner<>(1, DailyGoal.Unit.QUESTIONS.most(), model.dailyGoalProperty().get().amount());
        goalAmount.setId("settings-goal-amount");
        goalAmount.setEditable(true);
        goalAmount.setPrefWidth(90);
        goalAmount.setAccessibleText("Daily goal, how many");
        ComboBox<String> goalUnit = new ComboBox<>(FXCollections.observableArrayList(
                Arrays.stream(DailyGoal.Unit.values()).map(DailyGoal.Unit::word).toList()));
        goalUnit.setId("settings-goal-unit");
        goalUnit.setAccessibleText("Daily goal, in questions or minutes");
        goalUnit.setValue(model.dailyGoalProperty().get().unit().word());
        Runnable chooseGoal = () -> {
            DailyGoal.Unit unit = Arrays.stream(DailyGoal.Unit.values()).filter(u -> u.word().equals(goalUnit.getValue()))
                    .findFirst().orElse(DailyGoal.Unit.QUESTIONS);
            model.dailyGoalProperty().set(new DailyGoal(Math.max(1, Math.min(unit.most(), goalAmount.getValue())), unit));
        };
        goalAmount.valueProperty().addListener((obs, old, now) -> chooseGoal.run());
        goalUnit.valueProperty().addListener((obs, old, now) -> chooseGoal.run());
        WhileShown.follow(this, model.dailyGoalProperty(), goal -> {
            goalAmount.getValueFactory().setValue(goal.amount());
            goalUnit.setValue(goal.unit().word());
        });
        drills.addRow(1, new Label("Daily goal"), new HBox(8, goalAmount, goalUnit));

        GridPane keys = new GridPane();
        keys.setId("settings-shortcuts");
        keys.getStyleClass().add("shortcuts");
        int row = 0;
        for (Shortcuts.Shortcut shortcut : model.shortcuts()) {
            Label key = new Label(shortcut.keys());
            key.getStyleClass().add("shortcut-key");
            Label action = new Label(shortcut.action());
            action.setAccessibleText(shortcut.keys() + ": " + shortcut.action());
            keys.addRow(row++, key, action);
        }

        Label audioHeading = new Label("Audio output");
        audioHeading.getStyleClass().add("heading");
        Label lookHeading = new Label("Appearance");
        lookHeading.getStyleClass().add("heading");
        Label drillsHeading = new Label("Drills");
        drillsHeading.getStyleClass().add("heading");
        Label keysHeading = new Label("Keyboard shortcuts");
        keysHeading.getStyleClass().add("heading");
        VBox content = new VBox(title, audioHeading, status, audio, drillsHeading, drills, roveHint, lookHeading, look,
                keysHeading, keys);
        content.getStyleClass().addAll("screen");
        setContent(content);
    }
}
