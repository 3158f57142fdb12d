package dev.mixdojo.ui;

import java.util.function.Consumer;

/**
 * Lets a screen open another (e.g. a lesson's "Start drill" opens Practice) without knowing the
 * shell: the app attaches the shell's {@code show(id)} once the shell exists. JavaFX thread only.
 */
public final class Navigation {
    private Consumer<String> shell = id -> { };

    /** Connects the shell that shows screens by id. */
    public void attach(Consumer<String> showScreen) {
        shell = showScreen;
    }

    /** Shows the screen with this id (ignored before a shell is attached, or for an unknown id). */
    public void show(String screenId) {
        shell.accept(screenId);
    }
}
