package dev.mixdojo.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.ui.Screen;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellViewModelTest {
    private final ShellViewModel model = new ShellViewModel(List.of(
            new Screen("home", "Home", () -> null),
            new Screen("settings", "Settings", () -> null)));

    @Test
    void startsOnTheFirstScreen() {
        assertThat(model.currentProperty().get().id()).isEqualTo("home");
    }

    @Test
    void showsScreensByIndexAndId() {
        model.show(1);
        assertThat(model.currentProperty().get().id()).isEqualTo("settings");
        model.show("home");
        assertThat(model.currentProperty().get().id()).isEqualTo("home");
    }

    @Test
    void ignoresUnknownTargets() {
        model.show(7);
        model.show("nowhere");
        assertThat(model.currentProperty().get().id()).isEqualTo("home");
    }
}
