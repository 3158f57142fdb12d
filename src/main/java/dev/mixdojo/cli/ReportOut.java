package dev.mixdojo.cli;

import dev.mixdojo.base.AtomicFiles;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The {@code --out PATH} option of report commands (a picocli mixin): the report goes to the terminal or, atomically, to a file. */
final class ReportOut {
    @Option(names = "--out", paramLabel = "PATH", description = "Write the report to this file instead of the terminal.")
    Path out;

    /** Prints {@code report}, or writes it to {@code --out} and prints one line ending in {@code summary}. */
    void deliver(CommandSpec spec, String report, String summary) {
        if (out == null) {
            spec.commandLine().getOut().print(report);
        } else {
            AtomicFiles.writeString(out, report);
            spec.commandLine().getOut().println("Wrote " + out + ": " + summary + ".");
        }
        spec.commandLine().getOut().flush();
    }
}
