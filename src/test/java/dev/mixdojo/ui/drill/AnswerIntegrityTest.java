package dev.mixdojo.ui.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.exercise.AnswerForm;
import dev.mixdojo.exercise.ExerciseAudio;
import dev.mixdojo.exercise.Question;
import dev.mixdojo.exercise.QuestionKind;
import dev.mixdojo.exercise.QuestionKinds;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.lesson.LessonLibrary;
import dev.mixdojo.material.MaterialLibrary;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.meter.LiveMetersModel;
import dev.mixdojo.ui.meter.MeterReading;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Before the learner answers, nothing the drill pane draws tells A from B: for every question kind
 * (one question from the kind's first drill in {@code lessons/}, at its easiest level, where the
 * change is largest), in practice, exams and on a projector, the waveform and every meter (loudness,
 * peak, correlation, spectrum) read the same whether A or B is heard, at the start, the middle and
 * the end of the excerpt. After the answer the spectrum shows A and B side by side.
 */
class AnswerIntegrityTest {
    private static final Executor INLINE = Runnable::run;
    private static final QuestionKinds KINDS = new QuestionKinds();

    @TempDir
    static Path cache;

    private static ExerciseAudio material;
    private static LessonLibrary lessons;

    @BeforeAll
    static void openMaterial() {
        material = new ExerciseAudio(new MaterialLibrary(Path.of("audio-exercises"), cache.resolve("imported"), cache));
        Problems problems = new Problems();
        lessons = LessonLibrary.load(Path.of("lessons"), KINDS.checksWithoutMaterial(), problems).orElseThrow();
    }

    @AfterAll
    static void releaseMaterial() {
        material = null; // a loaded song holds hundreds of megabytes; later test classes need the heap
    }

    static Stream<String> kinds() {
        return KINDS.all().stream().map(QuestionKind::name);
    }

    /** What the pane draws: the waveform's envelope and, at each moment measured, the meters' numbers and band levels. */
    private record Drawn(List<Float> waveform, List<List<Double>> meters) {
        /** Where {@code other} differs from this, in words; empty when they are the same. */
        String differenceFrom(Drawn other) {
            for (int i = 0; i < Math.min(waveform.size(), other.waveform.size()); i++) {
                if (!waveform.get(i).equals(other.waveform.get(i))) {
                    return "waveform point " + i + ": " + waveform.get(i) + " against " + other.waveform.get(i);
                }
            }
            for (int i = 0; i < meters.size(); i++) {
                if (!meters.get(i).equals(other.meters.get(i))) {
                    return "meter reading " + i + " (loudness M, S, peak, correlation, bands): " + meters.get(i)
                            + " against " + other.meters.get(i);
                }
            }
            return waveform.size() == other.waveform.size() ? "" : "waveform length";
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void beforeTheAnswerThePaneDrawsTheSameForAAndBAndAfterItShowsBothSpectra(String kindName) {
        Question question = question(kindName);
        for (DrillMode mode : List.of(DrillMode.PRACTICE, DrillMode.EXAM, DrillMode.PROJECTOR)) {
            try (AudioOutput audio = new AudioOutput(PlaybackEngine.silent("tests have no sound"))) {
                DrillPaneModel pane = new DrillPaneModel(audio, mode, INLINE, INLINE);
                pane.show(question);
                pane.listenTo("original");
                Drawn a = drawn(pane);
                pane.listenTo("processed");
                Drawn b = drawn(pane);
                assertThat(a.differenceFrom(b)).as("what the %s pane draws while A plays, against B", mode).isEmpty();

                if (question.form() instanceof AnswerForm.Choice choice) {
                    pane.choose(choice.options().get(0).label());
                }
                assertThat(pane.submit()).isTrue();
                assertThat(pane.spectrumVersions()).containsExactly("original", "processed");
                assertThat(pane.shownVersionProperty().get()).isEqualTo("processed");
                LiveMetersModel meters = meters(pane);
                assertThat(meters.tick(0, false, pane.shownVersionProperty().get(), 1.0, pane.spectrumVersions())).isTrue();
                assertThat(meters.displayProperty().get().orElseThrow().spectra()).containsOnlyKeys("original", "processed");
            }
        }
    }

    /** The waveform shown and, while playing, the meters at the start, middle and end of the excerpt. */
    private static Drawn drawn(DrillPaneModel pane) {
        float[] envelope = WaveformView.envelopeOf(pane.sourcesProperty().get().get(pane.shownVersionProperty().get()));
        List<Float> waveform = new ArrayList<>();
        for (float v : envelope) {
            waveform.add(v);
        }
        double durationS = pane.sourcesProperty().get().get("original").durationS();
        List<List<Double>> readings = new ArrayList<>();
        LiveMetersModel meters = meters(pane);
        long now = 0;
        for (double positionS : new double[] {0.5, durationS / 2, durationS}) {
            now += 1_000_000_000L;
            meters.tick(now, true, pane.shownVersionProperty().get(), positionS, pane.spectrumVersions());
            for (MeterReading reading : meters.displayProperty().get().orElseThrow().spectra().values()) {
                readings.add(numbers(reading));
            }
            readings.add(numbers(meters.displayProperty().get().orElseThrow().shown()));
        }
        return new Drawn(waveform, readings);
    }

    /** Meters fed as the drill pane feeds them, measuring at once. */
    private static LiveMetersModel meters(DrillPaneModel pane) {
        return new LiveMetersModel(version -> pane.sourcesProperty().get().get(version), INLINE, INLINE);
    }

    private static List<Double> numbers(MeterReading reading) {
        List<Double> numbers = new ArrayList<>(List.of(reading.momentaryLufs(), reading.shortTermLufs(), reading.peakDbfs(),
                reading.correlation()));
        Arrays.stream(reading.bandLevelsDb()).forEach(numbers::add);
        return numbers;
    }

    /** One question of the kind, from its first drill in the lessons, at its easiest level. */
    private static Question question(String kindName) {
        DrillSpec drill = lessons.lessons().stream().flatMap(l -> l.drills().stream())
                .filter(d -> d.kind().equals(kindName)).findFirst()
                .orElseThrow(() -> new AssertionError("no lesson drills " + kindName));
        QuestionKind kind = KINDS.kind(kindName).orElseThrow();
        return kind.generate("integrity", drill, drill.difficulty().easiestLevel(), 1, material);
    }
}
