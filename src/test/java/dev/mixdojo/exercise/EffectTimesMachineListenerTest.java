package dev.mixdojo.exercise;

import dev.mixdojo.analysis.spectrum.WelchAnalyzer;
import dev.mixdojo.analysis.spectrum.WelchSpectra;
import dev.mixdojo.audio.AudioBuffer;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proves that reverb predelay and wetness, delay note values and feedback, and saturation drive
 * questions carry their change: solvers that use only the rendered audio and the analysis package
 * (never the answer key) answer at least 48 of 50 seeded questions right at the easiest level.
 */
class EffectTimesMachineListenerTest extends WithMaterial {
    private static final String SNARE = "song/funk-elevator/snare";

    @Test
    void reverbPredelayOnASnare() {
        Drills.assertSolved(audio, EffectKinds.reverbPredelay(), SNARE, "{excerptS: 3}", 40, question -> {
            float[] dry = question.audio().get("original").channel(0);
            float[] wet = question.audio().get("processed").channel(0);
            int rateHz = question.audio().get("original").sampleRateHz();
            List<AnswerForm.Option> options = ((AnswerForm.Choice) question.form()).options();
            // Same reverb, shifted: identical versions mean no predelay; otherwise the reverb of the
            // processed version lines up with the original's at the predelay.
            if (correlation(wet, dry, 0) > 0.999 && options.get(0).value() == 0) {
                return new Answer.Chosen(options.get(0).label());
            }
            return new Answer.Chosen(options.stream().filter(o -> o.value() > 0)
                    .max(Comparator.comparingDouble(o -> correlation(wet, dry, (int) Math.round(o.value() / 1000 * rateHz))))
                    .orElseThrow().label());
        });
    }

    @Test
    void reverbWetShareOnASnare() {
        Drills.assertSolved(audio, EffectKinds.reverbWet(), SNARE, "{excerptS: 3}", 0.2, question -> {
            // What the original (dry) cannot explain is reverb: its share of the processed energy.
            AudioBuffer dry = question.audio().get("original");
            AudioBuffer wet = question.audio().get("processed");
            double dd = 0;
            double dw = 0;
            double ww = 0;
            for (int c = 0; c < wet.channelCount(); c++) {
                float[] x = dry.channel(Math.min(c, dry.channelCount() - 1));
                float[] y = wet.channel(c);
                for (int i = 0; i < y.length; i++) {
                    dd += (double) x[i] * x[i];
                    dw += (double) x[i] * y[i];
                    ww += (double) y[i] * y[i];
                }
            }
            double share = (ww - dw * dw / dd) / ww;
            return nearest(question, share);
        });
    }

    @Test
    void delayNoteValueOnASnare() {
        Drills.assertSolved(audio, EffectKinds.delayNote(), SNARE, "{excerptS: 4}", 2, question -> {
            float[] dry = question.audio().get("original").channel(0);
            float[] wet = question.audio().get("processed").channel(0);
            int rateHz = question.audio().get("original").sampleRateHz();
            return new Answer.Chosen(((AnswerForm.Choice) question.form()).options().stream()
                    .min(Comparator.comparingDouble(o -> MachineListenerTest.delayResidual(dry, wet,
                            (int) Math.round(o.value() / 1000 * rateHz))))
                    .orElseThrow().label());
        });
    }

    @Test
    void delayFeedbackOnASnare() {
        Drills.assertSolved(audio, EffectKinds.delayFeedback(), SNARE, "{excerptS: 3}", 0.25, question -> {
            float[] dry = question.audio().get("original").channel(0);
            float[] wet = question.audio().get("processed").channel(0);
            int lag = (int) Math.round(0.250 * question.audio().get("original").sampleRateHz());
            // processed ≈ Σ b_k·original(t − k·delay); with feedback f the repeats fall as b_k = b_1·f^(k−1).
            double[] b = tapGains(dry, wet, lag, 6);
            double above = 0;
            double below = 0;
            for (int k = 2; k < b.length; k++) {
                above += b[k] * b[k - 1];
                below += b[k - 1] * b[k - 1];
            }
            return nearest(question, above / below);
        });
    }

    @Test
    void saturationDriveOnATone() {
        Drills.assertSolved(audio, EffectKinds.saturationDrive(), "song/tone-1k", "{excerptS: 2}", 3, question -> {
            // The third harmonic against the fundamental, matched to tanh(g·A·sin θ) for drives g on a 0.1 dB grid.
            AudioBuffer processed = question.audio().get("processed");
            WelchAnalyzer analyzer = new WelchAnalyzer(processed.sampleRateHz(), processed.channelCount());
            analyzer.accept(processed.channels(), processed.frames());
            WelchSpectra spectra = analyzer.spectra();
            double measuredDb = 10 * Math.log10(MachineListenerTest.bandPower(spectra, 3000) / MachineListenerTest.bandPower(spectra, 1000));
            double amplitude = Math.sqrt(2) * rms(question.audio().get("original").channel(0));
            double bestDb = 0;
            double bestMiss = Double.POSITIVE_INFINITY;
            for (double driveDb = 0; driveDb <= 48; driveDb += 0.1) {
                double miss = Math.abs(thirdHarmonicDb(Math.pow(10, driveDb / 20) * amplitude) - measuredDb);
                if (miss < bestMiss) {
                    bestMiss = miss;
                    bestDb = driveDb;
                }
            }
            return new Answer.Valued(bestDb);
        });
    }

    /** The option whose value is nearest. */
    private static Answer nearest(Question question, double value) {
        return new Answer.Chosen(((AnswerForm.Choice) question.form()).options().stream()
                .min(Comparator.comparingDouble(o -> Math.abs(o.value() - value))).orElseThrow().label());
    }

    /** Normalised correlation of y(t) with x(t − lag). */
    private static double correlation(float[] y, float[] x, int lag) {
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int i = lag; i < y.length; i++) {
            xy += (double) y[i] * x[i - lag];
            xx += (double) x[i - lag] * x[i - lag];
            yy += (double) y[i] * y[i];
        }
        return xy / Math.sqrt(xx * yy);
    }

    /** Least-squares gains b_0 … b_{taps−1} of y ≈ Σ b_k·x(t − k·lag), from the normal equations. */
    private static double[] tapGains(float[] x, float[] y, int lag, int taps) {
        double[][] a = new double[taps][taps + 1];
        for (int j = 0; j < taps; j++) {
            for (int k = 0; k < taps; k++) {
                double sum = 0;
                for (int i = Math.max(j, k) * lag; i < y.length; i++) {
                    sum += (double) x[i - j * lag] * x[i - k * lag];
                }
                a[j][k] = sum;
            }
            double sum = 0;
            for (int i = j * lag; i < y.length; i++) {
                sum += (double) x[i - j * lag] * y[i];
            }
            a[j][taps] = sum;
        }
        // Gaussian elimination (the matrix is a symmetric positive definite Gram matrix: no pivoting needed).
        for (int p = 0; p < taps; p++) {
            for (int r = p + 1; r < taps; r++) {
                double factor = a[r][p] / a[p][p];
                for (int c = p; c <= taps; c++) {
                    a[r][c] -= factor * a[p][c];
                }
            }
        }
        double[] b = new double[taps];
        for (int r = taps - 1; r >= 0; r--) {
            double sum = a[r][taps];
            for (int c = r + 1; c < taps; c++) {
                sum -= a[r][c] * b[c];
            }
            b[r] = sum / a[r][r];
        }
        return b;
    }

    /** The third harmonic of tanh(u·sin θ) against its fundamental in dB, by a 1024-point Fourier sum over one period. */
    private static double thirdHarmonicDb(double u) {
        int n = 1024;
        double first = 0;
        double third = 0;
        for (int i = 0; i < n; i++) {
            double theta = 2 * Math.PI * i / n;
            double y = Math.tanh(u * Math.sin(theta));
            first += y * Math.sin(theta);
            third += y * Math.sin(3 * theta);
        }
        return 20 * Math.log10(Math.abs(third) / Math.abs(first));
    }

    private static double rms(float[] samples) {
        double sum = 0;
        for (float s : samples) {
            sum += (double) s * s;
        }
        return Math.sqrt(sum / samples.length);
    }
}
