package dev.mixdojo.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The ticks of a plot's axes. */
class LinePlotTest {
    @Test
    void aDayAxisTicksWholeDaysCountedBackFromTheNewestAtMostEight() {
        double today = LocalDate.parse("2026-12-07").toEpochDay();
        // One day shows alone (the range is half a day either side), never a fraction of a day.
        assertThat(LinePlot.dayTicks(today - 0.5, today + 0.5)).containsExactly(today);
        assertThat(LinePlot.dayTicks(today - 3.5, today + 0.5)).containsExactly(today - 3, today - 2, today - 1, today);
        assertThat(LinePlot.dayTicks(today - 29.5, today + 0.5)).hasSizeLessThanOrEqualTo(8).endsWith(today)
                .allSatisfy(day -> assertThat((today - day) % 7).isZero());
    }
}
