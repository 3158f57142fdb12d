package dev.mixdojo.cli;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.ui.Launcher;
import dev.mixdojo.ui.Screenshot;
import dev.mixdojo.ui.Theme;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mixdojo gui}: opens the desktop app, or draws one of its views into a PNG. */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the MixDojo desktop app.")
final class GuiCommand implements Callable<Integer> {
    @Option(names = "--screenshot", paramLabel = "FILE",
            description = "Draw one view with sample content into a PNG and exit (headless with Monocle, or under Xvfb).")
    Path screenshot;

    @Option(names = "--view", paramLabel = "VIEW", defaultValue = "home",
            description = "The view to draw: home, lesson, drill, drill-answered (a question answered as it plays), round-summary,"
                    + " mixer, progress, analyze, settings, exam, teacher or projector (default: ${DEFAULT-VALUE}).")
    String view;

    @Option(names = "--theme", paramLabel = "THEME", defaultValue = "light",
            description = "Colour theme of the screenshot: light or dark (default: ${DEFAULT-VALUE}).")
    String theme;

    @Option(names = "--time-start",
            description = "Print how long after the start of the JVM the window and Home's lessons showed, then quit.")
    boolean timeStart;

    @Override
    public Integer call() {
        if (screenshot == null) {
            Launcher.main(timeStart ? new String[] {Launcher.TIME_START} : new String[0]);
            return 0;
        }
        Theme chosen = switch (theme.toLowerCase(Locale.ROOT)) {
            case "light" -> Theme.LIGHT;
            case "dark" -> Theme.DARK;
            default -> throw new BadInputException("There is no theme '" + theme + "'; use light or dark.");
        };
        Screenshot.take(screenshot, view.toLowerCase(Locale.ROOT), chosen);
        return 0;
    }
}
