package dev.mixdojo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void helpListsTheCommandsAndExitsZero() {
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"--help"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(code).isZero();
        assertThat(out.toString()).contains("Usage: mixdojo").contains("Commands:");
    }

    @Test
    void anUnknownCommandIsBadInputWithOneClearLine() {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"frobnicate"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("frobnicate").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aNamedCommandIsTheOnlyOneBuiltAndHelpBuildsThemAll() {
        assertThat(Main.commandLine(new String[] {"--debug", "analyze", "x.wav"}).getSubcommands()).containsOnlyKeys("analyze");
        assertThat(Main.commandLine(new String[] {"--help"}).getSubcommands())
                .hasSize(MixDojoCommand.SUBCOMMANDS.size()).containsKeys("help", "analyze", "info");
        assertThat(Main.commandLine(new String[] {"help", "analyze"}).getSubcommands())
                .hasSize(MixDojoCommand.SUBCOMMANDS.size());
    }

    @Test
    void theDebugOptionStillReachesANamedCommand() {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"analyze", "--debug", "/no/such/file.wav"},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("no such file").contains("\tat ");
    }
}
