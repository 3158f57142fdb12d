package dev.mixdojo.classroom;

import dev.mixdojo.base.BadInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary file in the same folder and a rename, so a reader (or a
 * crash) sees either the old file or the whole new one, never half of it.
 */
public final class AtomicWrite {

    /** Writes the body of a file to a stream. */
    @FunctionalInterface
    public interface Body {
        /** Writes the whole content; the stream is closed by the caller. */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicWrite() {
    }

    /** Replaces {@code target} with what {@code body} writes; a BadInputException names the file when it cannot. */
    public static void write(Path target, Body body) {
        Path parent = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(parent);
            temp = Files.createTempFile(parent, "." + target.getFileName() + "-", ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                body.writeTo(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new BadInputException(target, "could not be written ("
                    + (reason.contains("No space left") ? "the disk is full" : reason) + ").", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The temporary file is only litter; the target is already complete or untouched.
                }
            }
        }
    }

    /** Replaces {@code target} with the given bytes. */
    public static void write(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes));
    }
}
