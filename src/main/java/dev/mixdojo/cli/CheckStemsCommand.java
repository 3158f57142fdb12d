package dev.mixdojo.cli;

import dev.mixdojo.delivery.DeliveryFormat;
import dev.mixdojo.delivery.DeliveryReport;
import dev.mixdojo.delivery.StemDeliveryCheck;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mixdojo check-stems}: checks a stem delivery before mixing starts. */
@Command(name = "check-stems", mixinStandardHelpOptions = true,
        header = "Check a stem delivery before mixing: format, lengths, names, false stereo, clipping, returns, notes.",
        description = {"Checks a folder of stems the way a mix engineer would on delivery: 24-bit / 48 kHz WAV,",
            "same length and start, clear names, false stereo, padded bits, clipping, DC offset, silent files,",
            "effect returns, a notes file and a rough mix. Exits 0 whatever it finds; the verdict is in the report."})
final class CheckStemsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder of stems.")
    Path folder;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    DeliveryFormat format;

    @Mixin
    ReportOut output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DeliveryReport report = StemDeliveryCheck.check(folder);
        String rendered = format.render(report);
        output.deliver(spec, rendered, report.verdict().word());
        return 0;
    }
}
