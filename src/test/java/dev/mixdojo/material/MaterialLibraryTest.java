package dev.mixdojo.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    @Test
    void withAMemoryARenderIsLoadedOnceAndIsBitForBitTheCachedOne() throws IOException {
        Path library = Files.createDirectories(temp.resolve("lib"));
        Files.writeString(library.resolve("tone.yaml"), "kind: signal\nsignal: tone\ndurationS: 2\n");
        Path cache = temp.resolve("cache");
        RenderMemory memory = new RenderMemory();
        MaterialLibrary remembering = new MaterialLibrary(library, temp.resolve("imported"), cache, Optional.of(memory));
        Multitrack first = remembering.load("tone", Optional.empty(), new Warnings());
        // Another library of the same app, on the same memory: the same render, not read again.
        Multitrack again = new MaterialLibrary(library, temp.resolve("imported"), cache, Optional.of(memory))
                .load("tone", Optional.empty(), new Warnings());
        assertThat(again).isSameAs(first);
        assertThat(remembering.rendered("tone")).isTrue();
        // The render is written to the cache in the background (the app waits for it as it quits); read from
        // there it is the same audio, bit for bit.
        memory.finishWrites(Duration.ofSeconds(60));
        MaterialLibrary plain = new MaterialLibrary(library, temp.resolve("imported"), cache);
        assertThat(plain.rendered("tone")).as("the render is written to the cache").isTrue();
        Multitrack cached = plain.load("tone", Optional.empty(), new Warnings());
        assertThat(cached).isNotSameAs(first);
        assertThat(cached.mix().channels()).isDeepEqualTo(first.mix().channels());
    }

    @Test
    void aSongsStemsAreHandedOverOneByOneAsTheyRenderEqualToTheFinishedOnesAndFromTheCacheAllAtOnce() throws IOException {
        Path library = Files.createDirectories(temp.resolve("lib"));
        String song = Files.readString(MaterialLibrary.locateBuiltIns().resolve("pop-sunrise.yaml"))
                .replace("form: [intro, verse, chorus, verse, chorus, outro]", "form: [intro, chorus]");
        Files.writeString(library.resolve("short.yaml"), song);
        MaterialLibrary materials = new MaterialLibrary(library, temp.resolve("imported"), temp.resolve("cache"));
        List<String> order = new java.util.ArrayList<>();
        Map<String, AudioBuffer> early = new java.util.LinkedHashMap<>();
        List<Double> progressWhenReady = new java.util.ArrayList<>();
        double[] progress = {0};
        Multitrack rendered = materials.load("short", Optional.empty(), new Warnings(), share -> progress[0] = share, stem -> {
            order.add(stem.name());
            early.put(stem.name(), stem.audio());
            progressWhenReady.add(progress[0]);
        });
        assertThat(early.keySet()).containsExactlyInAnyOrderElementsOf(rendered.stems().stream().map(Stem::name).toList());
        assertThat(order.get(order.size() - 1)).as("the room hears the drums: it comes last").isEqualTo("room");
        assertThat(progressWhenReady.get(0)).as("the first stem comes before the render is done").isLessThan(0.2);
        for (Stem stem : rendered.stems()) {
            assertThat(early.get(stem.name()).channels()).as(stem.name()).isDeepEqualTo(stem.audio().channels());
        }
        List<String> cached = new java.util.ArrayList<>();
        new MaterialLibrary(library, temp.resolve("imported"), temp.resolve("cache"))
                .load("short", Optional.empty(), new Warnings(), share -> { }, stem -> cached.add(stem.name()));
        assertThat(cached).containsExactlyElementsOf(rendered.stems().stream().map(Stem::name).toList());
    }

    @Test
    void theMemoryKeepsTheRendersUsedLast() {
        RenderMemory memory = new RenderMemory();
        Multitrack a = new Multitrack("a", List.of(), AudioBuffer.silence(1, 1, 48_000));
        Multitrack b = new Multitrack("b", List.of(), AudioBuffer.silence(1, 1, 48_000));
        Multitrack c = new Multitrack("c", List.of(), AudioBuffer.silence(1, 1, 48_000));
        memory.keep("a", a);
        memory.keep("b", b);
        assertThat(memory.recall("a")).containsSame(a); // now the most recent
        memory.keep("c", c);
        assertThat(memory.recall("b")).isEmpty();
        assertThat(memory.recall("a")).containsSame(a);
        assertThat(memory.recall("c")).containsSame(c);
    }

    @Test
    void aLoadedBuffersMeanSquareIsWorkedOutOncePerMemory() {
        // A 1 kHz sine of amplitude 0.5 over whole cycles: mean square 0.5² / 2, in both channels.
        float[] sine = new float[48_000];
        for (int i = 0; i < sine.length; i++) {
            sine[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / 48_000.0));
        }
        AudioBuffer song = new AudioBuffer(new float[][] {sine, sine.clone()}, 48_000);
        assertThat(song.meanSquare()).isCloseTo(0.125, within(1e-6));
        RenderMemory memory = new RenderMemory();
        Path nowhere = temp.resolve("none");
        assertThat(new MaterialLibrary(nowhere, nowhere, nowhere, Optional.of(memory)).meanSquare(song)).isCloseTo(0.125, within(1e-6));
        // Another drill's library on the same memory answers from it: the sum is not made again (remembered
        // buffers are never written; this one is, only to show where the answer comes from).
        java.util.Arrays.fill(sine, 0);
        assertThat(new MaterialLibrary(nowhere, nowhere, nowhere, Optional.of(memory)).meanSquare(song)).isCloseTo(0.125, within(1e-6));
        assertThat(new MaterialLibrary(nowhere, nowhere, nowhere).meanSquare(song)).as("a library of its own sums again")
                .isCloseTo(0.0625, within(1e-6));
    }

    private static long catalogFiles(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache.resolve("catalog"))) {
            return files.filter(f -> f.toString().endsWith(".json")).count();
        }
    }
}
