package dev.mixdojo.ui.meter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.AudioBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When the meters measure: blank until the question plays, then at most ten times a second, one at
 * a time, and only when something changed; both versions' spectra once they are compared.
 */
class LiveMetersModelTest {
    private static final long MS = 1_000_000;
    private static final List<String> ORIGINAL = List.of("original");
    private final AudioBuffer silence = AudioBuffer.silence(2, 48_000, 48_000);
    private final AudioBuffer louder = AudioBuffer.silence(2, 48_000, 48_000);
    private final List<Runnable> queued = new ArrayList<>();
    private final LiveMetersModel model = new LiveMetersModel(Map.of("original", silence, "processed", louder)::get,
            queued::add, Runnable::run);

    @Test
    void whilePlayingItMeasuresEveryHundredMillisecondsAndNeverTwiceAtOnce() {
        assertThat(model.tick(0, true, "original", 0.1, ORIGINAL)).isTrue();
        // The first measurement still runs on the worker: no second one starts.
        assertThat(model.tick(200 * MS, true, "original", 0.3, ORIGINAL)).isFalse();
        queued.remove(0).run();
        assertThat(model.displayProperty().get()).isPresent();
        assertThat(model.tick(250 * MS, true, "original", 0.35, ORIGINAL)).isTrue();
        queued.remove(0).run();
        assertThat(model.tick(300 * MS, true, "original", 0.4, ORIGINAL)).isFalse();
        assertThat(model.tick(350 * MS, true, "original", 0.45, ORIGINAL)).isTrue();
    }

    @Test
    void beforeTheQuestionFirstPlaysTheMetersStayBlank() {
        assertThat(model.tick(0, false, "original", 0.0, ORIGINAL)).isFalse();
        assertThat(model.tick(500 * MS, false, "original", 2.0, ORIGINAL)).isFalse();
        assertThat(model.displayProperty().get()).isEmpty();
        assertThat(model.tick(600 * MS, true, "original", 2.0, ORIGINAL)).isTrue();
        queued.remove(0).run();
        assertThat(model.displayProperty().get()).isPresent();
        model.clear();
        assertThat(model.displayProperty().get()).isEmpty();
        assertThat(model.tick(700 * MS, false, "original", 0.0, ORIGINAL)).isFalse();
    }

    @Test
    void aMeasurementStartedBeforeANewQuestionIsNotShownAfterIt() {
        assertThat(model.tick(0, true, "original", 0.5, ORIGINAL)).isTrue();
        model.clear();
        queued.remove(0).run();
        assertThat(model.displayProperty().get()).isEmpty();
    }

    @Test
    void afterPlayingAndStoppingItMeasuresOnlyAfterAChange() {
        assertThat(model.tick(0, true, "original", 0.5, ORIGINAL)).isTrue();
        queued.remove(0).run();
        // Stopped where it was: the meters hold the last reading.
        assertThat(model.tick(500 * MS, false, "original", 0.5, ORIGINAL)).isFalse();
        assertThat(model.tick(800 * MS, false, "original", 0.7, ORIGINAL)).isTrue();
        queued.remove(0).run();
        assertThat(model.tick(900 * MS, false, "unknown", 0.7, ORIGINAL)).isFalse();
    }

    @Test
    void comparingTwoVersionsMeasuresBothSpectraEvenWhenStopped() {
        assertThat(model.tick(0, false, "original", 0.5, List.of("original", "processed"))).isTrue();
        queued.remove(0).run();
        LiveMetersModel.Display display = model.displayProperty().get().orElseThrow();
        assertThat(display.spectra()).containsOnlyKeys("original", "processed");
        assertThat(display.spectra().get("original")).isSameAs(display.shown());
    }

    @Test
    void whilePlayingTheWindowEndsAtThePlayheadAndWhenStoppedItLooksAheadThreeSeconds() {
        assertThat(LiveMetersModel.windowEndS(true, 5.0, 8.0)).isEqualTo(5.0);
        assertThat(LiveMetersModel.windowEndS(false, 0.0, 8.0)).isEqualTo(3.0);
        assertThat(LiveMetersModel.windowEndS(false, 6.5, 8.0)).isEqualTo(8.0);
    }
}
