package dev.mixdojo.classroom;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.base.AtomicFiles;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The student's side of an assignment's homework mix: the stems and the reference mix taken out of
 * the pack to mix in any DAW, and the bounced mix handed in under the student's name, the way
 * {@code grade-mixes} reads a class's mixes ({@code Ana Souza.wav}).
 */
public final class HomeworkMix {
    private HomeworkMix() {
    }

    /** Where the material was put: the stems' folder and the reference mix beside it. */
    public record Saved(Path stemsFolder, Path reference) {
    }

    /**
     * Unpacks the challenge's stems into {@code folder}/&lt;the stems' folder name&gt;/ and the reference
     * mix into {@code folder}, checking every byte against the pack on the way.
     */
    public static Saved saveMaterial(OpenedPack pack, Path folder) {
        AssignmentMixChallenge challenge = challenge(pack);
        pack.unpackMaterial(challenge.allEntries(pack.entryNames()), folder);
        return new Saved(OpenedPack.unpackedAt(folder, challenge.stemsFolder()),
                OpenedPack.unpackedAt(folder, challenge.targetEntry()));
    }

    /**
     * Hands in {@code mix}: checks that it reads as audio and is not silent, then copies it to
     * {@code resultsFolder}/&lt;assignment id&gt;/&lt;student&gt;.&lt;its extension&gt;, replacing an
     * earlier hand-in, whatever its format. Returns the copy. A file that cannot be handed in gets one
     * sentence naming it, and nothing is written.
     */
    public static Path handIn(OpenedPack pack, String student, Path mix, Path resultsFolder) {
        challenge(pack);
        String name = ResultsWriter.studentName(student);
        String file = mix.getFileName().toString();
        if (!AssignmentMixChallenge.isAudio(file)) {
            throw new BadInputException(mix, "is not named as an audio file (.wav, .aiff, .flac, .mp3, .ogg, .m4a):"
                    + " bounce your mix to one.");
        }
        AudioBuffer audio = AudioFiles.read(mix, new Warnings());
        if (MixGrader.isSilent(audio)) {
            throw new BadInputException(mix, "is silent: bounce your mix again and hand that in.");
        }
        String extension = file.substring(file.lastIndexOf('.')).toLowerCase(Locale.ROOT);
        Path folder = resultsFolder.resolve(pack.assignment().id());
        Path copy = folder.resolve(fileSafe(name) + extension);
        if (!copy.toAbsolutePath().normalize().getParent().equals(folder.toAbsolutePath().normalize())) {
            throw new BadInputException(mix, "cannot be handed in under the name '" + name + "'; type your name again.");
        }
        copy(mix, copy);
        // An earlier hand-in in another format would be graded too: this one replaces it.
        for (String other : AudioFiles.EXTENSIONS.stream().map(e -> "." + e).toList()) {
            Path earlier = folder.resolve(fileSafe(name) + other);
            if (!other.equals(extension)) {
                try {
                    Files.deleteIfExists(earlier);
                } catch (IOException e) {
                    throw new BadInputException(earlier, "was handed in earlier and cannot be removed (" + e.getMessage()
                            + "); remove it yourself, or your teacher grades both.", e);
                }
            }
        }
        return copy;
    }

    private static AssignmentMixChallenge challenge(OpenedPack pack) {
        return pack.assignment().mixChallenge().orElseThrow(() -> new BadInputException(pack.file(),
                "has no homework mix."));
    }

    /** The student's name as a file name: characters no file system takes become '-'. */
    static String fileSafe(String name) {
        String safe = name.replaceAll("[/\\\\:*?\"<>|]", "-").strip();
        return safe.startsWith(".") ? "-" + safe.substring(1) : safe;
    }

    private static void copy(Path from, Path to) {
        AtomicFiles.write(to, out -> Files.copy(from, out));
    }
}
