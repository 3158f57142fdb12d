package dev.mixdojo.ui.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.exercise.Quantity;
import dev.mixdojo.progress.Attempt;
import dev.mixdojo.progress.AttemptLog;
import dev.mixdojo.ui.LearnerFixtures;
import dev.mixdojo.ui.ProgressStore;
import dev.mixdojo.ui.Teaching;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress's logic without the toolkit: work runs inline over a log in a temporary folder. */
class ProgressViewModelTest {
    private static final Executor INLINE = Runnable::run;

    @TempDir
    Path data;

    private ProgressViewModel loaded() {
        ProgressStore store = new ProgressStore(new Teaching(new UserDirectories(data, data), () -> Path.of("lessons")), Clock.systemUTC(),
                INLINE, INLINE);
        ProgressViewModel model = new ProgressViewModel(store, ZoneOffset.UTC);
        model.refresh();
        return model;
    }

    @Test
    void anEmptyLogExplainsWhatWillAppear() {
        ProgressViewModel model = loaded();
        assertThat(model.skills()).isEmpty();
        assertThat(model.selectedProperty().get()).isNull();
        assertThat(model.messageProperty().get()).isEqualTo(ProgressViewModel.EMPTY);
    }

    @Test
    void answersGiveAccuracyPerDayAConfusionMatrixInBandOrderAndTheBias() {
        // Day one: 2 of 3 right; day two (1440 minutes later): 1 of 1 right. 4 kHz was heard as 8 kHz once.
        AttemptLog.inDataDirectory(data).appendAll(List.of(
                LearnerFixtures.octave("a", "eq-octave-boosts-noise", "4 kHz", 7.6, "8 kHz", 8.6, 0),
                LearnerFixtures.octave("b", "eq-octave-boosts-noise", "4 kHz", 7.6, "4 kHz", 7.6, 1),
                LearnerFixtures.octave("c", "eq-octave-boosts-noise", "125 Hz", 2.6, "125 Hz", 2.6, 2),
                LearnerFixtures.octave("d", "eq-octave-boosts-noise", "125 Hz", 2.6, "125 Hz", 2.6, 1440)));
        ProgressViewModel model = loaded();
        assertThat(model.skills()).singleElement().satisfies(row -> {
            assertThat(row.skill()).isEqualTo("eq.frequency");
            assertThat(row.title()).isEqualTo("Which octave was boosted?");
            assertThat(row.attempts()).isEqualTo(4);
            assertThat(row.accuracy()).isCloseTo(0.75, within(1e-12));
            assertThat(row.threshold()).isEmpty();
            // No threshold yet: the row says where the level is and how far the reversals have come (one wrong
            // answer made it easier, three right harder again: one reversal).
            assertThat(row.standing()).isEqualTo("level 12 now; a threshold after 4 reversals (1 so far)");
        });
        assertThat(model.selectedProperty().get()).isSameAs(model.skills().get(0));
        assertThat(model.accuracyByDayProperty().get()).extracting(d -> d.accuracy())
                .containsExactly(2 / 3.0, 1.0);
        ProgressViewModel.Confusion confusion = model.confusionProperty().get();
        // Ordered low to high by the value each label stands for, not alphabetically ("125 Hz" < "4 kHz" < "8 kHz").
        assertThat(confusion.labels()).containsExactly("125 Hz", "4 kHz", "8 kHz");
        assertThat(confusion.counts()[1]).containsExactly(0, 1, 1);
        assertThat(confusion.counts()[0]).containsExactly(2, 0, 0);
        // 4 kHz answers: errors +1 and 0 octave, mean +0.5; 125 Hz answers: both exact.
        assertThat(model.biasesProperty().get()).extracting(b -> b.truthLabel()).containsExactly("125 Hz", "4 kHz");
        assertThat(model.biasesProperty().get().get(1).meanSignedError()).isCloseTo(0.5, within(1e-9));
        assertThat(model.messageProperty().get()).isEmpty();
    }

    @Test
    void aSkillIsNamedAfterTheDrillPractisedSoAVocalPanDrillIsNotCalledTheNoiseOne() {
        AttemptLog.inDataDirectory(data).appendAll(List.of(pan("a", -0.5, -0.45, 20, true), pan("b", 0.3, 0.25, 20, true)));
        // (Two answers: too few to tell a free axis from options, which does not matter for the name.)
        assertThat(loaded().skills()).singleElement().satisfies(row ->
                assertThat(row.title()).isEqualTo("Where is the voice panned?"));
    }

    @Test
    void panAnswersOnTheFreeAxisGroupIntoBinsAndCountAsRightWithinTheirTolerance() {
        // Tolerance (the level) 20 %: 8 points off is right, 35 points off is not, whatever the labels.
        AttemptLog.inDataDirectory(data).appendAll(List.of(
                pan("a", -0.52, -0.44, 20, true), pan("b", -0.48, -0.13, 20, false),
                pan("c", 0.02, 0.05, 20, true), pan("d", 0.51, 0.58, 20, true), pan("e", 0.97, 0.9, 20, true),
                pan("f", 0.04, 0.01, 20, true)));
        ProgressViewModel.Confusion matrix = loaded().confusionProperty().get();
        assertThat(matrix.labels()).containsExactly("50 L", "25 L", "C", "50 R", "100 R");
        int left = matrix.labels().indexOf("50 L");
        assertThat(matrix.counts()[left][left]).isEqualTo(1);
        assertThat(matrix.right()[left][left]).isEqualTo(1);
        // A -52 % truth answered -44 % falls into the same bin and is right; -48 answered -13 is wrong.
        assertThat(matrix.counts()[left][matrix.labels().indexOf("25 L")]).isEqualTo(1);
        assertThat(matrix.right()[left][matrix.labels().indexOf("25 L")]).isZero();
    }

    @Test
    void anAnswerJustInsideTheToleranceButInTheNextBinStillCountsAsRight() {
        AttemptLog.inDataDirectory(data).appendAll(List.of(
                pan("a", 0.1, 0.26, 20, true), pan("b", -0.8, -0.75, 20, true), pan("c", 0.6, 0.4, 20, true),
                pan("d", -0.3, -0.33, 20, true), pan("e", 0.9, 0.97, 20, true), pan("f", -0.55, -0.61, 20, true)));
        ProgressViewModel.Confusion matrix = loaded().confusionProperty().get();
        int truth = matrix.labels().indexOf("C");
        int answer = matrix.labels().indexOf("25 R");
        assertThat(matrix.counts()[truth][answer]).isEqualTo(1);
        assertThat(matrix.right()[truth][answer]).as("green, not orange: within 20 %").isEqualTo(1);
    }

    /** A pan answer on the vocal drill: positions −1…1, stored in percent, labelled as the slider writes them. */
    private static Attempt pan(String id, double truth, double answer, double tolerancePercent, boolean right) {
        return new Attempt(id, Instant.parse("2026-11-20T10:00:00Z"), "panning-positions", "pan.position", tolerancePercent,
                1, 100 * truth, 100 * answer, "%", Quantity.PAN.format(truth), Quantity.PAN.format(answer), right,
                right ? 1 : 0.3, 3000, "pan-vocal");
    }
}
