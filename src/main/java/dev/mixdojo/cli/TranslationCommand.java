package dev.mixdojo.cli;

import dev.mixdojo.base.Warnings;
import dev.mixdojo.exercise.PlaybackSystem;
import dev.mixdojo.grading.MixScoreFiles;
import dev.mixdojo.grading.Translation;
import dev.mixdojo.grading.TranslationFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mixdojo translation}: what a mix loses, stem by stem, on a phone, earbuds, in a car and in a club. */
@Command(name = "translation", mixinStandardHelpOptions = true,
        header = "What will be lost on a phone, earbuds, in a car and in a club, stem by stem.",
        description = {"Plays the mix of the stems in DIR (bounced from your mix, so they sum to it)",
            "through the translation drills' simulated systems, turns each to the studio",
            "mix's loudness, and reports how far each octave band and each stem moves:",
            "which parts are nearly lost, drop back, keep their place or come forward."})
final class TranslationCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder of stems (WAV or AIFF), bounced from your mix.")
    Path stemsFolder;

    @Option(names = "--systems", paramLabel = "SYSTEM", split = ",", defaultValue = "phone,earbuds,car,club",
            description = "The systems, comma-separated: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    List<PlaybackSystem> systems;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    TranslationFormat format;

    @Mixin
    ReportOut output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Warnings warnings = new Warnings();
        List<PlaybackSystem> asked = systems.stream().distinct().toList();
        Translation.Report report = Translation.check(MixScoreFiles.readStems(stemsFolder, warnings, List.of()), asked);
        warnings.all().forEach(w -> spec.commandLine().getErr().println("Warning: " + w));
        output.deliver(spec, format.render(report), asked.stream().map(PlaybackSystem::word).collect(Collectors.joining(", ")));
        return 0;
    }
}
