package dev.mixdojo.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AudioFilesInfoTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} at {1} Hz, {2} ch")
    @CsvSource({
        "'-b 16', 44100, 1, PCM signed",
        "'-b 24', 48000, 2, PCM signed",
        "'-e floating-point -b 32', 96000, 6, IEEE float",
        "'-b 16', 48000, 6, PCM signed",
        "'-b 24', 96000, 1, PCM signed",
        "'-e floating-point -b 32', 44100, 2, IEEE float",
    })
    void infoAgreesWithSoxiAndSoxStat(String format, int rateHz, int channels, String encoding) {
        Sox.assumeInstalled();
        Path file = Sox.tone(dir.resolve("t.wav"), rateHz, channels, format, 0.7, 1000, 0.5);

        AudioFileInfo info = AudioFiles.info(file);

        assertThat(info.container()).isEqualTo(AudioContainer.WAV);
        assertThat(info.encoding()).isEqualTo(encoding);
        assertThat(info.sampleRateHz()).isEqualTo(Integer.parseInt(Sox.soxi("-r", file)));
        assertThat(info.channelCount()).isEqualTo(Integer.parseInt(Sox.soxi("-c", file)));
        assertThat(info.bitsPerSample()).isEqualTo(Integer.parseInt(Sox.soxi("-b", file)));
        assertThat(info.frames()).isEqualTo(Long.parseLong(Sox.soxi("-s", file)));
        assertThat(info.durationS()).isCloseTo(Double.parseDouble(Sox.soxi("-D", file)), within(1e-6));
        double soxPeak = Math.max(Sox.stat(file, "Maximum amplitude"), -Sox.stat(file, "Minimum amplitude"));
        assertThat(info.samplePeakDbfs()).isCloseTo(20 * Math.log10(soxPeak), within(0.001));
        assertThat(info.warnings()).isEmpty();
    }

    @Test
    void aiffInfoNamesTheContainer() {
        Sox.assumeInstalled();
        Path aiff = Sox.tone(dir.resolve("t.aiff"), 44100, 2, "-b 16", 0.1, 1000, 0.5);
        Path aifc = Sox.tone(dir.resolve("t.aifc"), 44100, 2, "-e floating-point -b 32", 0.1, 1000, 0.5);

        assertThat(AudioFiles.info(aiff).container()).isEqualTo(AudioContainer.AIFF);
        assertThat(AudioFiles.info(aifc).container()).isEqualTo(AudioContainer.AIFF_C);
        assertThat(AudioFiles.info(aifc).encoding()).isEqualTo("IEEE float");
    }

    @Test
    void thePeakOfAKnownBufferIsTwentyLogTenOfTheLargestSample() {
        float[][] samples = {{0.1f, -0.25f}, {0.2f, 0.125f}};
        Path file = dir.resolve("peak.wav");
        AudioFiles.write(file, new AudioBuffer(samples, 48000), SampleEncoding.FLOAT_32);

        AudioFileInfo info = AudioFiles.info(file);

        assertThat(info.samplePeakDbfs()).isCloseTo(20 * Math.log10(0.25), within(1e-9)); // −12.04 dBFS
        assertThat(info.durationS()).isCloseTo(2 / 48000.0, within(1e-12));
    }

    @Test
    void digitalSilenceHasAPeakOfMinusInfinity() {
        Path file = dir.resolve("silence.wav");
        AudioFiles.write(file, AudioBuffer.silence(2, 1000, 44100), SampleEncoding.PCM_16);

        AudioFileInfo info = AudioFiles.info(file);

        assertThat(info.isSilent()).isTrue();
        assertThat(info.samplePeakDbfs()).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
