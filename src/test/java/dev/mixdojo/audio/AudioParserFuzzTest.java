package dev.mixdojo.audio;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the WAV/AIFF parser and decoder: any bytes either read as audio whose
 * every sample is finite, or are refused with a BadInputException naming the file; nothing else
 * (no other exception, no hang, no huge allocation). A plain test run replays the inputs in
 * {@code AudioParserFuzzTestInputs/}; scripts/fuzz.sh fuzzes it.
 */
class AudioParserFuzzTest {
    private static final Path FILE = FuzzFiles.scratch("fuzz.wav");

    @FuzzTest(maxDuration = "5s")
    void anyBytesReadAsFiniteAudioOrGiveASentence(byte[] bytes) throws IOException {
        Files.write(FILE, bytes);
        Warnings warnings = new Warnings();
        try (AudioStream stream = AudioFiles.openStream(FILE, warnings)) {
            assertThat(stream.sampleRateHz()).isBetween(AudioFiles.MIN_RATE_HZ, AudioFiles.MAX_RATE_HZ);
            assertThat(stream.channelCount()).isBetween(1, AudioFiles.MAX_CHANNELS);
            float[][] block = new float[stream.channelCount()][1024];
            int got;
            while ((got = stream.read(block)) > 0) {
                for (float[] channel : block) {
                    for (int i = 0; i < got; i++) {
                        if (!Float.isFinite(channel[i])) {
                            throw new AssertionError("a non-finite sample left the reader: " + channel[i]);
                        }
                    }
                }
            }
        } catch (BadInputException e) {
            assertThat(e.getMessage()).startsWith(FILE.toString());
        }
    }
}
