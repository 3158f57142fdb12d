package dev.mixdojo.cli;

import dev.mixdojo.analysis.loudness.LoudnessResult;
import dev.mixdojo.analysis.report.ReportSection;
import dev.mixdojo.analysis.report.BatchAnalysis;
import dev.mixdojo.analysis.report.BatchAnalyzer;
import dev.mixdojo.analysis.report.CsvReport;
import dev.mixdojo.analysis.report.HtmlReport;
import dev.mixdojo.analysis.report.JsonReport;
import dev.mixdojo.analysis.report.ProgrammeAnalysis;
import dev.mixdojo.analysis.report.ProgrammeAnalyzer;
import dev.mixdojo.analysis.report.TextReport;
import dev.mixdojo.base.Warnings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mixdojo analyze}: loudness, spectrum, dynamics, stereo and QC of one file, or of many files
 * (and folders of them) on all cores with the album's measures, as text, JSON, HTML or CSV.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        header = "Measure files like a mastering engineer: EBU R128 loudness, true peak, spectrum, dynamics, stereo, QC.",
        description = {"Measures audio files the way a mastering engineer would: EBU R128 loudness and true peak,",
            "spectrum, dynamics, stereo image and technical problems, in one pass over each file.",
            "Several files or a folder (an album, a class's bounces) are measured on all cores, with progress on",
            "stderr: one row per file and the album's loudness, range, loudest and quietest file, and the spread",
            "of PLR and tonal balance. A file that cannot be read gets its sentence, the others are still",
            "reported, and the exit code is then 2."})
final class AnalyzeCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { TEXT, JSON, HTML, CSV }

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Audio files (WAV, AIFF, FLAC, MP3, Ogg Vorbis, AAC), or folders of them (the audio files directly inside, by name).")
    List<Path> files;

    @Option(names = "--reference", paramLabel = "REF", description = "A reference track to compare with (loudness, tonal balance, width).")
    Path reference;

    @Option(names = "--only", paramLabel = "ANALYSIS",
            description = "Only one analysis: ${COMPLETION-CANDIDATES} (loudness skips all other work).")
    ReportSection only;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    ReportOut output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Set<ReportSection> sections = only == null ? EnumSet.allOf(ReportSection.class) : EnumSet.of(only);
        Warnings warnings = new Warnings();
        if (files.size() == 1 && !Files.isDirectory(files.get(0))) {
            ProgrammeAnalysis analysis = analyse(files.get(0), sections, warnings);
            if (reference != null) {
                analysis = analysis.comparedWith(analyse(reference, sections, warnings));
            }
            String report = switch (format) {
                case JSON -> JsonReport.render(analysis);
                case HTML -> HtmlReport.render(analysis);
                case CSV -> CsvReport.render(analysis);
                case TEXT -> TextReport.render(analysis);
            };
            printWarnings(warnings);
            output.deliver(spec, report, formatName() + " report");
            return 0;
        }
        List<Path> paths = BatchAnalyzer.filesIn(files);
        ProgrammeAnalysis referenceAnalysis = reference == null ? null : analyse(reference, sections, warnings);
        BatchAnalysis batch = BatchAnalyzer.analyseFiles(paths, sections, Runtime.getRuntime().availableProcessors(), warnings,
                progressLines(paths.size()));
        if (referenceAnalysis != null) {
            batch = batch.comparedWith(referenceAnalysis);
        }
        String report = switch (format) {
            case JSON -> JsonReport.render(batch);
            case HTML -> HtmlReport.render(batch);
            case CSV -> CsvReport.render(batch);
            case TEXT -> TextReport.render(batch);
        };
        printWarnings(warnings);
        long unreadable = batch.entries().stream().filter(BatchAnalysis.Unreadable.class::isInstance).count();
        output.deliver(spec, report, formatName() + " report of " + paths.size() + " files"
                + (unreadable == 0 ? "" : ", " + unreadable + " unreadable"));
        if (unreadable > 0) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(unreadable + " of " + paths.size() + (paths.size() == 1 ? " file" : " files")
                    + " could not be read; the report has a sentence for each.");
            err.flush();
            return Main.EXIT_BAD_INPUT;
        }
        return 0;
    }

    /** One line on stderr as each file is done: how many so far, the file and its loudness, or why it could not be read. */
    private BatchAnalyzer.Listener progressLines(int total) {
        PrintWriter err = spec.commandLine().getErr();
        return new BatchAnalyzer.Listener() {
            private int done;

            @Override
            public void finished(int index, BatchAnalysis.Entry entry) {
                String what = entry instanceof BatchAnalysis.Measured m
                        ? m.file() + ": " + m.analysis().loudness().map(AnalyzeCommand::summary).orElse("done")
                        : ((BatchAnalysis.Unreadable) entry).problem();
                err.println("[" + ++done + "/" + total + "] " + what);
                err.flush();
            }
        };
    }

    private static String summary(LoudnessResult l) {
        return String.format(Locale.ROOT, "%s LUFS, %s dBTP", figure(l.integratedLufs()), figure(l.truePeakDbtp()));
    }

    private static String figure(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.1f", value) : "n/a";
    }

    private void printWarnings(Warnings warnings) {
        PrintWriter err = spec.commandLine().getErr();
        for (String warning : warnings.all()) {
            err.println("Warning: " + warning);
        }
        err.flush();
    }

    private String formatName() {
        return format.name().toLowerCase(Locale.ROOT);
    }

    /** Streams the file once through every requested analysis. */
    static ProgrammeAnalysis analyse(Path file, Set<ReportSection> sections, Warnings warnings) {
        return ProgrammeAnalyzer.analyseFile(file, sections, warnings, ProgrammeAnalyzer.Monitor.NONE);
    }
}
