package dev.mixdojo.material;

import dev.mixdojo.audio.AudioBuffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * True peak (dBTP) measured by ffmpeg's ebur128 filter (4× oversampling), an independent
 * reference. (ffmpeg 5.1 fails with {@code framelog=quiet}, so the per-frame log is read past.)
 */
final class FfmpegTruePeak {
    private static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");

    private FfmpegTruePeak() {
    }

    static boolean available() {
        return Files.isExecutable(FFMPEG);
    }

    static double dbtp(AudioBuffer audio, Path scratch) throws IOException, InterruptedException {
        int channels = audio.channelCount();
        ByteBuffer bytes = ByteBuffer.allocate(audio.frames() * channels * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < audio.frames(); i++) {
            for (int c = 0; c < channels; c++) {
                bytes.putFloat(audio.channel(c)[i]);
            }
        }
        Path raw = Files.createTempFile(scratch, "stem", ".f32");
        Files.write(raw, bytes.array());
        Process process = new ProcessBuilder(FFMPEG.toString(), "-hide_banner", "-nostats", "-f", "f32le",
                "-ar", String.valueOf(audio.sampleRateHz()), "-ac", String.valueOf(channels), "-i", raw.toString(),
                "-af", "ebur128=peak=true", "-f", "null", "-")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Matcher matcher = Pattern.compile("True peak:\\s+Peak:\\s+(-?[0-9.]+|-inf) dBFS").matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("ffmpeg printed no true peak:\n" + output);
        }
        return matcher.group(1).equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(matcher.group(1));
    }
}
