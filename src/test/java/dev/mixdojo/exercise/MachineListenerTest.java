package dev.mixdojo.exercise;

import dev.mixdojo.analysis.spectrum.WelchAnalyzer;
import dev.mixdojo.analysis.spectrum.WelchSpectra;
import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.dsp.dynamics.BlockLevels;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Proves that every question carries its change: for each kind, a solver that uses only the
 * rendered audio and the analysis package (never the answer key) answers at least 95 % of 50
 * seeded questions right at the easiest level.
 */
class MachineListenerTest extends WithMaterial {
    @Test
    void octaveBoostsOnPinkNoise() {
        Drills.assertSolved(audio, EqKinds.eqBand(), "noise/pink", "{bands: octave, excerptS: 3}", 12, this::strongestBand);
    }

    @Test
    void thirdOctaveCutsOnPinkNoise() {
        Drills.assertSolved(audio, EqKinds.eqBand(), "noise/pink", "{bands: third, direction: cut, excerptS: 3}", 12,
                this::strongestBand);
    }

    @Test
    void boostOrCut() {
        Drills.assertSolved(audio, EqKinds.eqDirection(), "noise/pink", "{excerptS: 3}", 9, question -> {
            double[] deviations = deviationsFromMedian(new Listener(question));
            double largest = Arrays.stream(deviations).boxed().max(Comparator.comparingDouble(Math::abs)).orElseThrow();
            return new Answer.Chosen(largest > 0 ? "Boost" : "Cut");
        });
    }

    @Test
    void howManyDecibels() {
        Drills.assertSolved(audio, EqKinds.eqGain(), "noise/pink", "{direction: either, excerptS: 3}", 3, question -> {
            double[] deviations = deviationsFromMedian(new Listener(question));
            return new Answer.Valued(Arrays.stream(deviations).boxed().max(Comparator.comparingDouble(Math::abs)).orElseThrow());
        });
    }

    @Test
    void highPassCutoff() {
        Drills.assertSolved(audio, EqKinds.eqFilter(), "noise/pink", "{excerptS: 3}", 0.5, question -> {
            Listener listener = new Listener(question);
            double passbandDb = listener.differenceDb(2000, 8000);
            // The Butterworth cutoff is where the response is 3 dB down: scan up in 1/24-octave steps.
            double previousHz = 25;
            double previousDb = listener.differenceAtDb(previousHz) - passbandDb;
            for (double f = 25 * Math.pow(2, 1.0 / 24); f < 2000; f *= Math.pow(2, 1.0 / 24)) {
                double db = listener.differenceAtDb(f) - passbandDb;
                if (db >= -3) {
                    double t = (-3 - previousDb) / (db - previousDb);
                    return new Answer.Valued(previousHz * Math.pow(f / previousHz, t));
                }
                previousHz = f;
                previousDb = db;
            }
            return new Answer.Valued(2000);
        });
    }

    @Test
    void panPosition() {
        Drills.assertSolved(audio, PanKinds.panPosition(), "noise/pink", "{excerptS: 3}", 10, question -> {
            AudioBuffer panned = question.audio().get("processed");
            double left = rms(panned.channel(0));
            double right = rms(panned.channel(1));
            // Constant power: left = cos θ, right = sin θ with θ = (position + 1) π / 4.
            return new Answer.Valued(Math.atan2(right, left) * 4 / Math.PI - 1);
        });
    }

    @Test
    void compressedOrNotOnASnare() {
        Drills.assertSolved(audio, CompressionKinds.compressionDetect(), SNARE, "{excerptS: 3}", 6,
                question -> new Answer.Chosen(new GainCurve(question).onHitsDb() > 0.5 ? "Yes" : "No"));
    }

    @Test
    void howMuchGainReductionOnASnare() {
        Drills.assertSolved(audio, CompressionKinds.compressionAmount(), SNARE, "{excerptS: 3}", 2,
                question -> new Answer.Valued(new GainCurve(question).onHitsDb()));
    }

    @Test
    void fastOrSlowAttackOnASnare() {
        Drills.assertSolved(audio, CompressionKinds.compressionAttack(), SNARE, "{excerptS: 3}", 30, question -> {
            GainCurve curve = new GainCurve(question);
            // A fast attack already turns the transient's peak down; a slow one lets it through.
            return new Answer.Chosen(curve.onTransientsDb() > 0.7 * curve.onHitsDb() ? "Fast" : "Slow");
        });
    }

    @Test
    void reverbDecayOnASnare() {
        Drills.assertSolved(audio, EffectKinds.reverbDecay(), SNARE, "{excerptS: 4}", 2, question -> {
            // Fit the processed version's energy envelope as dry energy plus dry energy smeared by an
            // exponential decay of each offered RT60 (−60 dB in RT60 seconds); the best fit wins.
            double[] dry = BlockLevels.energy(question.audio().get("original"));
            double[] wet = BlockLevels.energy(question.audio().get("processed"));
            double blockS = BlockLevels.BLOCK_MS / 1000;
            AnswerForm.Option best = null;
            double bestResidual = Double.POSITIVE_INFINITY;
            for (AnswerForm.Option option : ((AnswerForm.Choice) question.form()).options()) {
                double[] smeared = new double[dry.length];
                double perBlock = Math.pow(10, -6 * blockS / option.value());
                for (int b = 1; b < dry.length; b++) {
                    smeared[b] = smeared[b - 1] * perBlock + dry[b - 1];
                }
                double residual = relativeFitResidual(dry, smeared, wet);
                if (residual < bestResidual) {
                    bestResidual = residual;
                    best = option;
                }
            }
            return new Answer.Chosen(best.label());
        });
    }

    @Test
    void delayTimeOnASnare() {
        Drills.assertSolved(audio, EffectKinds.delayTime(), SNARE, "{excerptS: 3}", 50, question -> {
            // One repeat: processed = a·original(t) + b·original(t − delay); the true delay leaves no residual.
            float[] dry = question.audio().get("original").channel(0);
            float[] wet = question.audio().get("processed").channel(0);
            int rateHz = question.audio().get("original").sampleRateHz();
            return new Answer.Chosen(((AnswerForm.Choice) question.form()).options().stream()
                    .min(Comparator.comparingDouble(o -> delayResidual(dry, wet, (int) Math.round(o.value() / 1000 * rateHz))))
                    .orElseThrow().label());
        });
    }

    @Test
    void evenOrOddHarmonicsOnATone() {
        Drills.assertSolved(audio, EffectKinds.saturationHarmonics(), "song/tone-1k", "{excerptS: 2}", 24, question -> {
            WelchAnalyzer analyzer = new WelchAnalyzer(question.audio().get("processed").sampleRateHz(),
                    question.audio().get("processed").channelCount());
            analyzer.accept(question.audio().get("processed").channels(), question.audio().get("processed").frames());
            WelchSpectra spectra = analyzer.spectra();
            double fundamental = bandPower(spectra, 1000);
            double second = bandPower(spectra, 2000);
            return new Answer.Chosen(10 * Math.log10(second / fundamental) > -50 ? "Even" : "Odd");
        });
    }

    /** The option whose band changed most in the asked direction. */
    private Answer strongestBand(Question question) {
        Listener listener = new Listener(question);
        boolean cut = question.prompt().contains("cut");
        AnswerForm.Choice choice = (AnswerForm.Choice) question.form();
        AnswerForm.Option best = choice.options().stream()
                .max(Comparator.comparingDouble(o -> (cut ? -1 : 1) * listener.differenceAtDb(o.value())))
                .orElseThrow();
        return new Answer.Chosen(best.label());
    }

    /** Third-octave differences (100 Hz–10 kHz) minus their median: what stands out after loudness matching. */
    private static double[] deviationsFromMedian(Listener listener) {
        double median = listener.medianDifferenceDb();
        return DoubleStream.iterate(100, f -> f <= 10_000, f -> f * Math.pow(2, 1.0 / 3))
                .map(f -> listener.differenceAtDb(f) - median).toArray();
    }

    private static double rms(float[] samples) {
        double sum = 0;
        for (float s : samples) {
            sum += (double) s * s;
        }
        return Math.sqrt(sum / samples.length);
    }

    private static final String SNARE = "song/funk-elevator/snare";

    /**
     * The share of {@code target} left unexplained by the weighted least-squares fit
     * target ≈ a·x + b·y: Σ w(a·x + b·y − target)² / Σ w·target², from the 2×2 normal equations.
     */
    static double twoTermResidual(double[] x, double[] y, double[] target, double[] weight) {
        double xx = 0;
        double xy = 0;
        double yy = 0;
        double xt = 0;
        double yt = 0;
        double tt = 0;
        for (int i = 0; i < target.length; i++) {
            double w = weight[i];
            xx += w * x[i] * x[i];
            xy += w * x[i] * y[i];
            yy += w * y[i] * y[i];
            xt += w * x[i] * target[i];
            yt += w * y[i] * target[i];
            tt += w * target[i] * target[i];
        }
        double det = xx * yy - xy * xy;
        double a = (xt * yy - yt * xy) / det;
        double b = (yt * xx - xt * xy) / det;
        return (tt - a * xt - b * yt) / tt;
    }

    /** The relative misfit of wet ≈ A·dry + B·smeared, each block weighted by 1/wet² (blocks 50 dB down or more left out). */
    private static double relativeFitResidual(double[] dry, double[] smeared, double[] wet) {
        double loudest = Arrays.stream(wet).max().orElse(0);
        double[] weight = Arrays.stream(wet).map(e -> e > loudest * 1e-5 ? 1 / (e * e) : 0).toArray();
        return twoTermResidual(dry, smeared, wet, weight);
    }

    /** The share of the processed signal left unexplained by a·dry(t) + b·dry(t − lag). */
    static double delayResidual(float[] dry, float[] wet, int lag) {
        double[] x = IntStream.range(0, wet.length).mapToDouble(i -> dry[i]).toArray();
        double[] y = IntStream.range(0, wet.length).mapToDouble(i -> i >= lag ? dry[i - lag] : 0).toArray();
        double[] target = IntStream.range(0, wet.length).mapToDouble(i -> wet[i]).toArray();
        double[] weight = new double[wet.length];
        Arrays.fill(weight, 1);
        return twoTermResidual(x, y, target, weight);
    }

    /** Power within a sixth of an octave of a frequency. */
    static double bandPower(WelchSpectra spectra, double frequencyHz) {
        double[] power = spectra.totalPower();
        int first = (int) Math.floor(frequencyHz * Math.pow(2, -1.0 / 12) / spectra.binHz());
        int last = (int) Math.ceil(frequencyHz * Math.pow(2, 1.0 / 12) / spectra.binHz());
        double sum = 0;
        for (int bin = first; bin <= last; bin++) {
            sum += power[bin];
        }
        return sum;
    }
}
