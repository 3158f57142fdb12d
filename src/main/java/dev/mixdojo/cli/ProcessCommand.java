package dev.mixdojo.cli;

import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.audio.WrittenFile;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.chain.ChainReader;
import dev.mixdojo.dsp.chain.ChainRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mixdojo process IN OUT --chain FILE | --chain-json JSON [--float]}: apply a processing chain to a file. */
@Command(name = "process", description = "Apply a processing chain (YAML or JSON, the chain vocabulary) to a WAV or AIFF"
        + " file and write a WAV file (24-bit, or 32-bit float with --float). Output has the input's length; the file is streamed, so any length fits in memory.")
final class ProcessCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "The WAV or AIFF file to read.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "The WAV file to write (replaced atomically).")
    Path out;

    @ArgGroup(exclusive = true, multiplicity = "1")
    ChainSource chain;

    static final class ChainSource {
        @Option(names = "--chain", paramLabel = "FILE", description = "A chain file (YAML or JSON).")
        Path file;

        @Option(names = "--chain-json", paramLabel = "JSON", description = "The chain itself, e.g. '[{\"gain\": {\"gainDb\": -3}}]'.")
        String text;
    }

    @Option(names = "--float", description = "Write 32-bit float instead of 24-bit PCM (keeps peaks above full scale).")
    boolean floatOutput;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".wav")) {
            throw new BadInputException(out, "process writes WAV files only; give the output a .wav name.");
        }
        ChainDescription description = chain.file != null ? ChainReader.read(chain.file) : ChainReader.parseTyped(chain.text);
        Warnings warnings = new Warnings();
        SampleEncoding encoding = floatOutput ? SampleEncoding.FLOAT_32 : SampleEncoding.PCM_24;
        WrittenFile output = ChainRenderer.renderFile(description, in, out, encoding, warnings);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "Wrote %s: %d processors, WAV, %s, %d Hz, %d channels, %.3f s.%n", out,
                description.steps().size(), floatOutput ? "32-bit float" : "24-bit PCM", output.sampleRateHz(),
                output.channelCount(), output.durationS());
        stdout.flush();
        PrintWriter err = spec.commandLine().getErr();
        warnings.all().forEach(w -> err.println("Warning: " + w));
        err.flush();
        return 0;
    }
}
