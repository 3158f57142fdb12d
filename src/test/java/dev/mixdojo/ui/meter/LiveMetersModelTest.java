package dev.mixdojo.ui.meter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.AudioBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the meters measure: at most ten times a second, one at a time, and only when something changed. */
class LiveMetersModelTest {
    private static final long MS = 1_000_000;
    private final AudioBuffer silence = AudioBuffer.silence(2, 48_000, 48_000);
    private final List<Runnable> queued = new ArrayList<>();
    private final LiveMetersModel model = new LiveMetersModel(Map.of("original", silence)::get, queued::add, Runnable::run);

    @Test
    void whilePlayingItMeasuresEveryHundredMillisecondsAndNeverTwiceAtOnce() {
        assertThat(model.tick(0, true, "original", 0.1)).isTrue();
        // The first measurement still runs on the worker: no second one starts.
        assertThat(model.tick(200 * MS, true, "original", 0.3)).isFalse();
        queued.remove(0).run();
        assertThat(model.readingProperty().get()).isPresent();
        assertThat(model.tick(250 * MS, true, "original", 0.35)).isTrue();
        queued.remove(0).run();
        assertThat(model.tick(300 * MS, true, "original", 0.4)).isFalse();
        assertThat(model.tick(350 * MS, true, "original", 0.45)).isTrue();
    }

    @Test
    void whenStoppedItMeasuresOnlyAfterAChange() {
        assertThat(model.tick(0, false, "original", 0.5)).isTrue();
        queued.remove(0).run();
        assertThat(model.tick(500 * MS, false, "original", 0.5)).isFalse();
        assertThat(model.tick(600 * MS, false, "original", 0.7)).isTrue();
        queued.remove(0).run();
        assertThat(model.tick(900 * MS, false, "unknown", 0.7)).isFalse();
    }
}
