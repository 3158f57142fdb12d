package dev.mixdojo.cli;

import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.audio.WrittenFile;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mixdojo convert IN OUT [--rate HZ] [--bits 16|24|32f]}: resample and re-encode to WAV. */
@Command(name = "convert", description = "Resample and re-encode a WAV or AIFF file to WAV.")
final class ConvertCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "The WAV or AIFF file to read.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "The WAV file to write (replaced atomically).")
    Path out;

    @Option(names = "--rate", paramLabel = "HZ", description = "Output sample rate in Hz, 8000 to 192000 (default: the input's).")
    Integer rateHz;

    @Option(names = "--bits", paramLabel = "16|24|32f", defaultValue = "24",
            description = "Output encoding: 16 or 24-bit PCM, or 32f for 32-bit float (default: ${DEFAULT-VALUE}).")
    String bits;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SampleEncoding encoding = encoding(bits);
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".aif") || name.endsWith(".aiff") || name.endsWith(".aifc")) {
            throw new BadInputException(out, "convert writes WAV files only; give the output a .wav name.");
        }
        Warnings warnings = new Warnings();
        WrittenFile written = AudioFiles.convert(in, out, rateHz == null ? 0 : rateHz, encoding, warnings);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "Wrote %s: WAV, %s, %d Hz, %d channels, %d frames (%.3f s).%n", out,
                encoding == SampleEncoding.FLOAT_32 ? "32-bit float" : encoding.bitsPerSample() + "-bit PCM",
                written.sampleRateHz(), written.channelCount(), written.frames(), written.durationS());
        stdout.flush();
        PrintWriter err = spec.commandLine().getErr();
        warnings.all().forEach(w -> err.println("Warning: " + w));
        err.flush();
        return 0;
    }

    private static SampleEncoding encoding(String bits) {
        return switch (bits.toLowerCase(Locale.ROOT)) {
            case "16" -> SampleEncoding.PCM_16;
            case "24" -> SampleEncoding.PCM_24;
            case "32f", "32" -> SampleEncoding.FLOAT_32;
            default -> throw new BadInputException("--bits must be 16, 24 or 32f, got '" + bits + "'.");
        };
    }
}
