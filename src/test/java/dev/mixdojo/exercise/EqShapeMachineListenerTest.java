package dev.mixdojo.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.dsp.eq.BiquadCoefficients;
import dev.mixdojo.dsp.eq.EqSettings;
import dev.mixdojo.dsp.eq.FilterType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

/**
 * Machine listeners for the EQ kinds about a curve's shape: wide or narrow, shelf or bell, which two
 * bands, and EQ matching. Each solver reads only the two versions' spectra (the analysis package's
 * Welch analyzer, through {@link Listener}) and what the learner sees (the prompt and the choices).
 */
class EqShapeMachineListenerTest extends WithMaterial {
    @Test
    void wideOrNarrowOnPinkNoise() {
        Drills.assertSolved(audio, EqKinds.eqQ(), "noise/pink", "{direction: either, excerptS: 3}", 8, question -> {
            Curve curve = new Curve(new Listener(question));
            double peakHz = curve.peakHz();
            double widthOctaves = curve.halfGainWidthOctaves(peakHz);
            // RBJ: a bell's bandwidth between its half-gain points is 2·asinh(1/(2Q))/ln 2 octaves.
            AnswerForm.Option best = ((AnswerForm.Choice) question.form()).options().stream()
                    .min(Comparator.comparingDouble(o -> Math.abs(Math.log(bandwidthOctaves(o.value()) / widthOctaves))))
                    .orElseThrow();
            return new Answer.Chosen(best.label());
        });
    }

    @Test
    void shelfOrBellOnPinkNoise() {
        Drills.assertSolved(audio, EqKinds.eqShape(), "noise/pink", "{direction: either, excerptS: 3}", 9, question -> {
            Curve curve = new Curve(new Listener(question));
            double frequencyHz = frequencyInPrompt(question.prompt());
            String shelfLabel = ((AnswerForm.Choice) question.form()).options().get(0).label();
            double below = curve.deviationDb(frequencyHz / Math.pow(2, 1.5));
            double at = curve.deviationDb(frequencyHz);
            double above = curve.deviationDb(frequencyHz * Math.pow(2, 1.5));
            // A shelf stays at full gain on its far side and is back to flat on the other; a bell is
            // flat on both sides and peaks in the middle.
            double shelfness = Math.abs(shelfLabel.startsWith("Low") ? below - above : above - below);
            double bellness = Math.abs(at - (below + above) / 2);
            return new Answer.Chosen(shelfness > bellness ? shelfLabel : "Bell");
        });
    }

    @Test
    void twoOctaveBandsOnPinkNoise() {
        Drills.assertSolved(audio, EqKinds.eqTwoBands(), "noise/pink", "{direction: either, excerptS: 3}", 12, question -> {
            Curve curve = new Curve(new Listener(question));
            double sign = Math.signum(curve.deviationDb(curve.peakHz()));
            List<Double> octaves = FairBands.bandCentres(false, 63, 8000);
            List<Double> strongest = octaves.stream()
                    .sorted(Comparator.comparingDouble((Double f) -> sign * curve.deviationDb(f)).reversed())
                    .limit(2).toList();
            return new Answer.Dialed(Map.of("firstHz", strongest.get(0), "secondHz", strongest.get(1)));
        });
    }

    @Test
    void matchingAnEqOnPinkNoise() {
        Drills.assertSolved(audio, EqKinds.eqMatch(), "noise/pink", "{direction: either, excerptS: 3}", 2,
                question -> fittedBell(new Listener(question), 1));
    }

    @Test
    void dialingTheCorrectionOnPinkNoise() {
        Drills.assertSolved(audio, EqKinds.eqMatch(), "noise/pink", "{direction: either, inverse: true, excerptS: 3}", 2,
                question -> fittedBell(new Listener(question), -1));
    }

    @Test
    void theMatchGradeIsTheMeanErbDifferenceAndNamesEachSettingsError() {
        EqSettings applied = EqSettings.of(FilterType.PEAK, 1000, 6, 1.4, 12);
        Grade exact = EqKinds.matchGrade(applied, applied, false, 1);
        assertThat(exact.error()).isZero();
        assertThat(exact.correct()).isTrue();
        // An octave too high: the two bells differ by up to 6 dB over about two octaves of the ~40 ERB steps.
        Grade octaveHigh = EqKinds.matchGrade(applied, EqSettings.of(FilterType.PEAK, 2000, 6, 1.4, 12), false, 1);
        double expected = ErbScale.FREQUENCIES_HZ.stream().mapToDouble(f -> Math.abs(
                applied.magnitudeDbAt(f, 48_000) - EqSettings.of(FilterType.PEAK, 2000, 6, 1.4, 12).magnitudeDbAt(f, 48_000)))
                .average().orElseThrow();
        assertThat(octaveHigh.error()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(octaveHigh.error()).isBetween(1.0, 4.0);
        assertThat(octaveHigh.correct()).isFalse();
        assertThat(octaveHigh.feedback()).contains("It was +6 dB at 1 kHz, Q 1.4").contains("frequency 1 octave high");
        // ERB steps: Glasberg & Moore put 1 kHz at 15.6 Cams, and 20 kHz at 41.6, so 41 one-ERB steps fit from 20 Hz.
        assertThat(ErbScale.erbNumber(1000)).isCloseTo(15.6, org.assertj.core.data.Offset.offset(0.05));
        assertThat(ErbScale.FREQUENCIES_HZ).hasSize(41);
    }

    /** RBJ: the bandwidth in octaves between a bell's half-gain points for a Q. */
    private static double bandwidthOctaves(double q) {
        return 2 * asinh(1 / (2 * q)) / Math.log(2);
    }

    private static double asinh(double x) {
        return Math.log(x + Math.sqrt(x * x + 1));
    }

    private static double frequencyInPrompt(String prompt) {
        Matcher m = Pattern.compile("at ([0-9.]+) (k?)Hz").matcher(prompt);
        assertThat(m.find()).as("a frequency in '%s'", prompt).isTrue();
        return Double.parseDouble(m.group(1)) * (m.group(2).isEmpty() ? 1 : 1000);
    }

    /**
     * The bell that best explains the measured difference: centre near the largest deviation, Q on a
     * log grid, and gain and the loudness-matching offset by least squares at ERB-spaced frequencies
     * (a bell's dB response is close to proportional to its gain). {@code sign} −1 answers the
     * correction instead.
     */
    private static Answer fittedBell(Listener listener, int sign) {
        Curve curve = new Curve(listener);
        double peakHz = curve.peakHz();
        double peakDb = curve.deviationDb(peakHz);
        double[] at = ErbScale.FREQUENCIES_HZ.stream().mapToDouble(Double::doubleValue).filter(f -> f >= 50 && f <= 12_000).toArray();
        double[] measured = DoubleStream.of(at).map(listener::fineDifferenceAtDb).toArray();
        double bestResidual = Double.POSITIVE_INFINITY;
        double[] best = {peakHz, peakDb, 1};
        for (double f = peakHz * Math.pow(2, -0.25); f <= peakHz * Math.pow(2, 0.25); f *= Math.pow(2, 1.0 / 24)) {
            for (double q = 0.3; q <= 10; q *= 1.1) {
                List<BiquadCoefficients> sections = EqSettings.of(FilterType.PEAK, f, peakDb, q, 12).sections(48_000);
                double[] shape = DoubleStream.of(at)
                        .map(x -> sections.stream().mapToDouble(s -> s.magnitudeDbAt(x, 48_000)).sum()).toArray();
                double[] fit = leastSquares(shape, measured);
                if (fit[2] < bestResidual) {
                    bestResidual = fit[2];
                    best = new double[] {f, fit[0] * peakDb, q};
                }
            }
        }
        double gainDb = Math.max(-18, Math.min(18, sign * best[1]));
        return new Answer.Dialed(Map.of("frequencyHz", best[0], "gainDb", gainDb, "q", best[2]));
    }

    /** Least squares y ≈ a·x + c: {a, c, residual sum of squares}. */
    private static double[] leastSquares(double[] x, double[] y) {
        int n = x.length;
        double mx = DoubleStream.of(x).average().orElseThrow();
        double my = DoubleStream.of(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double a = sxx > 0 ? sxy / sxx : 0;
        double c = my - a * mx;
        double residual = 0;
        for (int i = 0; i < n; i++) {
            residual += Math.pow(y[i] - a * x[i] - c, 2);
        }
        return new double[] {a, c, residual};
    }

    /** The measured EQ curve: fine differences minus the loudness-matching offset (the median difference). */
    private static final class Curve {
        private final Listener listener;
        private final double offsetDb;

        Curve(Listener listener) {
            this.listener = listener;
            this.offsetDb = listener.medianDifferenceDb();
        }

        double deviationDb(double frequencyHz) {
            return listener.differenceAtDb(frequencyHz) - offsetDb;
        }

        double fineDeviationDb(double frequencyHz) {
            return listener.fineDifferenceAtDb(frequencyHz) - offsetDb;
        }

        /** Where the curve departs most from flat, on a 1/24-octave grid from 50 Hz to 12 kHz. */
        double peakHz() {
            return DoubleStream.iterate(50, f -> f <= 12_000, f -> f * Math.pow(2, 1.0 / 24)).boxed()
                    .max(Comparator.comparingDouble(f -> Math.abs(fineDeviationDb(f)))).orElseThrow();
        }

        /** The width in octaves between the points either side of the peak where the deviation falls to half. */
        double halfGainWidthOctaves(double peakHz) {
            double peakDb = fineDeviationDb(peakHz);
            double step = Math.pow(2, 1.0 / 48);
            double low = peakHz;
            while (low > 30 && fineDeviationDb(low) / peakDb > 0.5) {
                low /= step;
            }
            double high = peakHz;
            while (high < 16_000 && fineDeviationDb(high) / peakDb > 0.5) {
                high *= step;
            }
            return Math.log(high / low) / Math.log(2);
        }
    }
}
