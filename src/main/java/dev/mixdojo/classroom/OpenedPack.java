package dev.mixdojo.classroom;

import java.nio.file.Path;
import java.util.List;

/**
 * An assignment pack that passed every check of {@link AssignmentPack#open}.
 *
 * @param file       where the pack is
 * @param assignment the assignment it holds
 * @param sha256     the SHA-256 of the whole pack file, lower-case hex; results name it
 * @param entries    the entries its manifest lists (all present and matching)
 */
public record OpenedPack(Path file, Assignment assignment, String sha256, List<PackEntry> entries) {
    public OpenedPack {
        entries = List.copyOf(entries);
    }

    /** The material files carried in the pack. */
    public List<PackEntry> material() {
        return entries.stream().filter(e -> e.name().startsWith(AssignmentPack.MATERIAL_FOLDER)).toList();
    }

    /** Unpacks the material under {@code target} (as {@code target/material/...}), verifying it again. */
    public void unpackMaterial(Path target) {
        AssignmentPack.unpackMaterial(this, target);
    }
}
