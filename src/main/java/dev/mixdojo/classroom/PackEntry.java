package dev.mixdojo.classroom;

import java.util.Objects;

/**
 * One file in an assignment pack as listed in its {@code manifest.json}.
 *
 * @param name      the entry's path inside the pack, '/'-separated
 * @param sizeBytes its size when unpacked, in bytes
 * @param sha256    the SHA-256 of its unpacked bytes, lower-case hex
 */
public record PackEntry(String name, long sizeBytes, String sha256) {
    public PackEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("size must not be negative, got " + sizeBytes);
        }
    }
}
