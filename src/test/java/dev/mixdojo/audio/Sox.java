package dev.mixdojo.audio;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;

/** The sox command-line tool as an independent reference; tests skip when it is absent. */
public final class Sox {
    private static final Path SOX = Path.of("/usr/bin/sox");

    private Sox() {
    }

    /** Skips the calling test unless sox and soxi are installed. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(SOX) && Files.isExecutable(Path.of("/usr/bin/soxi")),
                "sox is not installed");
    }

    /** Runs sox with the given arguments (after -D: no dither, so samples are exact) and returns its stderr. */
    public static String sox(String... args) {
        List<String> command = new ArrayList<>(List.of(SOX.toString(), "-D"));
        command.addAll(List.of(args));
        return run(command).stderr;
    }

    /** A tone file made by sox: {@code sox -n -r RATE -c CH [format…] FILE synth SECONDS sine HZ vol GAIN}. */
    public static Path tone(Path file, int rateHz, int channels, String format, double seconds, double frequencyHz, double gain) {
        List<String> args = new ArrayList<>(List.of("-n", "-r", Integer.toString(rateHz), "-c", Integer.toString(channels)));
        args.addAll(List.of(format.split(" ")));
        args.addAll(List.of(file.toString(), "synth", fmt(seconds), "sine", fmt(frequencyHz), "vol", fmt(gain)));
        sox(args.toArray(String[]::new));
        return file;
    }

    /** One field of {@code soxi -FLAG file}, e.g. {@code -r} rate, {@code -c} channels, {@code -s} frames, {@code -b} bits. */
    public static String soxi(String flag, Path file) {
        return run(List.of("/usr/bin/soxi", flag, file.toString())).stdout.trim();
    }

    /** A number from {@code sox FILE -n stat}, by its label, e.g. "Maximum amplitude" or "RMS     amplitude". */
    public static double stat(Path file, String label) {
        String report = run(List.of(SOX.toString(), file.toString(), "-n", "stat")).stderr;
        for (String line : report.split("\n")) {
            if (line.startsWith(label + ":")) {
                return Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        throw new AssertionError("sox stat printed no '" + label + "':\n" + report);
    }

    /** The file's samples as sox decodes them (to 64-bit float), non-interleaved. */
    public static double[][] decode(Path file) {
        int channels = Integer.parseInt(soxi("-c", file));
        byte[] raw = run(List.of(SOX.toString(), file.toString(), "-t", "raw", "-e", "floating-point", "-b", "64",
                "-L", "-")).stdoutBytes;
        ByteBuffer bytes = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int frames = raw.length / 8 / channels;
        double[][] out = new double[channels][frames];
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                out[c][f] = bytes.getDouble();
            }
        }
        return out;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%s", value);
    }

    private record Result(byte[] stdoutBytes, String stdout, String stderr) {
    }

    private static Result run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).start();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> copy(process.getErrorStream(), err));
            errReader.start();
            byte[] out = process.getInputStream().readAllBytes();
            int code = process.waitFor();
            errReader.join();
            String stderr = err.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(code).as("%s failed: %s", command, stderr).isZero();
            return new Result(out, new String(out, java.nio.charset.StandardCharsets.UTF_8), stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
