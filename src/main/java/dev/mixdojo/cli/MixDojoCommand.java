package dev.mixdojo.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code mixdojo} command; each feature adds a subcommand here. */
@Command(
        name = "mixdojo",
        mixinStandardHelpOptions = true,
        version = "MixDojo 0.1.0",
        description = "Ear training and mix feedback for people learning to mix.",
        subcommands = {
            picocli.CommandLine.HelpCommand.class,
            GuiCommand.class,
            InfoCommand.class,
            ConvertCommand.class,
            ProcessCommand.class,
            AssignmentCommand.class,
            GradebookCommand.class,
            AnalyzeCommand.class,
            MaterialCommand.class,
            LessonsCommand.class,
            RenderQuestionCommand.class,
            CheckStemsCommand.class,
            ScoreMixCommand.class,
        })
public final class MixDojoCommand implements Runnable {

    @Option(names = "--debug", description = "Print stack traces for errors.", scope = picocli.CommandLine.ScopeType.INHERIT)
    boolean debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
