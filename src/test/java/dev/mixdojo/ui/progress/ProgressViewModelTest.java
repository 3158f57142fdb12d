package dev.mixdojo.ui.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.progress.AttemptLog;
import dev.mixdojo.ui.LearnerFixtures;
import dev.mixdojo.ui.ProgressStore;
import dev.mixdojo.ui.Teaching;
import java.nio.file.Path;
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
        ProgressStore store = new ProgressStore(new Teaching(new UserDirectories(data, data), () -> Path.of("lessons")),
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
}
