package dev.mixdojo.ui;

import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/**
 * A view follows a value that outlives it (the progress store, the settings) only while the view is
 * in a scene: the listener is added, and called with the value at once, when the view is shown, and
 * removed when it leaves; so a hidden view neither works nor is kept alive by what it listens to.
 */
public final class WhileShown {
    private WhileShown() {
    }

    /** Calls {@code onChange} with {@code value} now (if {@code view} is shown), each time it changes while shown, and on each showing. */
    public static <T> void follow(Node view, ObservableValue<T> value, Consumer<T> onChange) {
        ChangeListener<T> listener = (obs, old, now) -> onChange.accept(now);
        view.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && old == null) {
                value.addListener(listener);
                onChange.accept(value.getValue());
            } else if (scene == null) {
                value.removeListener(listener);
            }
        });
        if (view.getScene() != null) {
            value.addListener(listener);
            onChange.accept(value.getValue());
        }
    }
}
