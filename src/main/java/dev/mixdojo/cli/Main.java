package dev.mixdojo.cli;

import dev.mixdojo.base.BadInputException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Entry point of {@code bin/mixdojo}. Exit codes: 0 success, 2 bad input (one sentence on
 * stderr), 1 internal fault (stack trace only with {@code --debug}).
 */
public final class Main {
    /** Exit code for input the user can fix. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code for a fault of ours. */
    public static final int EXIT_INTERNAL = 1;

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.exit(code);
    }

    /** Runs the command line in this process, printing to the given writers; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        CommandLine commandLine = commandLine(args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((ex, ignoredArgs) -> {
            err.println(ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return EXIT_BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (debug) {
                ex.printStackTrace(err);
            }
            String sentence = userSentence(ex);
            if (sentence != null) {
                err.println(sentence);
                err.flush();
                return EXIT_BAD_INPUT;
            }
            err.println("MixDojo hit an internal error (" + ex + "); run again with --debug for details.");
            err.flush();
            return EXIT_INTERNAL;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The command tree for these arguments: the root and, when the first argument after
     * {@code --debug} names a subcommand other than {@code help} and {@code generate-completion},
     * only that subcommand; otherwise every subcommand (root help, the help command, the shell
     * completion script, misspelt names with suggestions). Building one
     * subcommand instead of all saves picocli's reflection over the others (and the Jackson, YAML
     * and library classes their signatures load), about half of the start-up time of
     * {@code mixdojo analyze}.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine commandLine = new CommandLine(new MixDojoCommand());
        String first = java.util.Arrays.stream(args).filter(arg -> !arg.equals("--debug")).findFirst().orElse("");
        // Help and the completion script describe every subcommand, so they need the whole tree.
        List<Class<?>> named = MixDojoCommand.SUBCOMMANDS.stream()
                .filter(type -> type != CommandLine.HelpCommand.class && type != AutoComplete.GenerateCompletion.class
                        && namesOf(type).contains(first))
                .toList();
        for (Class<?> type : named.isEmpty() ? MixDojoCommand.SUBCOMMANDS : named) {
            commandLine.addSubcommand(type);
        }
        return commandLine;
    }

    private static List<String> namesOf(Class<?> type) {
        CommandLine.Command command = type.getAnnotation(CommandLine.Command.class);
        List<String> names = new ArrayList<>(List.of(command.aliases()));
        names.add(command.name());
        return names;
    }

    /** The sentence for an exception caused by the user's input or environment, or null for our faults. */
    static String userSentence(Throwable ex) {
        if (ex instanceof BadInputException) {
            return ex.getMessage();
        }
        Throwable io = ex instanceof UncheckedIOException ? ex.getCause() : ex;
        if (io instanceof NoSuchFileException missing) {
            return missing.getFile() + ": no such file.";
        }
        if (io instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied.";
        }
        if (io instanceof FileSystemException fs) {
            String reason = fs.getReason() == null ? "cannot be read or written" : fs.getReason();
            return fs.getFile() + ": " + reason + ".";
        }
        if (io instanceof java.io.IOException other && other.getMessage() != null
                && other.getMessage().contains("No space left on device")) {
            return "The disk is full: " + other.getMessage() + ".";
        }
        return null;
    }
}
