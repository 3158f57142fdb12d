package dev.mixdojo.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** The ffmpeg command-line tool as an independent encoder and decoder; tests skip when it is absent. */
public final class Ffmpeg {
    private static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");

    private Ffmpeg() {
    }

    /** Skips the calling test unless ffmpeg is installed. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(FFMPEG), "ffmpeg is not installed");
    }

    /** Encodes {@code in} to {@code out} with the given codec arguments, e.g. {@code "-c:a libmp3lame -b:a 192k"}. */
    public static Path encode(Path in, Path out, String codecArguments) {
        List<String> command = new ArrayList<>(List.of(FFMPEG.toString(), "-v", "error", "-y", "-i", in.toString()));
        command.addAll(List.of(codecArguments.split(" ")));
        command.add(out.toString());
        run(command);
        return out;
    }

    /** The file as ffmpeg decodes it, to 32-bit float, non-interleaved. */
    public static float[][] decode(Path file, int channels) {
        byte[] raw = run(List.of(FFMPEG.toString(), "-v", "error", "-i", file.toString(), "-f", "f32le", "-c:a", "pcm_f32le", "-"));
        ByteBuffer bytes = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int frames = raw.length / 4 / channels;
        float[][] out = new float[channels][frames];
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                out[c][f] = bytes.getFloat();
            }
        }
        return out;
    }

    private static byte[] run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = process.getInputStream()) {
                in.transferTo(out);
            }
            int status = process.waitFor();
            if (status != 0) {
                throw new AssertionError("ffmpeg failed (" + status + "): " + String.join(" ", command));
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
