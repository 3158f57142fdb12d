package dev.mixdojo.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.analysis.spectrum.Spectrogram;
import dev.mixdojo.analysis.spectrum.WelchAnalyzer;
import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.dsp.dynamics.BlockLevels;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.progress.StaircaseSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Proves that every automation question carries its change: solvers that use only the rendered
 * audio (never the answer key) answer at least 48 of 50 seeded questions right at the easiest level.
 */
class AutomationMachineListenerTest extends WithMaterial {
    private static final String VOCAL = "song/pop-sunrise/vocal";
    private static final String MIX = "song/house-warehouse";

    @Test
    void whenTheRideOnAVocalHappened() {
        Drills.assertSolved(audio, AutomationKinds.rideWhen(), VOCAL, "{excerptS: 4}", 6,
                question -> new Answer.Valued(changePointS(gainTrack(question))));
    }

    @Test
    void upOrDownAndHowFarOnAVocal() {
        Drills.assertSolved(audio, AutomationKinds.rideAmount(), VOCAL, "{excerptS: 4}", 1, question -> {
            List<double[]> track = gainTrack(question);
            // The level either side of the change, a ramp's length (0.2 s) away from it.
            double atS = changePointS(track);
            return new Answer.Valued(median(track, p -> p[0] > atS + 0.2) - median(track, p -> p[0] < atS - 0.2));
        });
    }

    @Test
    void drawTheRideOnAMix() {
        Drills.assertSolved(audio, AutomationKinds.rideDraw(), MIX, "{excerptS: 5}", 1.5, question -> {
            List<double[]> track = gainTrack(question);
            List<Answer.Point> points = new ArrayList<>();
            // The median gain of every 50 ms where the material plays, as a drawn point.
            for (double t = 0.025; t < question.audio().get("original").durationS(); t += 0.05) {
                double from = t - 0.025;
                double to = t + 0.025;
                if (track.stream().anyMatch(p -> p[0] >= from && p[0] < to)) {
                    points.add(new Answer.Point(t, median(track, p -> p[0] >= from && p[0] < to)));
                }
            }
            return new Answer.Drawn(points);
        });
    }

    @Test
    void evenOutAnUnevenVocal() {
        Drills.assertSolved(audio, AutomationKinds.rideEvenOut(), VOCAL, "{excerptS: 6}", 1, question -> {
            // Only the uneven version: ride each 400 ms window's level to the median of the sung windows.
            double[] energy = BlockLevels.energy(question.audio().get("processed"));
            List<double[]> levels = new ArrayList<>();
            double loudestDb = Double.NEGATIVE_INFINITY;
            for (int start = 0; start + 40 <= energy.length; start += 10) {
                double sum = 0;
                for (int b = start; b < start + 40; b++) {
                    sum += energy[b];
                }
                double levelDb = 10 * Math.log10(sum / 40 + 1e-30);
                levels.add(new double[] {(start + 20) * 0.01, levelDb});
                loudestDb = Math.max(loudestDb, levelDb);
            }
            double gateDb = loudestDb - 20;
            double middleDb = median(levels, p -> p[1] >= gateDb, p -> p[1]);
            List<Answer.Point> ride = levels.stream().filter(p -> p[1] >= gateDb)
                    .map(p -> new Answer.Point(p[0], Math.max(-12, Math.min(12, middleDb - p[1])))).toList();
            return new Answer.Drawn(ride);
        });
    }

    @Test
    void leavingTheUnevenVocalAloneFails() {
        DrillSpec drill = Drills.drill("automation-even-out", VOCAL, "{excerptS: 6}",
                StaircaseSettings.linear(1, 1, 0.25, 0.125));
        long passed = IntStream.range(0, 20)
                .mapToObj(seed -> AutomationKinds.rideEvenOut().generate("lesson", drill, 1, 1000 + seed, audio))
                .filter(question -> question.grade(new Answer.Drawn(List.of())).correct())
                .count();
        assertThat(passed).as("flat rides that passed out of 20").isZero();
    }

    @Test
    void whenTheFilterOpenedOnPinkNoise() {
        Drills.assertSolved(audio, AutomationKinds.filterOpenWhen(), "noise/pink", "{excerptS: 4}", 0.3,
                question -> new Answer.Valued(openingS(brightnessTrack(question))));
    }

    @Test
    void filterOpeningOrClosingOnAMix() {
        Drills.assertSolved(audio, AutomationKinds.filterDirection(), MIX, "{excerptS: 4}", 4, question -> {
            List<double[]> track = brightnessTrack(question);
            double endS = question.audio().get("original").durationS();
            double earlyDb = median(track, p -> p[0] < endS / 4);
            double lateDb = median(track, p -> p[0] > 3 * endS / 4);
            return new Answer.Chosen(lateDb > earlyDb ? "Opening" : "Closing");
        });
    }

    /** Per 10 ms block where the original plays: [seconds, processed over original in dB]. */
    private static List<double[]> gainTrack(Question question) {
        double[] dry = BlockLevels.energy(question.audio().get("original"));
        double[] wet = BlockLevels.energy(question.audio().get("processed"));
        boolean[] active = BlockLevels.active(question.audio().get("original"));
        List<double[]> track = new ArrayList<>();
        for (int b = 0; b < dry.length; b++) {
            if (active[b]) {
                track.add(new double[] {(b + 0.5) * 0.01, 10 * Math.log10(wet[b] / dry[b])});
            }
        }
        return track;
    }

    /**
     * Per spectrogram column: [seconds, processed over original in dB, original's energy, processed's
     * energy] above 1 kHz, where a low-pass from 300 Hz leaves nothing until it opens.
     */
    private static List<double[]> brightnessTrack(Question question) {
        AudioBuffer original = question.audio().get("original");
        Spectrogram dry = spectrogram(original);
        Spectrogram wet = spectrogram(question.audio().get("processed"));
        // A column's frames start every step and each spans one FFT: its centre is half an FFT on.
        double offsetS = 0.5 * new WelchAnalyzer(original.sampleRateHz(), 1).fftSize() / original.sampleRateHz();
        List<double[]> track = new ArrayList<>();
        for (int column = 0; column < dry.columns(); column++) {
            double a = 0;
            double c = 0;
            for (int band = 0; band < dry.bands().count(); band++) {
                if (dry.bands().centreHz(band) >= 1000) {
                    a += Math.pow(10, dry.levelDb(column, band) / 10);
                    c += Math.pow(10, wet.levelDb(column, band) / 10);
                }
            }
            track.add(new double[] {(column + 0.5) * dry.columnStepS() + offsetS, 10 * Math.log10((c + 1e-20) / (a + 1e-20)), a, c});
        }
        return track;
    }

    private static Spectrogram spectrogram(AudioBuffer audio) {
        WelchAnalyzer analyzer = new WelchAnalyzer(audio.sampleRateHz(), audio.channelCount());
        analyzer.accept(audio.channels(), audio.frames());
        return analyzer.spectrogram();
    }

    /**
     * When the filter opened: the block from which the processed version's bright energy follows
     * the original's (c = G·a), having been near nothing before — a step fitted by least squares in
     * energy, so loud hits weigh most and quiet blocks cannot mislead.
     */
    private static double openingS(List<double[]> track) {
        int n = track.size();
        int best = 1;
        double bestError = Double.POSITIVE_INFINITY;
        for (int k = 1; k < n; k++) {
            double closed = 0;
            for (int b = 0; b < k; b++) {
                closed += track.get(b)[3] * track.get(b)[3];
            }
            double ac = 0;
            double aa = 0;
            double cc = 0;
            for (int b = k; b < n; b++) {
                ac += track.get(b)[2] * track.get(b)[3];
                aa += track.get(b)[2] * track.get(b)[2];
                cc += track.get(b)[3] * track.get(b)[3];
            }
            double error = closed + cc - ac * ac / aa;
            if (error < bestError) {
                bestError = error;
                best = k;
            }
        }
        return track.get(best)[0];
    }

    /** Each value replaced by the median of the nine around it: a kick drum's burst below the cutoff is not a change. */
    private static List<double[]> medianFiltered(List<double[]> track) {
        List<double[]> filtered = new ArrayList<>();
        for (int i = 0; i < track.size(); i++) {
            double[] values = track.subList(Math.max(0, i - 4), Math.min(track.size(), i + 5)).stream()
                    .mapToDouble(p -> p[1]).sorted().toArray();
            filtered.add(new double[] {track.get(i)[0], values[values.length / 2]});
        }
        return filtered;
    }

    /** The time that best splits a track into two constant levels (least squares). */
    private static double changePointS(List<double[]> track) {
        int n = track.size();
        double[] prefix = new double[n + 1];
        double[] prefixSquares = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + track.get(i)[1];
            prefixSquares[i + 1] = prefixSquares[i] + track.get(i)[1] * track.get(i)[1];
        }
        int best = 1;
        double bestError = Double.POSITIVE_INFINITY;
        for (int k = 1; k < n; k++) {
            double left = prefixSquares[k] - prefix[k] * prefix[k] / k;
            double right = prefixSquares[n] - prefixSquares[k] - Math.pow(prefix[n] - prefix[k], 2) / (n - k);
            if (left + right < bestError) {
                bestError = left + right;
                best = k;
            }
        }
        return (track.get(best - 1)[0] + track.get(best)[0]) / 2;
    }

    private static double median(List<double[]> track, Predicate<double[]> keep) {
        return median(track, keep, p -> p[1]);
    }

    private static double median(List<double[]> track, Predicate<double[]> keep,
            ToDoubleFunction<double[]> value) {
        double[] values = track.stream().filter(keep).mapToDouble(value).sorted().toArray();
        return values.length == 0 ? 0 : values[values.length / 2];
    }
}
