package dev.mixdojo.ui.shell;

import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.Notices;
import dev.mixdojo.ui.Screen;
import dev.mixdojo.ui.Shortcuts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The window's frame: a navigation column on the left and the current screen in the centre.
 * Each screen's keys open it (Ctrl+1 … Ctrl+9, Ctrl+Shift+A/G/P), Ctrl+Q quits; Tab and the arrow
 * keys move between navigation buttons. A bar
 * at the bottom says so when there is no audio output, and a notice above it when the saved settings
 * could not all be used.
 */
public final class ShellView extends BorderPane {
    private final Map<Screen, Node> built = new HashMap<>();

    public ShellView(ShellViewModel model, AudioOutput audio, ObservableStringValue settingsNotice) {
        getStyleClass().add("shell");
        ToggleGroup group = new ToggleGroup();
        VBox nav = new VBox();
        nav.getStyleClass().add("nav");
        Label brand = new Label("MixDojo");
        brand.getStyleClass().add("brand");
        nav.getChildren().add(brand);
        List<Screen> screens = model.screens();
        for (int i = 0; i < screens.size(); i++) {
            Screen screen = screens.get(i);
            ToggleButton button = new ToggleButton(screen.title());
            button.setId("nav-" + screen.id());
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAccessibleText(screen.keys().isEmpty() ? screen.title() : screen.title() + " (" + screen.keys() + ")");
            button.setOnAction(e -> model.show(screen.id()));
            nav.getChildren().add(button);
        }
        setLeft(nav);
        // A toggle group lets a click deselect the current button; the current screen stays chosen.
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });

        Label audioNotice = new Label();
        audioNotice.setId("audio-notice");
        audioNotice.setWrapText(true);
        audioNotice.setMaxWidth(Double.MAX_VALUE);
        audioNotice.getStyleClass().add("status-bar");
        audioNotice.textProperty().bind(Bindings.createStringBinding(
                () -> audio.engine().status().sentence(), audio.engineProperty()));
        audioNotice.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> !audio.engine().status().available(), audio.engineProperty()));
        audioNotice.managedProperty().bind(audioNotice.visibleProperty());
        Label settings = Notices.label("settings-notice", settingsNotice);
        settings.setMaxWidth(Double.MAX_VALUE);
        setBottom(new VBox(settings, audioNotice));

        model.currentProperty().addListener((obs, old, screen) -> showScreen(screen, group));
        showScreen(model.currentProperty().get(), group);

        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                return;
            }
            for (Screen screen : screens) {
                if (!screen.keys().isEmpty()) {
                    scene.getAccelerators().put(keys(screen.keys()), () -> model.show(screen.id()));
                }
            }
            // Ctrl+Q closes the window, which quits the app (and stops the audio) as the close box does.
            scene.getAccelerators().put(keys(Shortcuts.QUIT.keys()), () -> scene.getWindow().hide());
        });
    }

    /** The combination that {@code keys} names, e.g. "Ctrl+Shift+A" (Ctrl is Cmd on a Mac). */
    private static KeyCombination keys(String keys) {
        return KeyCombination.valueOf(keys.replace("Ctrl+", "Shortcut+"));
    }

    private void showScreen(Screen screen, ToggleGroup group) {
        setCenter(built.computeIfAbsent(screen, s -> s.view().get()));
        group.getToggles().stream()
                .filter(t -> ((ToggleButton) t).getId().equals("nav-" + screen.id()))
                .findFirst()
                .ifPresent(t -> t.setSelected(true));
    }
}
