package dev.mixdojo.cli;

import dev.mixdojo.analysis.report.AnalysisKind;
import dev.mixdojo.analysis.report.HtmlReport;
import dev.mixdojo.analysis.report.JsonReport;
import dev.mixdojo.analysis.report.ProgrammeAnalysis;
import dev.mixdojo.analysis.report.ProgrammeAnalyzer;
import dev.mixdojo.analysis.report.TextReport;
import dev.mixdojo.base.Warnings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mixdojo analyze}: loudness, spectrum, dynamics, stereo and QC of one file, as text, JSON or HTML. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        header = "Measure a file like a mastering engineer: EBU R128 loudness, true peak, spectrum, dynamics, stereo, QC.",
        description = {"Measures an audio file the way a mastering engineer would: EBU R128 loudness and true peak,",
            "spectrum, dynamics, stereo image and technical problems, in one pass over the file."})
final class AnalyzeCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { TEXT, JSON, HTML }

    @Parameters(index = "0", paramLabel = "FILE", description = "The WAV or AIFF file to analyse.")
    Path file;

    @Option(names = "--reference", paramLabel = "REF", description = "A reference track to compare with (loudness, tonal balance, width).")
    Path reference;

    @Option(names = "--only", paramLabel = "ANALYSIS",
            description = "Only one analysis: ${COMPLETION-CANDIDATES} (loudness skips all other work).")
    AnalysisKind only;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    ReportOut output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Set<AnalysisKind> kinds = only == null ? EnumSet.allOf(AnalysisKind.class) : EnumSet.of(only);
        Warnings warnings = new Warnings();
        ProgrammeAnalysis analysis = analyse(file, kinds, warnings);
        if (reference != null) {
            analysis = analysis.comparedWith(analyse(reference, kinds, warnings));
        }
        String report = switch (format) {
            case JSON -> JsonReport.render(analysis);
            case HTML -> HtmlReport.render(analysis);
            case TEXT -> TextReport.render(analysis);
        };
        PrintWriter err = spec.commandLine().getErr();
        for (String warning : warnings.all()) {
            err.println("Warning: " + warning);
        }
        output.deliver(spec, report, format.name().toLowerCase(java.util.Locale.ROOT) + " report");
        return 0;
    }

    /** Streams the file once through every requested analysis. */
    static ProgrammeAnalysis analyse(Path file, Set<AnalysisKind> kinds, Warnings warnings) {
        return ProgrammeAnalyzer.analyseFile(file, kinds, warnings, ProgrammeAnalyzer.Monitor.NONE);
    }
}
