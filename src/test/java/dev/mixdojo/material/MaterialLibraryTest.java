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
