package dev.mixdojo.material;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixdojo.base.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * All exercise material: the built-in songs and signals described in {@code audio-exercises/},
 * rendered on demand (the catalog of each is cached by content hash in the user's cache folder).
 * Not thread-safe; one per operation.
 */
public final class MaterialLibrary {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path builtIns;
    private final Path cache;

    /** A library over the built-in folder, caching in {@code cacheFolder}. */
    public MaterialLibrary(Path builtInFolder, Path cacheFolder) {
        this.builtIns = builtInFolder;
        this.cache = cacheFolder;
    }

    /**
     * Finds the built-in material folder: the system property {@code mixdojo.exercises} or the
     * environment variable {@code MIXDOJO_EXERCISES}, else {@code audio-exercises} in the working
     * directory, else {@code ../audio-exercises} next to the jar (or classes folder).
     */
    public static Path locateBuiltIns() {
        Path code = null;
        try {
            code = Path.of(MaterialLibrary.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException | NullPointerException unknown) {
            // Without a code location only the other two places are tried.
        }
        return locateBuiltIns(System.getProperty("mixdojo.exercises"), System.getenv(), Path.of("").toAbsolutePath(), code);
    }

    static Path locateBuiltIns(String property, Map<String, String> env, Path workingDirectory, Path codeLocation) {
        Optional<String> explicit = Optional.ofNullable(property).or(() -> Optional.ofNullable(env.get("MIXDOJO_EXERCISES")))
                .filter(value -> !value.isBlank());
        if (explicit.isPresent()) {
            Path folder = Path.of(explicit.get());
            if (!Files.isDirectory(folder)) {
                throw new BadInputException(folder, "is not a folder (MIXDOJO_EXERCISES should name the audio-exercises folder).");
            }
            return folder;
        }
        Path here = workingDirectory.resolve("audio-exercises");
        if (Files.isDirectory(here)) {
            return here;
        }
        if (codeLocation != null && codeLocation.getParent() != null) {
            Path besideJar = codeLocation.getParent().resolve("../audio-exercises").normalize();
            if (Files.isDirectory(besideJar)) {
                return besideJar;
            }
        }
        throw new BadInputException("The audio-exercises folder was not found: run MixDojo from its folder or set MIXDOJO_EXERCISES.");
    }

    /** The built-in materials' names (file names without {@code .yaml}), sorted. */
    public List<String> names() {
        try (Stream<Path> files = Files.list(builtIns)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The catalog of every material, in {@link #names()} order (renders what is not cached yet). */
    public List<CatalogEntry> catalog() {
        List<CatalogEntry> entries = new ArrayList<>();
        for (String name : names()) {
            entries.add(catalogEntry(name));
        }
        return entries;
    }

    /** The catalog entry of one material, from the cache or by rendering it with its default seed. */
    public CatalogEntry catalogEntry(String name) {
        Described described = describe(name);
        long seed = described.spec() instanceof Song song ? song.defaultSeed() : 1;
        Path cached = cache.resolve("catalog").resolve(ContentKey.of(described.bytes(), seed, Generator.VERSION) + ".json");
        if (Files.isRegularFile(cached)) {
            try {
                return JSON.readValue(cached.toFile(), CatalogEntry.class);
            } catch (IOException unreadable) {
                // A damaged cache entry is rebuilt below.
            }
        }
        Multitrack multitrack = Generator.render(described.spec(), seed);
        String kind = described.spec() instanceof Song ? "song" : "signal";
        CatalogEntry entry = CatalogEntry.of(multitrack, described.spec().title(), kind, described.spec().style());
        try {
            AtomicFiles.write(cached, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(entry));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entry;
    }

    /** Renders a built-in material with the given seed (or the file's own seed when empty). */
    public Multitrack render(String name, Optional<Long> seed) {
        Described described = describe(name);
        long defaultSeed = described.spec() instanceof Song song ? song.defaultSeed() : 1;
        return Generator.render(described.spec(), seed.orElse(defaultSeed));
    }

    private record Described(MaterialSpec spec, byte[] bytes) {
    }

    private Described describe(String name) {
        Path file = builtIns.resolve(name + ".yaml");
        if (!name.matches("[a-z0-9][a-z0-9-]*") || !Files.isRegularFile(file)) {
            throw new BadInputException("There is no material called '" + name + "' (try: mixdojo material list).");
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            return new Described(SongFile.parse(file, bytes), bytes);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot be read (" + e.getMessage() + ").", e);
        }
    }
}
