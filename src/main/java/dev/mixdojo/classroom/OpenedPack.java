package dev.mixdojo.classroom;

import dev.mixdojo.base.AtomicFiles;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

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

    /** The names of all the entries, in manifest order. */
    public List<String> entryNames() {
        return entries.stream().map(PackEntry::name).toList();
    }

    /** The material files carried in the pack. */
    public List<PackEntry> material() {
        return entries.stream().filter(e -> e.name().startsWith(AssignmentPack.MATERIAL_FOLDER)).toList();
    }

    /**
     * Unpacks the material entries {@code names} under {@code target}, each at its path inside the
     * material folder, verifying every byte again.
     */
    public void unpackMaterial(Collection<String> names, Path target) {
        AssignmentPack.unpackMaterial(this, names, target);
    }

    /** Where {@link #unpackMaterial} puts the material entry {@code name}: material/week3/Kick.wav → target/week3/Kick.wav. */
    public static Path unpackedAt(Path target, String name) {
        return target.resolve(name.substring(AssignmentPack.MATERIAL_FOLDER.length()));
    }

    /**
     * Unpacks the material entries {@code names} into a temporary folder, gives that folder to
     * {@code use} and deletes it afterwards (a folder that cannot be deleted is left: it costs disk
     * space only).
     */
    public <T> T withMaterial(Collection<String> names, Function<Path, T> use) {
        return AtomicFiles.withTemporaryFolder("mixdojo-pack", "the assignment's material", work -> {
            unpackMaterial(names, work);
            return use.apply(work);
        });
    }
}
