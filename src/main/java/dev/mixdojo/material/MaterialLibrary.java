package dev.mixdojo.material;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.AudioStream;
import dev.mixdojo.base.AtomicFiles;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.InstallFolders;
import dev.mixdojo.base.Warnings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.stream.Stream;

/**
 * All exercise material: the built-in songs and signals described in {@code audio-exercises/},
 * rendered on demand, and the multitracks imported into the user's data folder
 * ({@code materials/<name>/}). Renders and catalog entries are cached by content hash in the
 * user's cache folder. Not thread-safe; one per operation.
 */
public final class MaterialLibrary {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path builtIns;
    private final Path imported;
    private final Path cache;
    private final Optional<RenderMemory> memory;
    /** The mean squares asked of loaded buffers, kept as long as the buffers are: the memory's when there is one. */
    private final Map<AudioBuffer, Double> meanSquares;

    /**
     * A library over the built-in folder and the imported-materials folder (usually
     * {@code <data>/materials}), caching in {@code cacheFolder}.
     */
    public MaterialLibrary(Path builtInFolder, Path importedFolder, Path cacheFolder) {
        this(builtInFolder, importedFolder, cacheFolder, Optional.empty());
    }

    /**
     * As {@link #MaterialLibrary(Path, Path, Path)}, remembering the renders it loads in {@code memory}
     * (shared by the libraries of one running app) and writing a new render to the cache in the
     * background: the render is in memory, so the learner does not wait for the write.
     */
    public MaterialLibrary(Path builtInFolder, Path importedFolder, Path cacheFolder, Optional<RenderMemory> memory) {
        this.builtIns = builtInFolder;
        this.imported = importedFolder;
        this.cache = cacheFolder;
        this.memory = memory;
        this.meanSquares = memory.map(RenderMemory::meanSquares).orElseGet(() -> Collections.synchronizedMap(new WeakHashMap<>()));
    }

    /**
     * Finds the built-in material folder: the system property {@code mixdojo.exercises} or the
     * environment variable {@code MIXDOJO_EXERCISES}, else {@code audio-exercises} in the working
     * directory, else {@code ../audio-exercises} next to the jar (or classes folder).
     */
    public static Path locateBuiltIns() {
        return InstallFolders.locate("audio-exercises", "MIXDOJO_EXERCISES");
    }

    /** The built-in materials' names (file names without {@code .yaml}), sorted, then the imported ones, sorted. */
    public List<String> names() {
        List<String> names = new ArrayList<>(builtInNames());
        names.addAll(importedNames());
        return names;
    }

    private List<String> builtInNames() {
        try (Stream<Path> files = Files.list(builtIns)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> importedNames() {
        if (!Files.isDirectory(imported)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(imported)) {
            return folders.filter(f -> Files.isRegularFile(f.resolve(ImportedMaterial.FILE_NAME)))
                    .map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A summary of every material, read from the descriptions and file headers only (fast). */
    public List<MaterialSummary> summaries() {
        List<MaterialSummary> summaries = new ArrayList<>();
        for (String name : builtInNames()) {
            MaterialSpec spec = describe(name).spec();
            double durationS = spec instanceof Song song ? song.durationS() + Generator.TAIL_S : spec.durationS();
            summaries.add(new MaterialSummary(name, spec.title(), spec instanceof Song ? "song" : "signal", spec.style(),
                    Math.round(durationS * 100) / 100.0, spec.roles()));
        }
        for (String name : importedNames()) {
            Path folder = imported.resolve(name);
            ImportedMaterial material = ImportedMaterial.read(folder);
            double durationS = 0;
            for (ImportedMaterial.StemFile stem : material.stems()) {
                try (AudioStream stream = AudioFiles.openStream(folder.resolve(stem.file()), new Warnings())) {
                    durationS = Math.max(durationS, stream.durationS());
                }
            }
            summaries.add(new MaterialSummary(name, material.title(), "imported", material.kind(),
                    Math.round(durationS * 100) / 100.0, material.stems().stream().map(ImportedMaterial.StemFile::role).toList()));
        }
        return summaries;
    }

    /**
     * The tempo of a song in quarter notes per minute (for drills that time a delay to the song):
     * a built-in song's from its description, an imported song's as found and chosen at import;
     * empty for signals, multitracks and loops.
     */
    public OptionalDouble tempoBpm(String name) {
        return tempo(name).map(tempo -> OptionalDouble.of(tempo.bpm())).orElse(OptionalDouble.empty());
    }

    /**
     * The tempo and bar lines of a song as {@link #load} gives it: a built-in song's from its
     * description (a bar starts at 0), an imported song's as found and chosen at import, its bar lines
     * seen from the start of the stretch its drills play (which is what loads); empty for signals,
     * multitracks and loops.
     */
    public Optional<SongTempo> tempo(String name) {
        if (isImported(name)) {
            return ImportedMaterial.read(imported.resolve(name)).song().map(song -> song.tempo().from(song.excerptStartS()));
        }
        return describe(name).spec() instanceof Song song ? Optional.of(SongTempo.known(song.tempoBpm())) : Optional.empty();
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
        if (isImported(name)) {
            return importedCatalogEntry(name);
        }
        Described described = describe(name);
        long seed = described.spec() instanceof Song song ? song.defaultSeed() : 1;
        String kind = described.spec() instanceof Song ? "song" : "signal";
        return cachedEntry(ContentKey.of(described.bytes(), seed, Generator.VERSION), () -> CatalogEntry.of(
                Generator.render(described.spec(), seed), described.spec().title(), kind, described.spec().style()));
    }

    private CatalogEntry cachedEntry(String key, java.util.function.Supplier<CatalogEntry> compute) {
        Path cached = cache.resolve("catalog").resolve(key + ".json");
        if (Files.isRegularFile(cached)) {
            try {
                return JSON.readValue(cached.toFile(), CatalogEntry.class);
            } catch (IOException unreadable) {
                // A damaged cache entry is rebuilt below.
            }
        }
        CatalogEntry entry = compute.get();
        try {
            AtomicFiles.write(cached, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(entry));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entry;
    }

    /** Renders a built-in material with the given seed (or the file's own seed when empty), bypassing the cache. */
    public Multitrack render(String name, Optional<Long> seed) {
        Described described = describe(name);
        long defaultSeed = described.spec() instanceof Song song ? song.defaultSeed() : 1;
        return Generator.render(described.spec(), seed.orElse(defaultSeed));
    }

    /**
     * A material ready to play: a built-in one from the render cache (rendering and caching it
     * first if needed) with the given seed or its own, or an imported one from its folder (which
     * has no seed).
     */
    public Multitrack load(String name, Optional<Long> seed, Warnings warnings) {
        return load(name, seed, warnings, share -> { });
    }

    /**
     * The mean square of {@code loaded}, a buffer of material this library loaded ({@link AudioBuffer#meanSquare}),
     * worked out once while the buffer is in memory: every question compares its excerpt with the whole material,
     * and a three-minute song's sum took most of a warm drill's first question.
     */
    public double meanSquare(AudioBuffer loaded) {
        return meanSquares.computeIfAbsent(loaded, AudioBuffer::meanSquare);
    }

    /** Whether material {@code name} is ready without rendering: imported, or its default render in memory or cached. */
    public boolean rendered(String name) {
        if (isImported(name)) {
            return true;
        }
        Described described = describe(name);
        long seed = described.spec() instanceof Song song ? song.defaultSeed() : 1L;
        String key = ContentKey.of(described.bytes(), seed, Generator.VERSION);
        return memory.flatMap(m -> m.recall(key)).isPresent() || new RenderCache(cache).has(key);
    }

    /**
     * As {@link #load(String, Optional, Warnings)}, telling {@code progress} how much of a render
     * is done (0…1, a song's tracks one by one; 1 at once from the cache).
     */
    public Multitrack load(String name, Optional<Long> seed, Warnings warnings, DoubleConsumer progress) {
        return load(name, seed, warnings, progress, stem -> { });
    }

    /**
     * As {@link #load(String, Optional, Warnings, DoubleConsumer)}, handing {@code ready} each stem as soon as it is
     * there: one by one while a song renders (copies equal to the multitrack's stems), all at once from the cache.
     */
    public Multitrack load(String name, Optional<Long> seed, Warnings warnings, DoubleConsumer progress, Consumer<Stem> ready) {
        if (isImported(name)) {
            Multitrack imported = ImportedMaterial.read(this.imported.resolve(name)).load(this.imported.resolve(name), warnings);
            imported.stems().forEach(ready);
            progress.accept(1);
            return imported;
        }
        Described described = describe(name);
        long chosen = seed.orElse(described.spec() instanceof Song song ? song.defaultSeed() : 1L);
        String key = ContentKey.of(described.bytes(), chosen, Generator.VERSION);
        Optional<Multitrack> remembered = memory.flatMap(m -> m.recall(key));
        if (remembered.isPresent()) {
            remembered.get().stems().forEach(ready);
            progress.accept(1);
            return remembered.get();
        }
        RenderCache renders = new RenderCache(cache);
        boolean[] rendered = {false};
        Multitrack loaded = renders.load(key, name).orElseGet(() -> {
            rendered[0] = true;
            Multitrack multitrack = Generator.render(described.spec(), chosen, progress, ready);
            if (memory.isPresent()) {
                memory.get().write(() -> renders.store(key, multitrack));
            } else {
                renders.store(key, multitrack);
            }
            return multitrack;
        });
        memory.ifPresent(m -> m.keep(key, loaded));
        if (!rendered[0]) {
            loaded.stems().forEach(ready);
        }
        progress.accept(1);
        return loaded;
    }

    /**
     * Imports a folder or zip of stems, or one song or loop file, as material {@code name}
     * (lower-case letters, digits and '-'; not a built-in's name); stems that cannot be read go
     * to {@code warnings} and the rest import. One song (a full mix) also gets its tempo, to be
     * confirmed, halved or doubled with {@link #adjustSong}, and the stretch its drills play.
     */
    public ImportedMaterial importMaterial(Path source, String name, Warnings warnings) {
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new BadInputException("A material name must be lower-case letters, digits or '-', got '" + name + "'.");
        }
        if (builtInNames().contains(name)) {
            throw new BadInputException("'" + name + "' is the name of a built-in material; choose another --name.");
        }
        return Importer.importMaterial(source, name, imported, warnings);
    }

    /**
     * Changes an imported song's tempo choice and moves the stretch its drills play to the bar line
     * nearest {@code excerptStartS} (each when given), rewriting its {@code material.yaml}.
     */
    public ImportedMaterial adjustSong(String name, Optional<SongTempo.Choice> tempo, OptionalDouble excerptStartS) {
        if (!isImported(name)) {
            throw new BadInputException("There is no imported material called '" + name + "' (try: mixdojo material list).");
        }
        Path folder = imported.resolve(name);
        ImportedMaterial material = ImportedMaterial.read(folder);
        OwnSong song = material.song().orElseThrow(() -> new BadInputException("'" + name
                + "' has no tempo or excerpt to change: it is " + (material.kind().equals("song")
                        ? "a song without a steady beat." : "a " + material.kind() + ", not one song.")));
        if (tempo.isPresent()) {
            song = song.choosing(tempo.get());
        }
        if (excerptStartS.isPresent()) {
            double songS;
            try (AudioStream stream = AudioFiles.openStream(folder.resolve(material.stems().get(0).file()), new Warnings())) {
                songS = stream.durationS();
            }
            song = song.movedTo(excerptStartS.getAsDouble(), songS);
        }
        ImportedMaterial changed = material.withSong(song);
        AtomicFiles.write(folder.resolve(ImportedMaterial.FILE_NAME), changed.toYamlBytes());
        return changed;
    }

    private boolean isImported(String name) {
        return name.matches("[a-z0-9][a-z0-9-]*") && !Files.isRegularFile(builtIns.resolve(name + ".yaml"))
                && Files.isRegularFile(imported.resolve(name).resolve(ImportedMaterial.FILE_NAME));
    }

    /** Imported catalog entries are keyed by material.yaml and each stem file's size and time, not its bytes (stems are large). */
    private CatalogEntry importedCatalogEntry(String name) {
        Path folder = imported.resolve(name);
        ImportedMaterial material = ImportedMaterial.read(folder);
        StringBuilder identity = new StringBuilder(new String(material.toYamlBytes(), java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (ImportedMaterial.StemFile stem : material.stems()) {
                Path file = folder.resolve(stem.file());
                identity.append('\n').append(stem.file()).append(' ').append(Files.size(file)).append(' ')
                        .append(Files.getLastModifiedTime(file).toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = identity.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return cachedEntry(ContentKey.of(bytes, 0, Generator.VERSION),
                () -> CatalogEntry.of(material.load(folder, new Warnings()), material.title(), "imported", material.kind()));
    }

    /**
     * The stem names of a built-in song, read from its description (nothing is rendered); empty for any
     * other material. An unknown name is a BadInputException.
     */
    public Optional<List<String>> songStemNames(String name) {
        if (isImported(name)) {
            return Optional.empty();
        }
        return describe(name).spec() instanceof Song song ? Optional.of(song.tracks().stream().map(Song.Track::stem).toList())
                : Optional.empty();
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
