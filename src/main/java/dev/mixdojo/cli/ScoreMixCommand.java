package dev.mixdojo.cli;

import dev.mixdojo.base.Warnings;
import dev.mixdojo.grading.MixScore;
import dev.mixdojo.grading.MixScoreFiles;
import dev.mixdojo.grading.MixScoreFormat;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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

    @Option(names = "--stems", required = true, paramLabel = "DIR", description = "The folder of stems (WAV, AIFF, FLAC, MP3, Ogg or AAC).")
    Path stemsFolder;

    @Option(names = "--mix", required = true, paramLabel = "MIX", description = "Your mix (WAV, AIFF, FLAC, MP3, Ogg or AAC).")
    Path mixFile;

    @Option(names = "--target", required = true, paramLabel = "TARGET",
            description = "The target: a mix (any audio format MixDojo reads) or a mix session (.yaml).")
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
        Warnings warnings = new Warnings();
        MixScore score = MixScoreFiles.score(stemsFolder, mixFile, targetFile, warnings);
        for (String warning : warnings.all()) {
            spec.commandLine().getErr().println("Warning: " + warning);
        }
        String rendered = format.render(score);
        output.deliver(spec, rendered, "score " + score.score() + " / 100");
        return 0;
    }
}
