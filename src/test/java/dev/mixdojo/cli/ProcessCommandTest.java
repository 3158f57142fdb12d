package dev.mixdojo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.dsp.chain.ChainReader;
import dev.mixdojo.dsp.chain.ChainRendererTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCommandTest {
    private static final int FS = 48000;

    private static float[] whiteNoise(int frames) {
        Random random = new Random(2024);
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (0.25 * (2 * random.nextDouble() - 1));
        }
        return x;
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void whiteNoiseFilteredThroughTheCommandLineHasTheResponseTheCodeReports(@TempDir Path dir) throws Exception {
        float[] noise = whiteNoise(10 * FS);
        Path in = dir.resolve("noise.wav");
        AudioFiles.write(in, new AudioBuffer(new float[][] {noise}, FS), SampleEncoding.FLOAT_32);
        Path chain = dir.resolve("eq.yaml");
        Files.writeString(chain, ChainRendererTest.EQ_CHAIN);
        Path out = dir.resolve("filtered.wav");

        Run result = run("process", in.toString(), out.toString(), "--chain", chain.toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("24-bit PCM");
        AudioBuffer filtered = AudioFiles.read(out, new Warnings());
        assertThat(AudioFiles.info(out).bitsPerSample()).isEqualTo(24);
        double worst = ChainRendererTest.worstResponseErrorDb(ChainReader.parse(ChainRendererTest.EQ_CHAIN), noise,
                filtered.channel(0));
        System.out.printf("CLI (24-bit WAV): worst |measured - magnitudeDbAt| %.4f dB (100 Hz-16 kHz, third octaves)%n", worst);
        assertThat(worst).isLessThan(0.1);
    }

    @Test
    void anInlineJsonChainAndFloatOutputWork(@TempDir Path dir) {
        Path in = dir.resolve("in.wav");
        AudioFiles.write(in, new AudioBuffer(new float[][] {whiteNoise(FS)}, FS), SampleEncoding.FLOAT_32);
        Path out = dir.resolve("out.wav");
        Run result = run("process", in.toString(), out.toString(), "--float", "--chain-json",
                "[{\"gain\": {\"gainDb\": 12}}, {\"pan\": {\"position\": 0.5}}]");
        assertThat(result.code()).as(result.err()).isZero();
        AudioBuffer written = AudioFiles.read(out, new Warnings());
        assertThat(written.channelCount()).isEqualTo(2);
        assertThat(AudioFiles.info(out).bitsPerSample()).isEqualTo(32);
    }

    @Test
    void aWrongChainIsBadInputWithTheSentenceAndNoStackTrace(@TempDir Path dir) {
        Path in = dir.resolve("in.wav");
        AudioFiles.write(in, new AudioBuffer(new float[][] {whiteNoise(100)}, FS), SampleEncoding.PCM_24);
        Run result = run("process", in.toString(), dir.resolve("out.wav").toString(), "--chain-json",
                "[{\"compressor\": {\"ratio\": 0.5}}]");
        assertThat(result.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(result.err()).contains("compressor ratio must be at least 1, got 0.5").doesNotContain("\tat ");
        assertThat(Files.exists(dir.resolve("out.wav"))).isFalse();
    }

    @Test
    void aChainMustBeGivenOneWay(@TempDir Path dir) {
        Run result = run("process", "a.wav", "b.wav");
        assertThat(result.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(result.err()).contains("--chain");
    }
}
