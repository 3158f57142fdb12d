package dev.mixdojo.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mixdojo.audio.AudioFileInfo;
import dev.mixdojo.audio.AudioFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mixdojo info FILE [--json]}: an audio file's format, length and sample peak. */
@Command(name = "info", description = "Show an audio file's format, length and sample peak (WAV, AIFF, FLAC, MP3, Ogg Vorbis, AAC).")
final class InfoCommand implements Callable<Integer> {
    /** Created on first use: picocli instantiates every subcommand at start-up, and Jackson's set-up costs ~0.5 s. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    @Parameters(index = "0", paramLabel = "FILE", description = "The audio file to describe.")
    Path file;

    @Option(names = "--json", description = "Print JSON (keys: file, container, encoding, sampleRate, channels, "
            + "bitsPerSample, frames, durationS, samplePeakDbfs, warnings) instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        AudioFileInfo info = AudioFiles.info(file);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.MAPPER.writeValueAsString(jsonFields(info)));
        } else {
            out.print(text(info));
            PrintWriter err = spec.commandLine().getErr();
            info.warnings().forEach(w -> err.println("Warning: " + w));
            err.flush();
        }
        out.flush();
        return 0;
    }

    /** The JSON object, keys in a fixed order; a silent file's peak is null (JSON has no -infinity). */
    static Map<String, Object> jsonFields(AudioFileInfo info) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("file", info.file().toString());
        fields.put("container", info.container().label());
        fields.put("encoding", info.encoding());
        fields.put("sampleRate", info.sampleRateHz());
        fields.put("channels", info.channelCount());
        fields.put("bitsPerSample", info.bitsPerSample());
        fields.put("frames", info.frames());
        fields.put("durationS", info.durationS());
        fields.put("samplePeakDbfs", info.isSilent() ? null : info.samplePeakDbfs());
        fields.put("warnings", info.warnings());
        return fields;
    }

    static String text(AudioFileInfo info) {
        // Adding 0.0 turns a rounded −0.00 into 0.00 for a peak a hair below full scale.
        String peak = info.isSilent() ? "silent (every sample is 0)"
                : String.format(Locale.ROOT, "%.2f dBFS", Math.round(info.samplePeakDbfs() * 100) / 100.0 + 0.0);
        return String.format(Locale.ROOT,
                "File:         %s%n"
                        + "Format:       %s, %s, %d-bit%n"
                        + "Sample rate:  %d Hz%n"
                        + "Channels:     %d%n"
                        + "Length:       %d frames (%.3f s)%n"
                        + "Sample peak:  %s%n",
                info.file(), info.container().label(), info.encoding(), info.bitsPerSample(), info.sampleRateHz(),
                info.channelCount(), info.frames(), info.durationS(), peak);
    }
}
