package dev.mixdojo.ui.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.exercise.Answer;
import dev.mixdojo.ui.AudioOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The drill pane's logic without the toolkit: a silent engine, a hand-moved clock. */
class DrillPaneModelTest {
    private final AudioOutput audio = new AudioOutput(PlaybackEngine.silent("tests have no sound"));
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<DrillPaneModel.Answered> reported = new ArrayList<>();

    @AfterEach
    void closeAudio() {
        audio.close();
    }

    private DrillPaneModel model(DrillMode mode) {
        DrillPaneModel model = new DrillPaneModel(audio, mode, Runnable::run, Runnable::run, nanos::get);
        model.setOnAnswered(reported::add);
        return model;
    }

    @Test
    void aDigitChoosesAnOptionAndEnterGradesItReportingTheTimeFromFirstPlay() {
        DrillPaneModel model = model(DrillMode.PRACTICE);
        model.show(TestQuestions.octaveBand());
        nanos.addAndGet(5_000_000_000L); // reading the prompt does not count
        model.togglePlay();
        assertThat(model.playingProperty().get()).isTrue();
        nanos.addAndGet(3_250_000_000L);
        model.chooseNumber(4);
        assertThat(model.pendingAnswerProperty().get()).contains(new Answer.Chosen("1 kHz"));
        assertThat(model.submit()).isTrue();

        assertThat(model.gradeProperty().get()).hasValueSatisfying(g -> assertThat(g.correct()).isTrue());
        assertThat(model.feedbackProperty().get()).isEqualTo("You said 1 kHz; it was 1 kHz.");
        assertThat(reported).hasSize(1);
        assertThat(reported.get(0).responseTimeMs()).isEqualTo(3250);
        assertThat(model.canAnswer()).isFalse();
        assertThat(model.submit()).isFalse();
    }

    @Test
    void aLevelRoveMovesEachQuestionsPlaybackByUpToTwiceTheRoveDownwardAndNeverWithoutOne() {
        DrillPaneModel model = model(DrillMode.PRACTICE);
        model.show(TestQuestions.octaveBand());
        assertThat(model.playbackOffsetDbProperty().get()).isZero();
        model.setLevelRove(() -> 1.5);
        List<Double> offsets = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            model.show(TestQuestions.octaveBand());
            offsets.add(model.playbackOffsetDbProperty().get());
        }
        assertThat(offsets).allSatisfy(offsetDb -> assertThat(offsetDb).isBetween(-3.0, 0.0));
        // Forty draws spread over the range rather than repeating one level.
        assertThat(offsets.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                - offsets.stream().mapToDouble(Double::doubleValue).min().orElseThrow()).isGreaterThan(1.5);
    }

    @Test
    void anAnswerWithSomeCreditIsPartlyRightRevealsTheTruthAndTakesNoSecondTry() {
        DrillPaneModel model = model(DrillMode.PRACTICE);
        model.show(TestQuestions.octaveBand());
        assertThat(model.revealedProperty().get()).isFalse();
        model.chooseNumber(5); // 2 kHz: one octave high
        model.submit();
        assertThat(model.feedbackProperty().get())
                .isEqualTo("You said 2 kHz; it was 1 kHz — 1 octave high. Partly right: 67% credit.");
        assertThat(model.gradeProperty().get().map(DrillPaneModel.Outcome::of)).contains(DrillPaneModel.Outcome.PARTLY_RIGHT);
        assertThat(model.revealedProperty().get()).isTrue();
        assertThat(model.truthShown()).isTrue();
        assertThat(model.truthOption()).contains("1 kHz");
        assertThat(model.canAnswer()).isFalse();
        model.chooseNumber(4);
        assertThat(model.submit()).isFalse();
        assertThat(reported).hasSize(1);
        assertThat(reported.get(0).answer()).isEqualTo(new Answer.Chosen("2 kHz"));
    }

    @Test
    void aValueAnswersTruthIsTheTrueValueOnItsAxis() {
        DrillPaneModel model = model(DrillMode.PRACTICE);
        model.show(TestQuestions.cutoff());
        assertThat(model.truthValue()).hasValue(500);
        assertThat(model.truthShown()).isFalse();
        model.submit();
        assertThat(model.truthShown()).isTrue();
        assertThat(model.truthOption()).isEmpty();
    }

    @Test
    void aProjectorRevealsTheTruthWithoutAnAnswerAndThenTakesNone() {
        DrillPaneModel model = model(DrillMode.PROJECTOR);
        model.show(TestQuestions.octaveBand());
        model.listenTo("processed");
        assertThat(model.shownVersionProperty().get()).isEqualTo("original");
        model.reveal();
        assertThat(model.truthShown()).isTrue();
        assertThat(model.shownVersionProperty().get()).isEqualTo("processed");
        assertThat(model.spectrumVersions()).containsExactly("original", "processed");
        model.chooseNumber(4);
        assertThat(model.submit()).isFalse();
        assertThat(reported).isEmpty();
    }

    @Test
    void anExamTakesOneAnswerAndShowsNoGrade() {
        DrillPaneModel model = model(DrillMode.EXAM);
        model.show(TestQuestions.octaveBand());
        model.chooseNumber(5);
        model.submit();
        assertThat(model.feedbackProperty().get()).isEqualTo("Answer recorded.");
        assertThat(model.canAnswer()).isFalse();
        model.chooseNumber(4);
        assertThat(model.pendingAnswerProperty().get()).contains(new Answer.Chosen("2 kHz"));
        assertThat(reported).hasSize(1);
    }

    @Test
    void abSwitchesTheVersionTheEnginePlaysAndBack() {
        DrillPaneModel model = model(DrillMode.PRACTICE);
        model.show(TestQuestions.octaveBand());
        assertThat(model.versions()).containsExactly("original", "processed");
        assertThat(model.activeVersionProperty().get()).isEqualTo("original");
        model.switchVersion();
        assertThat(model.activeVersionProperty().get()).isEqualTo("processed");
        assertThat(audio.engine().activeSource()).isEqualTo("processed");
        model.switchVersion();
        assertThat(audio.engine().activeSource()).isEqualTo("original");
        // A new question starts on its first version again.
        model.switchVersion();
        model.show(TestQuestions.cutoff());
        assertThat(audio.engine().activeSource()).isEqualTo("original");
    }

    @Test
    void theOriginalIsAlwaysAAndTheProcessedVersionB() {
        Map<String, dev.mixdojo.audio.AudioBuffer> scrambled = new java.util.LinkedHashMap<>();
        scrambled.put("your answer", TestQuestions.tone(0.1));
        scrambled.put("processed", TestQuestions.tone(0.5));
        scrambled.put("original", TestQuestions.tone(0.25));
        assertThat(DrillPaneModel.inAbOrder(scrambled).keySet()).containsExactly("original", "processed", "your answer");
    }

    @Test
    void aValueStartsAtTheGeometricMiddleAndTwelveNudgesMoveItOneOctave() {
        DrillPaneModel model = model(DrillMode.PRACTICE);
        model.show(TestQuestions.cutoff());
        assertThat(model.value()).isCloseTo(Math.sqrt(20 * 20000), within(1e-9));
        model.setValue(250);
        for (int i = 0; i < 12; i++) {
            model.nudge(1, false);
        }
        assertThat(model.value()).isCloseTo(500, within(1e-6));
        model.nudge(-3, true); // three thirds of an octave down
        assertThat(model.value()).isCloseTo(250, within(1e-6));
        model.setValue(1e6);
        assertThat(model.value()).isEqualTo(20000);
        model.setValue(1000);
        model.submit();
        // 1 kHz against 500 Hz is one octave high: a third of the way from 0.5 to 2 octaves, so 2/3 credit.
        assertThat(reported.get(0).grade().orElseThrow().error()).isCloseTo(1, within(1e-9));
        assertThat(reported.get(0).grade().orElseThrow().score()).isCloseTo(2 / 3.0, within(1e-9));
    }

    @Test
    void aDragLoopsTheRegionInEitherDirectionAndAClickSeeks() {
        DrillPaneModel model = model(DrillMode.PRACTICE);
        model.show(TestQuestions.octaveBand());
        model.setLoop(1.5, 0.5);
        assertThat(model.loopProperty().get()).contains(new DrillPaneModel.Loop(0.5, 1.5));
        assertThat(audio.engine().positionSeconds()).isCloseTo(0.5, within(1e-4));
        model.clearLoop();
        model.setLoop(1.2, 1.25);
        assertThat(model.loopProperty().get()).isEmpty();
        assertThat(model.positionSProperty().get()).isCloseTo(1.2, within(1e-4));
    }

    @Test
    void nextIsOnlyAskedForOnceTheQuestionIsAnswered() {
        DrillPaneModel model = model(DrillMode.PRACTICE);
        List<String> asked = new ArrayList<>();
        model.setOnNext(() -> asked.add("next"));
        model.show(TestQuestions.octaveBand());
        model.next();
        assertThat(asked).isEmpty();
        model.chooseNumber(1);
        model.submit();
        model.next();
        assertThat(asked).containsExactly("next");
    }

    @Test
    void settingsAreDialledOneAtATimeAndAnsweredTogether() {
        DrillPaneModel model = model(DrillMode.PRACTICE);
        model.show(TestQuestions.eqMatch());
        assertThat(model.pendingAnswerProperty().get())
                .contains(new Answer.Dialed(Map.of("frequencyHz", Math.sqrt(20 * 20000), "gainDb", 0.0)));
        model.setValue(2000);
        model.selectDial(1);
        model.nudge(2, true); // two large steps of 3 dB
        assertThat(model.pendingAnswerProperty().get()).contains(new Answer.Dialed(Map.of("frequencyHz", 2000.0, "gainDb", 6.0)));
        model.submit();
        assertThat(reported.get(0).grade().orElseThrow().correct()).isTrue();
    }

    @Test
    void aCurveHasAPointEveryHalfSecondAndIsAnsweredAsADrawing() {
        DrillPaneModel model = model(DrillMode.PRACTICE);
        model.show(TestQuestions.ride());
        assertThat(model.dials()).hasSize(9);
        model.selectDial(2);
        model.nudge(2, true); // the point at 1 s, up two steps of 3 dB
        Answer.Drawn drawn = (Answer.Drawn) model.pendingAnswerProperty().get().orElseThrow();
        assertThat(drawn.points()).hasSize(9);
        assertThat(drawn.points().get(2)).isEqualTo(new Answer.Point(1.0, 6.0));
        assertThat(drawn.points().get(8).timeS()).isEqualTo(4.0);
        model.submit();
        assertThat(model.feedbackProperty().get()).startsWith("You said +6 dB; it was +6 dB");
    }

    @Test
    void afterAnsweringTheLearnerHearsTheirAnswerAgainstTheTruth() {
        DrillPaneModel model = model(DrillMode.PRACTICE);
        model.show(TestQuestions.octaveBand());
        assertThat(model.canHearAnswer()).isFalse();
        model.chooseNumber(5);
        model.submit();
        assertThat(model.versions()).containsExactly("original", "processed", DrillPaneModel.ANSWER_VERSION);
        model.hearAnswerAgainstTruth();
        assertThat(audio.engine().activeSource()).isEqualTo(DrillPaneModel.ANSWER_VERSION);
        assertThat(model.playingProperty().get()).isTrue();
        model.hearAnswerAgainstTruth();
        assertThat(audio.engine().activeSource()).isEqualTo("processed");
        // An exam never renders answers.
        DrillPaneModel exam = model(DrillMode.EXAM);
        exam.show(TestQuestions.octaveBand());
        exam.chooseNumber(5);
        exam.submit();
        assertThat(exam.canHearAnswer()).isFalse();
    }
}
