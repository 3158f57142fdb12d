package dev.mixdojo.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A scratch folder for fuzz tests that must hand their input to a reader as a file. */
public final class FuzzFiles {
    private FuzzFiles() {
    }

    /** A path in a fresh temporary folder (in memory under /dev/shm when there is one, for speed). */
    public static Path scratch(String name) {
        try {
            Path shm = Path.of("/dev/shm");
            Path folder = Files.isDirectory(shm) && Files.isWritable(shm)
                    ? Files.createTempDirectory(shm, "mixdojo-fuzz-") : Files.createTempDirectory("mixdojo-fuzz-");
            folder.toFile().deleteOnExit();
            Path file = folder.resolve(name);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
