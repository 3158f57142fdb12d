package dev.mixdojo.material;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.base.AtomicFiles;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.material.synth.SynthMath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Imports a folder or zip of stems, or a single song or loop, in any format MixDojo reads, as a
 * material: each file resampled to 48 kHz and stored as 32-bit float WAV, roles guessed from the
 * file names, and an editable {@code material.yaml}; a song also gets its tempo and the stretch
 * its drills play ({@link OwnSong}). A stem that cannot be read is named in a warning and the rest
 * still import. Zip entries that would land outside the target folder refuse the whole zip. The
 * material appears at once or not at all (built in a hidden folder, then renamed).
 */
final class Importer {
    private static final int MAX_DEPTH = 3;

    private Importer() {
    }

    static ImportedMaterial importMaterial(Path source, String name, Path materialsFolder, Warnings warnings) {
        if (!Files.exists(source)) {
            throw new BadInputException(source, "no such file or folder.");
        }
        Path target = materialsFolder.resolve(name);
        if (Files.exists(target)) {
            throw new BadInputException(target, "already exists; choose another --name or delete that folder first.");
        }
        try {
            Files.createDirectories(materialsFolder);
            Path staging = Files.createTempDirectory(materialsFolder, "." + name + ".importing-");
            try {
                Path unpacked = staging.resolve("unpacked");
                Path output = Files.createDirectories(staging.resolve("material"));
                List<Path> files;
                if (Files.isDirectory(source)) {
                    files = audioFiles(source);
                } else if (source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    unzip(source, unpacked);
                    files = audioFiles(unpacked);
                } else if (AudioFiles.hasAudioName(source)) {
                    files = List.of(source);
                } else {
                    throw new BadInputException(source, "is not a folder, a zip or an audio file (WAV, AIFF, FLAC, MP3, Ogg Vorbis, AAC).");
                }
                if (files.isEmpty()) {
                    throw new BadInputException(source, "holds no audio files (WAV, AIFF, FLAC, MP3, Ogg Vorbis, AAC).");
                }
                ImportedMaterial material;
                try {
                    material = convert(source, name, files, output, warnings);
                    AtomicFiles.write(output.resolve(ImportedMaterial.FILE_NAME), material.toYamlBytes());
                } catch (BadInputException e) {
                    // A write into the hidden staging folder failed: name the folder the user asked for.
                    throw e.getCause() instanceof IOException io && e.getMessage().startsWith(staging.toString())
                            ? AtomicFiles.cannotWrite(target, io) : e;
                }
                Files.move(output, target, StandardCopyOption.ATOMIC_MOVE);
                return material;
            } finally {
                AtomicFiles.deleteTree(staging);
            }
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(target, e);
        }
    }

    private static ImportedMaterial convert(Path source, String name, List<Path> files, Path output, Warnings warnings) {
        List<ImportedMaterial.StemFile> stems = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Path file : files) {
            try {
                // Only the header here: a file we cannot read is skipped, while a write that fails stops the import.
                AudioFiles.openStream(file, new Warnings()).close();
            } catch (BadInputException broken) {
                warnings.add(broken.getMessage().replaceFirst("\\.?$", ".") + " That stem was skipped; the others were imported.");
                continue;
            }
            String fileName = file.getFileName().toString();
            String stemName = uniqueName(fileName, used);
            // Streamed block by block (resampled to 48 kHz on the way), so a stem of any length fits in memory.
            AudioFiles.convert(file, output.resolve(stemName + ".wav"), SynthMath.SAMPLE_RATE_HZ, SampleEncoding.FLOAT_32,
                    warnings);
            stems.add(new ImportedMaterial.StemFile(stemName + ".wav", stemName, Role.guess(fileName), 0, 0));
        }
        if (stems.isEmpty()) {
            throw new BadInputException(source, "none of its " + files.size() + " audio files could be read, so nothing was imported.");
        }
        String kind = "multitrack";
        Optional<OwnSong> song = Optional.empty();
        if (stems.size() == 1) {
            boolean loop = files.get(0).getFileName().toString().toLowerCase(Locale.ROOT).contains("loop");
            kind = loop ? "loop" : "song";
            ImportedMaterial.StemFile only = stems.get(0);
            Role role = only.role() == Role.OTHER && !loop ? Role.MIX : only.role();
            stems.set(0, new ImportedMaterial.StemFile(only.file(), only.name(), role, 0, 0));
            if (!loop && files.size() == 1) {
                song = songTiming(files.get(0), AudioFiles.read(output.resolve(only.file()), new Warnings()), warnings);
            }
        }
        String title = source.getFileName().toString().replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
        return new ImportedMaterial(name, title, kind, stems, song);
    }

    /** A song's tempo and drills' stretch, or a warning when it has no steady beat to find. */
    private static Optional<OwnSong> songTiming(Path file, AudioBuffer audio, Warnings warnings) {
        try {
            return Optional.of(OwnSong.of(audio));
        } catch (IllegalArgumentException noBeat) {
            warnings.add(file + ": no steady beat was found (" + noBeat.getMessage() + "), so drills that time a delay"
                    + " to the song will not use it; every other drill will.");
            return Optional.empty();
        }
    }

    /** A file-system-safe stem name from a file name: "01 Kick In.wav" → "01-kick-in"; unique within the material. */
    static String uniqueName(String fileName, Set<String> used) {
        String base = fileName.replaceFirst("\\.[A-Za-z0-9]{1,5}$", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.isEmpty() || base.equals("mix") || base.equals("material")) {
            base = "stem" + (base.isEmpty() ? "" : "-" + base);
        }
        String candidate = base;
        for (int n = 2; !used.add(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    /** The audio files under a folder (a few levels deep, as sessions keep "Audio Files" folders), sorted by path. */
    private static List<Path> audioFiles(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder, MAX_DEPTH)) {
            return paths.filter(Files::isRegularFile).filter(AudioFiles::hasAudioName)
                    .filter(p -> !p.toString().contains("__MACOSX")).sorted().toList();
        }
    }

    /** Extracts the zip's audio files into {@code folder}, after checking that no entry escapes it. */
    private static void unzip(Path zip, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path root = folder.toAbsolutePath().normalize();
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = archive.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                Path destination = root.resolve(entry.getName()).normalize();
                if (!destination.startsWith(root) || destination.equals(root)) {
                    throw new BadInputException(zip, "the entry '" + entry.getName()
                            + "' would land outside the target folder, so the zip was refused and nothing was imported.");
                }
                entries.add(entry);
            }
            for (ZipEntry entry : entries) {
                Path destination = root.resolve(entry.getName()).normalize();
                if (entry.isDirectory() || !AudioFiles.hasAudioName(destination)) {
                    continue;
                }
                Files.createDirectories(destination.getParent());
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (java.util.zip.ZipException | IllegalArgumentException e) {
            // ZipFile reports entry names that are not valid UTF-8 as IllegalArgumentException.
            throw new BadInputException(zip, "is not a readable zip file (" + e.getMessage() + ").", e);
        }
    }
}
