package dev.mixdojo.ui;

import javafx.application.Application;

/**
 * Starts the app from a plain {@code main}: the Java launcher refuses a main class that extends
 * {@code Application} when JavaFX is on the class path (as in the runnable jar).
 */
public final class Launcher {
    private Launcher() {
    }

    /** Opens the window and returns when it is closed. */
    public static void main(String[] args) {
        Application.launch(MixDojoApp.class, args);
    }
}
