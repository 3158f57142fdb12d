package dev.mixdojo.ui.shell;

import dev.mixdojo.ui.Screen;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** Which screen the shell shows; navigation by index or id. JavaFX thread only. */
public final class ShellViewModel {
    private final List<Screen> screens;
    private final ObjectProperty<Screen> current = new SimpleObjectProperty<>();

    public ShellViewModel(List<Screen> screens) {
        if (screens.isEmpty()) {
            throw new IllegalArgumentException("the shell needs at least one screen");
        }
        this.screens = List.copyOf(screens);
        current.set(this.screens.get(0));
    }

    public List<Screen> screens() {
        return screens;
    }

    /** The screen being shown. */
    public ObjectProperty<Screen> currentProperty() {
        return current;
    }

    /** Shows the screen at the given 0-based index; out-of-range indexes are ignored. */
    public void show(int index) {
        if (index >= 0 && index < screens.size()) {
            current.set(screens.get(index));
        }
    }

    /** Shows the screen with the given id; unknown ids are ignored. */
    public void show(String id) {
        screens.stream().filter(s -> s.id().equals(id)).findFirst().ifPresent(current::set);
    }
}
