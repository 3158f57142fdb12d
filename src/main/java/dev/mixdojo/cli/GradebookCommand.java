package dev.mixdojo.cli;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.classroom.AssignmentPack;
import dev.mixdojo.classroom.Gradebook;
import dev.mixdojo.classroom.GradebookFormat;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mixdojo gradebook DIR}: a class's results side by side, with flags and per-question shares. */
@Command(name = "gradebook", mixinStandardHelpOptions = true,
        description = "Read a folder of results files: one row per student and what the class got right.")
final class GradebookCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Folder of results files (*.json).")
    Path folder;

    @Option(names = "--assignment", paramLabel = "FILE",
            description = "The assignment file: checks signatures, and gives the due date and pass mark.")
    Path assignment;

    @Option(names = "--format", paramLabel = "text|csv|json|html", defaultValue = "text",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    ReportOut output;

    @Override
    public void run() {
        GradebookFormat chosen = GradebookFormat.ofKey(format).orElseThrow(() -> new BadInputException(
                "--format must be one of " + String.join(", ", GradebookFormat.keys()) + ", got '" + format + "'."));
        Gradebook gradebook = Gradebook.read(folder, Optional.ofNullable(assignment).map(AssignmentPack::open));
        gradebook.warnings().forEach(spec.commandLine().getErr()::println);
        String rendered = chosen.render(gradebook);
        output.deliver(spec, rendered, gradebook.students().size() + " results files");
    }
}
