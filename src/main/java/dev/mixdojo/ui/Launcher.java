package dev.mixdojo.ui;

import javafx.application.Application;

/**
 * Starts the app from a plain {@code main}: the Java launcher refuses a main class that extends
 * {@code Application} when JavaFX is on the class path (as in the runnable jar). It launches
 * {@code MixDojo}, the app under the window class desktops know it by, found by name since a
 * class in no package cannot be named in code.
 */
public final class Launcher {
    /** The app's class as JavaFX launches it; its name is the window's class (WM_CLASS). */
    public static final String APP_CLASS = "MixDojo";
    /** The argument that makes the app print how long it took to start, then quit. */
    public static final String TIME_START = "--time-start";

    private Launcher() {
    }

    /** Opens the window and returns when it is closed. */
    public static void main(String[] args) {
        AppServices.startBeforeJavaFx();
        Application.launch(appClass(), args);
    }

    private static Class<? extends Application> appClass() {
        try {
            return Class.forName(APP_CLASS).asSubclass(Application.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the app class " + APP_CLASS + " is not on the class path", e);
        }
    }
}
