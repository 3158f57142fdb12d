package dev.mixdojo.dsp.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.dsp.AudioBlock;
import dev.mixdojo.dsp.ProcessSpec;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.chain.ChainRenderer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The threshold search works on a model of the compressor and checks it with renders; these tests
 * check its answers against the plain definition of gain reduction on the hits, measured here on a
 * copy of the excerpt run through the real compressor, sample by sample.
 */
class ThresholdSearchTest {

    /** Drum-like hits: noise bursts with a 60 ms decay, a random level each, every 250 ms; stereo with a different pan per hit. */
    private static AudioBuffer hits(int rateHz, int channels, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int frames = 3 * rateHz;
        float[][] audio = new float[channels][frames];
        for (int start = 0; start < frames; start += rateHz / 4) {
            double amplitude = Math.pow(10, (-3 - 12 * random.nextDouble()) / 20);
            double pan = random.nextDouble();
            for (int i = start; i < Math.min(frames, start + rateHz / 5); i++) {
                double x = amplitude * Math.exp(-(i - start) / (0.06 * rateHz)) * (2 * random.nextDouble() - 1);
                for (int ch = 0; ch < channels; ch++) {
                    audio[ch][i] = (float) (x * (channels == 1 ? 1 : ch == 0 ? 1 - pan : pan));
                }
            }
        }
        return new AudioBuffer(audio, rateHz);
    }

    /** A 220 Hz tone whose level swells by 18 dB and falls back, twice: sustained material, unlike the hits. */
    private static AudioBuffer swell(int rateHz, int channels) {
        int frames = 3 * rateHz;
        float[][] audio = new float[channels][frames];
        for (int i = 0; i < frames; i++) {
            double levelDb = -24 + 18 * Math.pow(Math.sin(Math.PI * i / (1.5 * rateHz)), 2);
            double x = Math.pow(10, levelDb / 20) * Math.sin(2 * Math.PI * 220 * i / rateHz);
            for (int ch = 0; ch < channels; ch++) {
                audio[ch][i] = (float) (ch == 0 ? x : 0.7 * x);
            }
        }
        return new AudioBuffer(audio, rateHz);
    }

    /** Gain reduction on the hits by its definition: the whole excerpt compressed in place, the compressor's record averaged. */
    private static double plainOnHitsDb(AudioBuffer excerpt, DynamicsSettings settings) {
        float[] perSample = new float[excerpt.frames()];
        Dynamics dynamics = new Dynamics(settings);
        dynamics.prepare(new ProcessSpec(excerpt.sampleRateHz(), 512, excerpt.channelCount()));
        dynamics.recordGainReduction(perSample);
        AudioBuffer copy = excerpt.copy();
        dynamics.process(AudioBlock.of(copy));
        int blockFrames = (int) Math.round(0.010 * excerpt.sampleRateHz());
        boolean[] active = BlockLevels.active(excerpt);
        List<Double> blocks = new ArrayList<>();
        for (int b = 0; b < active.length; b++) {
            if (active[b]) {
                blocks.add(Arrays.stream(Arrays.copyOfRange(toDoubles(perSample), b * blockFrames, (b + 1) * blockFrames))
                        .average().orElseThrow());
            }
        }
        double[] sorted = blocks.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    @Test
    void theFoundThresholdGivesTheAskedGainReductionOnHitsAndSwellsAtBothRatesAndManySettings() {
        List<AudioBuffer> materials = List.of(hits(48_000, 2, 1), hits(44_100, 1, 2), swell(48_000, 2), swell(44_100, 1));
        double[][] settings = { // ratio, attack ms, release ms, knee dB
            {2, 1, 50, 0}, {4, 30, 100, 0}, {10, 5, 500, 6}, {4, 0.1, 20, 0}};
        for (AudioBuffer material : materials) {
            for (double[] s : settings) {
                for (double targetDb : new double[] {2, 6, 12}) {
                    ThresholdSearch.Compressor compressor =
                            t -> DynamicsSettings.compressor(t, s[0], s[3], s[1], s[2], 0);
                    double thresholdDb = ThresholdSearch.find(material, targetDb, compressor).thresholdDb();
                    assertThat(plainOnHitsDb(material, compressor.at(thresholdDb)))
                            .as("%s Hz, %d channels, %s, %s dB", material.sampleRateHz(), material.channelCount(), Arrays.toString(s),
                                    targetDb)
                            .isCloseTo(targetDb, within(ThresholdSearch.TOLERANCE_DB));
                }
            }
        }
    }

    @Test
    void anRmsCompressorWhichTheModelDoesNotDescribeStillGetsTheAskedGainReduction() {
        AudioBuffer material = hits(48_000, 2, 3);
        ThresholdSearch.Compressor compressor =
                t -> DynamicsSettings.compressor(t, 4, 0, 10, 150, 0).withDetector(Detector.RMS, 30);
        double thresholdDb = ThresholdSearch.find(material, 8, compressor).thresholdDb();
        assertThat(plainOnHitsDb(material, compressor.at(thresholdDb))).isCloseTo(8, within(ThresholdSearch.TOLERANCE_DB));
    }

    @Test
    void theMeterReadsWhatThePlainRenderReads() {
        AudioBuffer material = hits(44_100, 2, 4);
        DynamicsSettings settings = DynamicsSettings.compressor(-24, 3, 0, 3, 120, 0);
        assertThat(GainReductionMeter.onHitsDb(material, settings)).isEqualTo(plainOnHitsDb(material, settings));
    }

    @Test
    void theModelOfAPeakCompressorReadsWhatThePlainRenderReadsSoTheSearchNeedsOneRender() {
        // The search trusts the model and renders only to check it: a model off by more than the
        // tolerance would still find the right threshold, by falling back on renders, so this holds
        // the model itself to the plain render.
        List<AudioBuffer> materials = List.of(hits(48_000, 2, 5), hits(44_100, 1, 6), swell(48_000, 2));
        double[][] settings = { // threshold dB, ratio, attack ms, release ms, knee dB
            {-30, 4, 5, 100, 0}, {-20, 2, 1, 50, 6}, {-36, 10, 30, 500, 0}};
        for (AudioBuffer material : materials) {
            GainReductionMeter meter = new GainReductionMeter(material);
            for (double[] s : settings) {
                DynamicsSettings compressor = DynamicsSettings.compressor(s[0], s[1], s[4], s[2], s[3], 0);
                assertThat(meter.modelOnHitsDb(compressor))
                        .as("%s Hz, %d channels, %s", material.sampleRateHz(), material.channelCount(), Arrays.toString(s))
                        .isCloseTo(plainOnHitsDb(material, compressor), within(ThresholdSearch.TOLERANCE_DB));
            }
        }
    }

    @Test
    void theCompressorAQuestionPlaysIsRenderedBesideTheCheckAtTheThresholdFound() {
        AudioBuffer material = hits(48_000, 2, 7);
        ThresholdSearch.Compressor middle = t -> DynamicsSettings.compressor(t, 4, 0, 5, 100, 0);
        ThresholdSearch.Compressor fast = t -> DynamicsSettings.compressor(t, 4, 0, 1, 100, 0);
        ThresholdSearch.Found found = ThresholdSearch.find(material, 6, middle, fast);
        // The search is the one without a companion: the companion changes nothing but what comes with the answer.
        assertThat(found.thresholdDb()).isEqualTo(ThresholdSearch.find(material, 6, middle).thresholdDb());
        AudioBuffer again = ChainRenderer.render(ChainDescription.of(fast.at(found.thresholdDb())), material);
        AudioBuffer played = found.played().orElseThrow();
        for (int c = 0; c < again.channelCount(); c++) {
            assertThat(played.channel(c)).containsExactly(again.channel(c));
        }
        AudioBuffer compressed = ChainRenderer.render(ChainDescription.of(middle.at(found.thresholdDb())), material);
        assertThat(found.compressed().orElseThrow().channel(0)).containsExactly(compressed.channel(0));
    }
}
