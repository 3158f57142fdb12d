package dev.mixdojo.classroom;

import dev.mixdojo.audio.AudioFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The homework mix of an assignment: the stems students mix and the target their mixes are scored
 * against, both carried in the pack as material. Immutable.
 *
 * @param stemsFolder the pack folder whose audio files (directly in it, in name order) are the stems,
 *                    e.g. {@code material/sunrise/}; ends in '/'
 * @param targetEntry the pack entry of the reference mix (an audio file), outside {@code stemsFolder}
 */
public record AssignmentMixChallenge(String stemsFolder, String targetEntry) {
    /** Checks both are safe material names and that the target is an audio file beside, not among, the stems. */
    public AssignmentMixChallenge {
        Objects.requireNonNull(stemsFolder, "stemsFolder");
        Objects.requireNonNull(targetEntry, "targetEntry");
        if (!stemsFolder.startsWith(AssignmentPack.MATERIAL_FOLDER) || !stemsFolder.endsWith("/")
                || stemsFolder.equals(AssignmentPack.MATERIAL_FOLDER) || EntryNames.unsafeBecause(stemsFolder).isPresent()) {
            throw new IllegalArgumentException("the mix challenge's stems '" + stemsFolder
                    + "' should be a folder under material/, ending in '/'");
        }
        if (!targetEntry.startsWith(AssignmentPack.MATERIAL_FOLDER) || !isAudio(targetEntry)
                || EntryNames.unsafeBecause(targetEntry).isPresent()) {
            throw new IllegalArgumentException("the mix challenge's target '" + targetEntry
                    + "' should be a WAV or AIFF file under material/");
        }
        if (isStem(targetEntry, stemsFolder)) {
            throw new IllegalArgumentException("the mix challenge's target '" + targetEntry
                    + "' should not be in the stems folder, or it would count as a stem");
        }
    }

    /** The stems among the pack entry names {@code entries}: audio files directly in {@link #stemsFolder}, in name order. */
    public List<String> stemEntries(List<String> entries) {
        return entries.stream().filter(name -> isStem(name, stemsFolder)).sorted().toList();
    }

    /** Every entry the challenge needs among {@code entries}: its stems, then its target. */
    public List<String> allEntries(List<String> entries) {
        List<String> all = new ArrayList<>(stemEntries(entries));
        all.add(targetEntry);
        return all;
    }

    /** Why the pack entry names {@code entries} cannot serve this challenge (no stems, or no target), or empty when they can. */
    Optional<String> missingFrom(List<String> entries) {
        if (stemEntries(entries).isEmpty()) {
            return Optional.of("the mix challenge's stems folder " + stemsFolder + " holds no audio files");
        }
        if (!entries.contains(targetEntry)) {
            return Optional.of("the mix challenge's target " + targetEntry + " is not in the pack");
        }
        return Optional.empty();
    }

    /** Whether a file name ends like an audio file MixDojo reads (any case). */
    static boolean isAudio(String name) {
        return AudioFiles.hasAudioName(name);
    }

    private static boolean isStem(String name, String folder) {
        return name.startsWith(folder) && name.indexOf('/', folder.length()) < 0 && isAudio(name)
                && !name.substring(folder.length()).startsWith(".");
    }
}
