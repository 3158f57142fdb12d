package dev.mixdojo.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Files MixDojo must refuse, each with the words its one-sentence message must contain (besides
 * the file name). Shared by the audio-layer and command-line tests.
 */
public enum BadFiles {
    MISSING(false, "no such file", dir -> dir.resolve("missing.wav")),
    DIRECTORY(false, "is a folder", dir -> mkdir(dir.resolve("folder.wav"))),
    EMPTY(false, "empty (0 bytes)", dir -> write(dir.resolve("empty.wav"), new byte[0])),
    TEXT_RENAMED(false, "is text", dir -> write(dir.resolve("notes.wav"),
            "These are my mix notes.\nMore bass!\n".getBytes(StandardCharsets.UTF_8))),
    PNG_RENAMED(false, "PNG image", dir -> write(dir.resolve("cover.wav"),
            new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'})),
    TOO_SHORT(false, "too short", dir -> write(dir.resolve("short.wav"), new byte[] {'R', 'I', 'F', 'F', 0, 0})),
    NOT_WAVE(false, "RIFF container of type 'AVI '", dir -> write(dir.resolve("movie.wav"),
            "RIFF\0\0\0\0AVI LIST".getBytes(StandardCharsets.ISO_8859_1))),
    ABSURD_FMT_SIZE(false, "format (fmt) chunk claims 2147483632 bytes", dir -> FileBytes.wav()
            .chunkClaiming("fmt ", 0x7FFFFFF0L, new byte[16]).chunk("data", new byte[64]).writeTo(dir.resolve("absurd-fmt.wav"), 0xFFFFFFF0L)),
    ABSURD_CHUNK_BEFORE_FORMAT(false, "'LIST' chunk claims 4294967295 bytes", dir -> FileBytes.wav()
            .chunkClaiming("LIST", 0xFFFFFFFFL, new byte[4]).fmt(1, 1, 44100, 16).writeTo(dir.resolve("absurd-list.wav"))),
    NO_FORMAT(false, "no format (fmt) chunk", dir -> FileBytes.wav().chunk("data", new byte[100]).writeTo(dir.resolve("nofmt.wav"))),
    NO_DATA(false, "no sound data", dir -> FileBytes.wav().fmt(1, 2, 44100, 16).chunk("LIST", new byte[4]).writeTo(dir.resolve("nodata.wav"))),
    MU_LAW(false, "unsupported WAV encoding: µ-law; convert it to PCM",
            dir -> soxOrCraft(dir.resolve("ulaw.wav"), "-e u-law", 7)),
    A_LAW(false, "unsupported WAV encoding: A-law; convert it to PCM",
            dir -> soxOrCraft(dir.resolve("alaw.wav"), "-e a-law", 6)),
    IMA_ADPCM(false, "unsupported WAV encoding: IMA ADPCM; convert it to PCM",
            dir -> soxOrCraft(dir.resolve("ima.wav"), "-e ima-adpcm", 0x11)),
    MS_ADPCM(false, "unsupported WAV encoding: Microsoft ADPCM; convert it to PCM",
            dir -> soxOrCraft(dir.resolve("msadpcm.wav"), "-e ms-adpcm", 2)),
    AIFC_MU_LAW(false, "unsupported AIFF-C encoding: µ-law", dir -> FileBytes.aiff(true)
            .comm(1, 8, 16, 8000, "ulaw").ssnd(new byte[8]).writeTo(dir.resolve("ulaw.aifc"))),
    UNKNOWN_SUBFORMAT(false, "unknown WAVE_FORMAT_EXTENSIBLE sub-format", dir -> {
        Path file = FileBytes.wav().fmtExtensible(1, 2, 44100, 16, 16).chunk("data", new byte[8]).writeTo(dir.resolve("guid.wav"));
        return corruptByte(file, 12 + 8 + 26 + 3);
    }),
    TWELVE_CHANNELS(false, "has 12 channels; MixDojo reads 1 to 8", dir -> FileBytes.wav()
            .fmt(1, 12, 48000, 16).chunk("data", new byte[48]).writeTo(dir.resolve("twelve.wav"))),
    RATE_TOO_LOW(false, "unsupported sample rate: 4000 Hz", dir -> FileBytes.wav()
            .fmt(1, 1, 4000, 16).chunk("data", new byte[4]).writeTo(dir.resolve("4k.wav"))),
    RATE_TOO_HIGH(false, "unsupported sample rate: 384000 Hz", dir -> FileBytes.aiff(false)
            .comm(1, 2, 16, 384000, null).ssnd(new byte[4]).writeTo(dir.resolve("384k.aiff"))),

    /** Readable with a warning: the data chunk promises more than the file holds. */
    TRUNCATED(true, "truncated: its header promises 48000 frames (1.000 s) but only 12000 frames (0.250 s) are there", dir -> {
        byte[] quarter = FileBytes.samples(Signals.sine(2, 12000, 48000, 1000, 0.5).channels(), "s16", ByteOrder.LITTLE_ENDIAN);
        return FileBytes.wav().fmt(1, 2, 48000, 16).chunkClaiming("data", 48000L * 4, quarter).writeTo(dir.resolve("cut.wav"));
    }),
    /** Readable with a warning, and no huge allocation: the data size is absurd. */
    ABSURD_DATA_SIZE(true, "truncated: its header promises 1073741820 frames", dir -> FileBytes.wav()
            .fmt(1, 2, 44100, 16).chunkClaiming("data", 0xFFFFFFF0L, new byte[400]).writeTo(dir.resolve("absurd-data.wav"), 0xFFFFFFFEL)),
    /** Readable with a warning: float samples that are not numbers become silence. */
    NOT_A_NUMBER(true, "3 samples were not a finite number", dir -> {
        float[][] samples = {{0.5f, Float.NaN, 0.25f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.5f}};
        return FileBytes.wav().fmt(3, 1, 44100, 32)
                .chunk("data", FileBytes.samples(samples, "f32", ByteOrder.LITTLE_ENDIAN)).writeTo(dir.resolve("nan.wav"));
    });

    /** True when the file is read with a warning instead of refused. */
    public final boolean readable;
    /** Words the sentence must contain besides the file name. */
    public final String problem;
    private final Function<Path, Path> maker;

    BadFiles(boolean readable, String problem, Function<Path, Path> maker) {
        this.readable = readable;
        this.problem = problem;
        this.maker = maker;
    }

    /** Makes the file (or folder, or nothing) in {@code dir} and returns its path. */
    public Path make(Path dir) {
        return maker.apply(dir);
    }

    /** Uses sox's own encoder when installed (the real thing); otherwise a header with the same tag. */
    private static Path soxOrCraft(Path file, String encoding, int tag) {
        if (Files.isExecutable(Path.of("/usr/bin/sox"))) {
            return Sox.tone(file, 8000, 1, encoding, 0.1, 440, 0.5);
        }
        return FileBytes.wav().fmt(tag, 1, 8000, tag == 6 || tag == 7 ? 8 : 4).chunk("data", new byte[100]).writeTo(file);
    }

    private static Path mkdir(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path corruptByte(Path file, int at) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            bytes[at] ^= 0x5A;
            return write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
