package dev.mixdojo.cli;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.grading.MixScore;
import dev.mixdojo.grading.MixScoreFormat;
import dev.mixdojo.grading.MixScorer;
import dev.mixdojo.grading.SessionScoring;
import dev.mixdojo.grading.StemAudio;
import dev.mixdojo.mix.MixSession;
import dev.mixdojo.mix.MixSessionReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mixdojo score-mix}: scores a mix bounced from any DAW against a target bounced from the same stems. */
@Command(name = "score-mix", mixinStandardHelpOptions = true,
        header = "Score a mix against a target made from the same stems: level, pan, EQ, rides, compression, out of 100.",
        description = {"Estimates each stem's gain, pan, EQ and gain over time in your mix and in the target (DAW",
            "latency shifts are found), and scores level, pan, EQ, rides, compression, reverb sends and low-end",
            "masking against what an ear notices. The target is a reference WAV bounced from the same stems, or a",
            "mix session (.yaml) whose tracks name the stems; it is rendered, and its reverb sends are judged too."})
final class ScoreMixCommand implements Callable<Integer> {

    @Option(names = "--stems", required = true, paramLabel = "DIR", description = "The folder of stems (WAV or AIFF).")
    Path stemsFolder;

    @Option(names = "--mix", required = true, paramLabel = "MIX", description = "Your mix (WAV or AIFF).")
    Path mixFile;

    @Option(names = "--target", required = true, paramLabel = "TARGET",
            description = "The target: a mix (WAV or AIFF) or a mix session (.yaml).")
    Path targetFile;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    MixScoreFormat format;

    @Mixin
    ReportOut output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String targetName = targetFile.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean session = targetName.endsWith(".yaml") || targetName.endsWith(".yml");
        Warnings warnings = new Warnings();
        MixSession targetSession = session ? MixSessionReader.read(targetFile) : null;
        List<StemAudio> stems = readStems(stemsFolder, warnings);
        AudioBuffer mix = AudioFiles.read(mixFile, warnings);
        MixScore score;
        if (session) {
            try {
                score = SessionScoring.score(stems, mix, targetSession);
            } catch (BadInputException e) {
                throw new BadInputException(targetFile, e.getMessage() + ".", e);
            }
        } else {
            score = MixScorer.score(stems, mix, AudioFiles.read(targetFile, warnings));
        }
        for (String warning : warnings.all()) {
            spec.commandLine().getErr().println("Warning: " + warning);
        }
        String rendered = format.render(score);
        output.deliver(spec, rendered, "score " + score.score() + " / 100");
        return 0;
    }

    /** Every WAV or AIFF file of the folder, in name order, named by its file name without extension. */
    static List<StemAudio> readStems(Path folder, Warnings warnings) {
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
