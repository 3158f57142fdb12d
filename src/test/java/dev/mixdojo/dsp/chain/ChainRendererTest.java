package dev.mixdojo.dsp.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.audio.WrittenFile;
import dev.mixdojo.base.Warnings;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import dev.mixdojo.dsp.Signals;
import dev.mixdojo.dsp.eq.EqSettings;
import org.junit.jupiter.api.Test;

public class ChainRendererTest {
    private static final int FS = 48000;
    /** An EQ chain whose response is checked end to end. */
    public static final String EQ_CHAIN = """
            - eq: { type: highpass, frequencyHz: 60, slopeDbPerOct: 24 }
            - eq: { type: peak, frequencyHz: 1000, gainDb: 6, q: 1 }
            - eq: { type: highshelf, frequencyHz: 8000, gainDb: -4 }
            - eq: { type: peak, frequencyHz: 15000, gainDb: 9, q: 2 }
            """;

    /** The sum of magnitudeDbAt over the chain's EQ bands. */
    static double reportedDb(ChainDescription chain, double frequencyHz) {
        double db = 0;
        for (var step : chain.steps()) {
            db += ((EqSettings) step).magnitudeDbAt(frequencyHz, FS);
        }
        return db;
    }

    /**
     * Largest |measured − reported| at the bins of third-octave centres 100 Hz … 16 kHz (100 Hz up:
     * at 2.9 Hz resolution the steep 60 Hz high-pass is smeared by the frame below that).
     */
    public static double worstResponseErrorDb(ChainDescription chain, float[] in, float[] out) {
        double[] measured = ResponseMeasurement.h1Db(in, out);
        double worst = 0;
        for (int third = 0; third <= 22; third++) {
            double f = 100 * Math.pow(2, third / 3.0);
            int bin = (int) Math.round(f * ResponseMeasurement.FRAME / FS);
            double binHz = bin * (double) FS / ResponseMeasurement.FRAME;
            worst = Math.max(worst, Math.abs(measured[bin] - reportedDb(chain, binHz)));
        }
        return worst;
    }

    @Test
    void whiteNoiseThroughAnEqChainMeasuresTheResponseTheCodeReports() {
        ChainDescription chain = ChainReader.parse(EQ_CHAIN);
        float[] noise = Signals.noise(99, 10 * FS, 0.25);
        AudioBuffer out = ChainRenderer.render(chain, new AudioBuffer(new float[][] {noise}, FS));
        double worst = worstResponseErrorDb(chain, noise, out.channel(0));
        System.out.printf("rendered EQ chain: worst |measured - magnitudeDbAt| %.4f dB (100 Hz-16 kHz, third octaves)%n", worst);
        assertThat(worst).isLessThan(0.1);
    }

    @Test
    void aFileRenderedBlockByBlockHasTheSameBitsAsTheWholeBufferWithTheTailsCarriedAcrossBlocks(@TempDir Path dir) {
        // Mono in, so the reverb also turns it into stereo; 2.5 blocks of 16384 frames from the file.
        float[] noise = new float[41_000];
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (0.3 * (2 * random.nextDouble() - 1));
        }
        Path in = dir.resolve("in.wav");
        AudioFiles.write(in, new AudioBuffer(new float[][] {noise}, 44_100), SampleEncoding.FLOAT_32);
        ChainDescription chain = ChainReader.parse("[{\"delay\": {\"timeMs\": 130, \"feedback\": 0.6}},"
                + " {\"reverb\": {\"decayS\": 2, \"mix\": 0.5}}, {\"compressor\": {\"thresholdDb\": -30}}]");

        WrittenFile written = ChainRenderer.renderFile(chain, in, dir.resolve("out.wav"), SampleEncoding.FLOAT_32,
                new Warnings());

        AudioBuffer whole = ChainRenderer.render(chain, AudioFiles.read(in, new Warnings()));
        AudioBuffer streamed = AudioFiles.read(written.file(), new Warnings());
        assertThat(written.channelCount()).isEqualTo(2);
        assertThat(streamed.channel(0)).containsExactly(whole.channel(0));
        assertThat(streamed.channel(1)).containsExactly(whole.channel(1));
    }

    @Test
    void aMonoInputBecomesStereoWhenTheChainPans() {
        AudioBuffer mono = new AudioBuffer(new float[][] {Signals.sine(440, -6, FS, FS)}, FS);
        AudioBuffer out = ChainRenderer.render(ChainReader.parse("- pan: { position: -1 }"), mono);
        assertThat(out.channelCount()).isEqualTo(2);
        assertThat(Signals.peakDb(out.channel(1), 0, FS)).isLessThan(-120);
        assertThat(Signals.peakDb(out.channel(0), 0, FS)).isCloseTo(-6, org.assertj.core.data.Offset.offset(0.01));
        assertThat(mono.channel(0)[100]).isEqualTo(Signals.sine(440, -6, 101, FS)[100]);
    }

    @Test
    void aChainThatTreatsTheChannelsApartRendersThemSideBySideWithTheSameBitsAsTogether() {
        String apart = """
                - eq: { type: lowpass, frequencyHz: { automation: [[0.5, 300], [2, 12000]], curve: linear }, slopeDbPerOct: 24 }
                - saturation: { type: asymmetric, driveDb: 18, mix: 0.7 }
                - eq: { type: peak, frequencyHz: 2000, gainDb: 4, q: 2 }
                """;
        ChainDescription chain = ChainReader.parse(apart);
        assertThat(chain.channelsApart()).isTrue();
        AudioBuffer stereo = new AudioBuffer(new float[][] {Signals.noise(1, 3 * FS, 0.5), Signals.noise(2, 3 * FS, 0.3)}, FS);
        float[][] input = {stereo.channel(0).clone(), stereo.channel(1).clone()};
        AudioBuffer sideBySide = ChainRenderer.render(chain, stereo);
        AudioBuffer together = ChainRenderer.render(chain.create(), false, stereo);
        for (int ch = 0; ch < 2; ch++) {
            assertThat(sideBySide.channel(ch)).containsExactly(together.channel(ch));
            assertThat(stereo.channel(ch)).as("the input is left as it was").containsExactly(input[ch]);
        }
        assertThat(sideBySide.channel(0)).isNotEqualTo(input[0]);
    }

    @Test
    void aChainThatLinksOrMixesTheChannelsDoesNotTreatThemApart() {
        assertThat(ChainReader.parse("- eq: { type: peak, frequencyHz: 1000, gainDb: 3 }\n- pan: { position: 0.5 }").channelsApart())
                .isFalse();
        assertThat(ChainReader.parse("- compressor: { thresholdDb: -20, ratio: 4 }").channelsApart()).isFalse();
        assertThat(ChainReader.parse("- reverb: { decayS: 1 }").channelsApart()).isFalse();
    }
}
