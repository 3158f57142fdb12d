package dev.mixdojo.material;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.base.AtomicFiles;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rendered built-in songs in the user's cache folder, one folder per content key
 * ({@code renders/<key>/}: a 32-bit float WAV per stem, {@code mix.wav} and {@code stems.json}).
 * A render is written to a temporary folder and renamed into place, so a reader sees all of it or
 * none of it. Not thread-safe.
 */
final class RenderCache {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path folder;

    RenderCache(Path cacheFolder) {
        this.folder = cacheFolder.resolve("renders");
    }

    /** How a cached stem is listed in {@code stems.json}. */
    record StemEntry(String name, Role role, double gainDb, double pan) {
    }

    /** Whether a render is cached under the key (without reading it). */
    boolean has(String key) {
        return Files.isRegularFile(folder.resolve(key).resolve("stems.json"));
    }

    /** The cached render for the key, or empty when there is none (or it is damaged). */
    Optional<Multitrack> load(String key, String name) {
        Path render = folder.resolve(key);
        Path manifest = render.resolve("stems.json");
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        try {
            List<StemEntry> entries = JSON.readValue(manifest.toFile(), new TypeReference<List<StemEntry>>() { });
            List<Stem> stems = new ArrayList<>();
            Warnings ignored = new Warnings();
            for (StemEntry entry : entries) {
                AudioBuffer audio = AudioFiles.read(render.resolve(entry.name() + ".wav"), ignored);
                stems.add(new Stem(entry.name(), entry.role(), audio, entry.gainDb(), entry.pan()));
            }
            AudioBuffer mix = AudioFiles.read(render.resolve("mix.wav"), ignored);
            return Optional.of(new Multitrack(name, stems, mix));
        } catch (IOException | BadInputException | UncheckedIOException damaged) {
            return Optional.empty();
        }
    }

    /** Stores a render under the key (replacing nothing that is already complete). */
    void store(String key, Multitrack multitrack) {
        Path target = folder.resolve(key);
        if (Files.isDirectory(target)) {
            return;
        }
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempDirectory(folder, "." + key + ".");
            try {
                List<StemEntry> entries = new ArrayList<>();
                for (Stem stem : multitrack.stems()) {
                    AudioFiles.write(temporary.resolve(stem.name() + ".wav"), stem.audio(), SampleEncoding.FLOAT_32);
                    entries.add(new StemEntry(stem.name(), stem.role(), stem.gainDb(), stem.pan()));
                }
                AudioFiles.write(temporary.resolve("mix.wav"), multitrack.mix(), SampleEncoding.FLOAT_32);
                JSON.writeValue(temporary.resolve("stems.json").toFile(), entries);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                AtomicFiles.deleteTree(temporary);
            }
        } catch (IOException e) {
            // Linux reports a rename onto a folder another thread or process stored first as a plain
            // FileSystemException ("Directory not empty"), not as DirectoryNotEmptyException: the stored copy is
            // identical, so a render that is now there is no failure.
            if (!Files.isDirectory(target)) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
