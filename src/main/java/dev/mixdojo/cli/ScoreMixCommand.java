package dev.mixdojo.cli;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.grading.MixScore;
import dev.mixdojo.grading.MixScoreFormat;
import dev.mixdojo.grading.MixScorer;
import dev.mixdojo.grading.StemAudio;
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
        header = "Score a mix against a target bounced from the same stems: level, pan and EQ per stem, out of 100.",
        description = {"Estimates each stem's gain, pan and EQ in your mix and in the target (both bounced from the",
            "same stems; DAW latency shifts are found), and scores level, pan and EQ against what an ear notices.",
            "The target is a reference WAV; session YAML targets are not supported yet."})
final class ScoreMixCommand implements Callable<Integer> {

    @Option(names = "--stems", required = true, paramLabel = "DIR", description = "The folder of stems (WAV or AIFF).")
    Path stemsFolder;

    @Option(names = "--mix", required = true, paramLabel = "MIX", description = "Your mix (WAV or AIFF).")
    Path mixFile;

    @Option(names = "--target", required = true, paramLabel = "TARGET", description = "The target mix (WAV or AIFF).")
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
        if (targetName.endsWith(".yaml") || targetName.endsWith(".yml")) {
            throw new BadInputException(targetFile, "is a session file; score-mix takes a reference WAV as the target for now.");
        }
        Warnings warnings = new Warnings();
        List<StemAudio> stems = readStems(stemsFolder, warnings);
        AudioBuffer mix = AudioFiles.read(mixFile, warnings);
        AudioBuffer target = AudioFiles.read(targetFile, warnings);
        MixScore score = MixScorer.score(stems, mix, target);
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
