package dev.mixdojo.base;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Function;

/**
 * Writes a file through a temporary file in the same folder and a rename, so a reader (or a
 * crash) sees either the old file or the whole new one, never half of it. The one place MixDojo
 * replaces a user's file.
 */
public final class AtomicFiles {

    /** Writes the body of a file to a stream. */
    @FunctionalInterface
    public interface Body {
        /** Writes the whole content; the stream is closed by the caller. */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
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
            throw cannotWrite(target, e);
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

    /**
     * The sentence for a failed write of {@code target}: names the file and says whether the disk is
     * full, read-only or the folder is not writable, and that the earlier file (if any) is untouched.
     */
    public static BadInputException cannotWrite(Path target, IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String why;
        if (reason.contains("No space left") || reason.contains("Disk quota")) {
            why = "the disk is full; free some space and try again";
        } else if (reason.contains("Read-only file system")) {
            why = "the disk is read-only; choose another folder";
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            why = "permission denied in its folder; choose a folder you can write to";
        } else {
            why = reason;
        }
        return new BadInputException(target, "could not be written (" + why + "); any earlier file of that name is"
                + " unchanged.", e);
    }

    /** Replaces {@code target} with the given bytes. */
    public static void write(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes));
    }

    /** Replaces {@code target} with the text in UTF-8. */
    public static void writeString(Path target, String text) {
        write(target, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Makes a temporary folder, gives it to {@code use} and deletes it afterwards (a folder that cannot be deleted is
     * left: it costs disk space only); a folder that cannot be made is a BadInputException saying what it was for.
     */
    public static <T> T withTemporaryFolder(String prefix, String purpose, Function<Path, T> use) {
        Path work;
        try {
            work = Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new BadInputException("A temporary folder for " + purpose + " could not be made (" + e.getMessage()
                    + ").", e);
        }
        try {
            return use.apply(work);
        } finally {
            try {
                deleteTree(work);
            } catch (IOException e) {
                // Left behind: disk space only.
            }
        }
    }

    /** Deletes a staging folder and everything in it, if it exists (a folder made to be renamed into place). */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
