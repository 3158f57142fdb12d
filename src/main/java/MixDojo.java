import dev.mixdojo.ui.MixDojoApp;

/**
 * The desktop app under the name desktops know it by. JavaFX's GTK glass names the window's X11
 * class (WM_CLASS) after the Application class's full name, so this class lives in no package: its
 * name, "MixDojo", is the window's class, which the desktop entry's {@code StartupWMClass} matches
 * to group the window under MixDojo's icon. {@link dev.mixdojo.ui.Launcher} starts it.
 */
public final class MixDojo extends MixDojoApp {
    /** Starts the app as {@link dev.mixdojo.ui.Launcher} does (JavaFX's launcher calls it: {@code mvn javafx:run}). */
    public static void main(String[] args) {
        dev.mixdojo.ui.Launcher.main(args);
    }
}
