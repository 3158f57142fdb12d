package dev.mixdojo.cli;

import dev.mixdojo.ui.Launcher;
import picocli.CommandLine.Command;

/** {@code mixdojo gui}: opens the desktop app. */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the MixDojo desktop app.")
final class GuiCommand implements Runnable {
    @Override
    public void run() {
        Launcher.main(new String[0]);
    }
}
