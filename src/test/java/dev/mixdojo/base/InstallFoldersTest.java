package dev.mixdojo.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallFoldersTest {
    @TempDir
    Path temp;

    @Test
    void aShippedFolderIsFoundByPropertyThenEnvironmentThenWorkingDirectoryThenBesideTheJar() throws IOException {
        Path byProperty = Files.createDirectories(temp.resolve("p"));
        Path byEnvironment = Files.createDirectories(temp.resolve("e"));
        Path work = Files.createDirectories(temp.resolve("work/audio-exercises")).getParent();
        Path repo = Files.createDirectories(temp.resolve("repo/audio-exercises")).getParent();
        Path jar = Files.createDirectories(repo.resolve("target")).resolve("mixdojo.jar");
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));

        assertThat(InstallFolders.locate("audio-exercises", "MIXDOJO_EXERCISES", byProperty.toString(), Map.of("MIXDOJO_EXERCISES", byEnvironment.toString()), work, jar))
                .isEqualTo(byProperty);
        assertThat(InstallFolders.locate("audio-exercises", "MIXDOJO_EXERCISES", null, Map.of("MIXDOJO_EXERCISES", byEnvironment.toString()), work, jar))
                .isEqualTo(byEnvironment);
        assertThat(InstallFolders.locate("audio-exercises", "MIXDOJO_EXERCISES", null, Map.of(), work, jar)).isEqualTo(work.resolve("audio-exercises"));
        assertThat(InstallFolders.locate("audio-exercises", "MIXDOJO_EXERCISES", null, Map.of(), elsewhere, jar)).isEqualTo(repo.resolve("audio-exercises"));
        assertThatThrownBy(() -> InstallFolders.locate("audio-exercises", "MIXDOJO_EXERCISES", null, Map.of(), elsewhere, elsewhere.resolve("x.jar")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("MIXDOJO_EXERCISES");
    }
}
