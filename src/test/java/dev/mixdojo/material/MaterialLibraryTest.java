package dev.mixdojo.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixdojo.base.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaterialLibraryTest {
    @TempDir
    Path temp;

    @Test
    void theExercisesFolderIsFoundByPropertyThenEnvironmentThenWorkingDirectoryThenBesideTheJar() throws IOException {
        Path byProperty = Files.createDirectories(temp.resolve("p"));
        Path byEnvironment = Files.createDirectories(temp.resolve("e"));
        Path work = Files.createDirectories(temp.resolve("work/audio-exercises")).getParent();
        Path repo = Files.createDirectories(temp.resolve("repo/audio-exercises")).getParent();
        Path jar = Files.createDirectories(repo.resolve("target")).resolve("mixdojo.jar");
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));

        assertThat(MaterialLibrary.locateBuiltIns(byProperty.toString(), Map.of("MIXDOJO_EXERCISES", byEnvironment.toString()), work, jar))
                .isEqualTo(byProperty);
        assertThat(MaterialLibrary.locateBuiltIns(null, Map.of("MIXDOJO_EXERCISES", byEnvironment.toString()), work, jar))
                .isEqualTo(byEnvironment);
        assertThat(MaterialLibrary.locateBuiltIns(null, Map.of(), work, jar)).isEqualTo(work.resolve("audio-exercises"));
        assertThat(MaterialLibrary.locateBuiltIns(null, Map.of(), elsewhere, jar)).isEqualTo(repo.resolve("audio-exercises"));
        assertThatThrownBy(() -> MaterialLibrary.locateBuiltIns(null, Map.of(), elsewhere, elsewhere.resolve("x.jar")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("MIXDOJO_EXERCISES");
    }

    @Test
    void theCatalogIsCachedByContentAndAChangedFileGetsANewEntry() throws IOException {
        Path library = Files.createDirectories(temp.resolve("lib"));
        Files.writeString(library.resolve("tone.yaml"), "kind: signal\nsignal: tone\ndurationS: 2\n");
        Path cache = temp.resolve("cache");
        MaterialLibrary materials = new MaterialLibrary(library, temp.resolve("imported"), cache);
        CatalogEntry first = materials.catalogEntry("tone");
        assertThat(first.stems()).singleElement().satisfies(s -> assertThat(s.bandEnergyDbAt(1000)).isGreaterThan(-0.1));
        assertThat(catalogFiles(cache)).isEqualTo(1);
        assertThat(materials.catalogEntry("tone")).isEqualTo(first);
        assertThat(catalogFiles(cache)).isEqualTo(1);

        Files.writeString(library.resolve("tone.yaml"), "kind: signal\nsignal: tone\ndurationS: 2\nfrequencyHz: 125\n");
        CatalogEntry changed = materials.catalogEntry("tone");
        assertThat(changed.stems().get(0).bandEnergyDbAt(125)).isGreaterThan(-0.1);
        assertThat(catalogFiles(cache)).isEqualTo(2);
    }

    private static long catalogFiles(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache.resolve("catalog"))) {
            return files.filter(f -> f.toString().endsWith(".json")).count();
        }
    }
}
