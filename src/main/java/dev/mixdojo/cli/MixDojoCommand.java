package dev.mixdojo.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code mixdojo} command; each feature adds its subcommand to {@link #SUBCOMMANDS}. */
@Command(
        name = "mixdojo",
        mixinStandardHelpOptions = true,
        version = "MixDojo 0.1.0",
        description = "Ear training and mix feedback for people learning to mix.")
public final class MixDojoCommand implements Runnable {
    /**
     * Every subcommand class, in the order {@code mixdojo --help} lists them; each feature adds its
     * class here. Main builds only the one a command line names (picocli reflects over each class it
     * builds, which costs start-up time), and all of them for help and mistakes.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            GuiCommand.class,
            InfoCommand.class,
            ConvertCommand.class,
            ProcessCommand.class,
            AnalyzeCommand.class,
            MaterialCommand.class,
            LessonsCommand.class,
            RenderQuestionCommand.class,
            CheckStemsCommand.class,
            ScoreMixCommand.class,
            TranslationCommand.class,
            AssignmentCommand.class,
            GradebookCommand.class,
            GradeMixesCommand.class,
            ClassroomCommand.class,
            picocli.AutoComplete.GenerateCompletion.class,
            picocli.CommandLine.HelpCommand.class);

    @Option(names = "--debug", description = "Print stack traces for errors.", scope = picocli.CommandLine.ScopeType.INHERIT)
    boolean debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
