package dev.mixdojo.grading;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.mix.MixSession;
import dev.mixdojo.mix.MixSessionReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Scores a mix read from files: the one place the {@code score-mix} command and the Homework screen share. */
public final class MixScoreFiles {
    private MixScoreFiles() {
    }

    /**
     * Scores {@code mixFile} against {@code targetFile} (a reference WAV/AIFF, or a mix session {@code .yaml}
     * whose tracks name the stems), both made from the stems in {@code stemsFolder}; read warnings go to
     * {@code warnings}.
     */
    public static MixScore score(Path stemsFolder, Path mixFile, Path targetFile, Warnings warnings) {
        String targetName = targetFile.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean session = targetName.endsWith(".yaml") || targetName.endsWith(".yml");
        MixSession targetSession = session ? MixSessionReader.read(targetFile) : null;
        List<StemAudio> stems = readStems(stemsFolder, warnings);
        AudioBuffer mix = AudioFiles.read(mixFile, warnings);
        if (!session) {
            return MixScorer.score(stems, mix, AudioFiles.read(targetFile, warnings));
        }
        try {
            return SessionScoring.score(stems, mix, targetSession);
        } catch (BadInputException e) {
            throw new BadInputException(targetFile, e.getMessage() + ".", e);
        }
    }

    /** Every WAV or AIFF file of the folder, in name order, named by its file name without extension. */
    public static List<StemAudio> readStems(Path folder, Warnings warnings) {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder, "is not a folder of stems.");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches("[^.].*\\.(wav|wave|aif|aiff|aifc)"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(folder, "cannot be listed: " + e.getMessage() + ".", e);
        }
        if (files.isEmpty()) {
            throw new BadInputException(folder, "holds no WAV or AIFF stems.");
        }
        return files.stream().map(f -> {
            String name = f.getFileName().toString();
            return new StemAudio(name.substring(0, name.lastIndexOf('.')), AudioFiles.read(f, warnings));
        }).toList();
    }
}
