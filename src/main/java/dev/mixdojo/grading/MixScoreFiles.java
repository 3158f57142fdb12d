package dev.mixdojo.grading;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.DaemonThreads;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.mix.LiveMix;
import dev.mixdojo.mix.MixSession;
import dev.mixdojo.mix.MixSessionReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** Scores a mix read from files: the one place the {@code score-mix} command and the Homework screen share. */
public final class MixScoreFiles {
    private MixScoreFiles() {
    }

    /**
     * Scores {@code mixFile} against {@code targetFile} (a reference WAV/AIFF, or a mix session {@code .yaml}
     * whose tracks name the stems), both made from the stems in {@code stemsFolder}; read warnings go to
     * {@code warnings}. The mix and the target are left out of the stems when they lie in the folder, and so is
     * any file that is not a stem ({@link StemSet}); the score names them.
     */
    public static MixScore score(Path stemsFolder, Path mixFile, Path targetFile, Warnings warnings) {
        String targetName = targetFile.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean session = targetName.endsWith(".yaml") || targetName.endsWith(".yml");
        MixSession targetSession = session ? MixSessionReader.read(targetFile) : null;
        StemSet stems = readStems(stemsFolder, warnings, List.of(mixFile, targetFile));
        AudioBuffer mix = AudioFiles.read(mixFile, warnings);
        if (!session) {
            return MixScorer.score(stems.stems(), mix, AudioFiles.read(targetFile, warnings)).withSetAside(stems.setAside());
        }
        try {
            return SessionScoring.score(stems.stems(), mix, targetSession).withSetAside(stems.setAside());
        } catch (BadInputException e) {
            throw new BadInputException(targetFile, e.getMessage() + ".", e);
        }
    }

    /**
     * The learner's mix with the score's suggestions applied: re-made from the stems ({@link EstimatedSession}), the
     * moves applied to it ({@code MixSession#withSuggestions}), rendered, written as a 24-bit WAV to {@code out}
     * (replaced atomically) and scored against the target.
     *
     * @param score the score of {@code mixFile} against {@code targetFile}, whose suggestions are applied
     */
    public static MixScore applySuggestions(Path stemsFolder, Path mixFile, Path targetFile, MixScore score, Path out,
            Warnings warnings) {
        StemSet stems = readStems(stemsFolder, warnings, List.of(mixFile, targetFile, out));
        Map<String, AudioBuffer> byName = SessionScoring.byName(stems.stems());
        MixSession learner = EstimatedSession.of(score.mix(), "homework");
        AudioBuffer followed = LiveMix.bounce(byName, learner.withSuggestions(score.suggestions()));
        AudioFiles.write(out, followed, SampleEncoding.PCM_24, warnings);
        String targetName = targetFile.getFileName().toString().toLowerCase(Locale.ROOT);
        if (targetName.endsWith(".yaml") || targetName.endsWith(".yml")) {
            return SessionScoring.score(stems.stems(), followed, MixSessionReader.read(targetFile)).withSetAside(stems.setAside());
        }
        return MixScorer.score(stems.stems(), followed, AudioFiles.read(targetFile, warnings)).withSetAside(stems.setAside());
    }

    /**
     * The stems of a folder: every audio file MixDojo reads ({@link AudioFiles#hasAudioName}), in name order, named by its file name without extension, read
     * two at a time, less the files that are not stems ({@link StemSet}) and the given files (a mix or a target kept
     * in the folder), which are set aside with their reasons.
     */
    public static StemSet readStems(Path folder, Warnings warnings, List<Path> notStems) {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder, "is not a folder of stems.");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile)
                    .filter(AudioFiles::hasAudioName)
                    .sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(folder, "cannot be listed: " + e.getMessage() + ".", e);
        }
        List<StemSet.SetAside> given = new ArrayList<>();
        List<Path> read = new ArrayList<>();
        for (Path f : files) {
            if (notStems.stream().anyMatch(n -> sameFile(n, f))) {
                given.add(new StemSet.SetAside(baseName(f), "the mix being scored or its target"));
            } else {
                read.add(f);
            }
        }
        if (read.isEmpty()) {
            throw new BadInputException(folder, "holds no audio stems (WAV, AIFF, FLAC, MP3, Ogg or AAC).");
        }
        // Decoding is most of the time here: every other file on a helper thread, with its own warnings.
        Warnings helperWarnings = new Warnings();
        CompletableFuture<List<StemAudio>> odd = CompletableFuture.supplyAsync(() -> readEvery(read, 1, helperWarnings),
                DaemonThreads.sideTasks());
        List<StemAudio> even = readEvery(read, 0, warnings);
        List<StemAudio> others = DaemonThreads.join(odd);
        helperWarnings.all().forEach(warnings::add);
        List<StemAudio> stems = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            stems.add(i % 2 == 0 ? even.get(i / 2) : others.get(i / 2));
        }
        StemSet set = StemSet.of(stems);
        List<StemSet.SetAside> aside = new ArrayList<>(given);
        aside.addAll(set.setAside());
        if (set.stems().isEmpty()) {
            throw new BadInputException(folder, "holds no stems, only files that are not stems.");
        }
        return new StemSet(set.stems(), aside);
    }

    private static List<StemAudio> readEvery(List<Path> files, int first, Warnings warnings) {
        List<StemAudio> out = new ArrayList<>();
        for (int i = first; i < files.size(); i += 2) {
            out.add(new StemAudio(baseName(files.get(i)), AudioFiles.read(files.get(i), warnings)));
        }
        return out;
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
