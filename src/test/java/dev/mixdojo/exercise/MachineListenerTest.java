package dev.mixdojo.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.progress.StaircaseSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that every question carries its change: for each kind, a solver that uses only the
 * rendered audio and the analysis package (never the answer key) answers at least 95 % of 50
 * seeded questions right at the easiest level.
 */
class MachineListenerTest {
    private static final int QUESTIONS = 50;

    @TempDir
    static Path cache;

    private static ExerciseAudio audio;

    @BeforeAll
    static void openMaterial() {
        audio = Drills.audio(cache);
    }

    @Test
    void octaveBoostsOnPinkNoise() {
        assertSolved(QuestionKinds.eqBand(), "noise/pink", "{bands: octave, excerptS: 3}", 12, this::strongestBand);
    }

    @Test
    void thirdOctaveCutsOnPinkNoise() {
        assertSolved(QuestionKinds.eqBand(), "noise/pink", "{bands: third, direction: cut, excerptS: 3}", 12,
                this::strongestBand);
    }

    @Test
    void boostOrCut() {
        assertSolved(QuestionKinds.eqDirection(), "noise/pink", "{excerptS: 3}", 9, question -> {
            double[] deviations = deviationsFromMedian(new Listener(question));
            double largest = Arrays.stream(deviations).boxed().max(Comparator.comparingDouble(Math::abs)).orElseThrow();
            return new Answer.Chosen(largest > 0 ? "Boost" : "Cut");
        });
    }

    @Test
    void howManyDecibels() {
        assertSolved(QuestionKinds.eqGain(), "noise/pink", "{direction: either, excerptS: 3}", 3, question -> {
            double[] deviations = deviationsFromMedian(new Listener(question));
            return new Answer.Valued(Arrays.stream(deviations).boxed().max(Comparator.comparingDouble(Math::abs)).orElseThrow());
        });
    }

    @Test
    void highPassCutoff() {
        assertSolved(QuestionKinds.eqFilter(), "noise/pink", "{excerptS: 3}", 0.5, question -> {
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
        assertSolved(QuestionKinds.panPosition(), "noise/pink", "{excerptS: 3}", 10, question -> {
            AudioBuffer panned = question.audio().get("processed");
            double left = rms(panned.channel(0));
            double right = rms(panned.channel(1));
            // Constant power: left = cos θ, right = sin θ with θ = (position + 1) π / 4.
            return new Answer.Valued(Math.atan2(right, left) * 4 / Math.PI - 1);
        });
    }

    private void assertSolved(QuestionKind kind, String material, String options, double easiestLevel,
            Function<Question, Answer> solver) {
        DrillSpec drill = Drills.drill(kind.name(), material, options,
                StaircaseSettings.threeDownOneUp(easiestLevel, easiestLevel, easiestLevel / 4, easiestLevel / 8, false));
        long right = IntStream.range(0, QUESTIONS)
                .mapToObj(seed -> kind.generate("lesson", drill, easiestLevel, 1000 + seed, audio))
                .filter(question -> question.grade(solver.apply(question)).correct())
                .count();
        System.out.printf("machine listener, %s on %s: %d of %d right%n", kind.name(), material, right, QUESTIONS);
        assertThat(right).as("%s answered right out of %d", kind.name(), QUESTIONS).isGreaterThanOrEqualTo(48);
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
        double[] differences = DoubleStream.iterate(100, f -> f <= 10_000, f -> f * Math.pow(2, 1.0 / 3))
                .map(listener::differenceAtDb).toArray();
        double[] sorted = differences.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        return Arrays.stream(differences).map(d -> d - median).toArray();
    }

    private static double rms(float[] samples) {
        double sum = 0;
        for (float s : samples) {
            sum += (double) s * s;
        }
        return Math.sqrt(sum / samples.length);
    }
}
