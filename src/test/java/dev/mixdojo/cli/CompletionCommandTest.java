package dev.mixdojo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mixdojo generate-completion}: a bash (and zsh) script that completes every command and option. */
class CompletionCommandTest {
    @TempDir
    Path dir;

    @Test
    void theScriptCompletesCommandsSubcommandsAndOptionsInBash() throws Exception {
        CliRunner run = CliRunner.run("generate-completion");
        assertThat(run.exitCode()).isZero();
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed");
        Path script = Files.writeString(dir.resolve("mixdojo-completion.bash"), run.out());

        assertThat(complete(script, "mixdojo ma")).isEqualTo("material");
        assertThat(complete(script, "mixdojo material s")).isEqualTo("set");
        assertThat(complete(script, "mixdojo material set mine --exc")).isEqualTo("--excerpt-start");
        assertThat(complete(script, "mixdojo render --mat")).isEqualTo("--material");
    }

    /** What bash's completion offers for {@code line} (the word being typed is the last one). */
    private static String complete(Path script, String line) throws Exception {
        String command = "source '" + script + "'; COMP_LINE='" + line + "'; COMP_WORDS=(" + line + "); "
                + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_POINT=${#COMP_LINE}; _complete_mixdojo; echo \"${COMPREPLY[*]}\"";
        Process bash = new ProcessBuilder("/bin/bash", "-c", command)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start(); // compopt complains outside a real completion
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(bash.waitFor()).as(out).isZero();
        return out;
    }
}
