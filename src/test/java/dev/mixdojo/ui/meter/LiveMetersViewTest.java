package dev.mixdojo.ui.meter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the meters write their numbers: a reading that rounds to zero carries no sign. */
class LiveMetersViewTest {
    @Test
    void aCorrelationThatRoundsToZeroIsWrittenWithoutASign() {
        assertThat(LiveMetersView.correlationText(-0.001)).isEqualTo("0.00");
        assertThat(LiveMetersView.correlationText(0.004)).isEqualTo("0.00");
        assertThat(LiveMetersView.correlationText(-0.3)).isEqualTo("-0.30");
        assertThat(LiveMetersView.correlationText(0.85)).isEqualTo("+0.85");
        assertThat(LiveMetersView.correlationText(Double.NaN)).isEqualTo("mono");
    }

    @Test
    void aPeakThatRoundsToZeroIsWrittenWithoutASign() {
        assertThat(LiveMetersView.peakText(-0.04)).isEqualTo("0.0 dBFS");
        assertThat(LiveMetersView.peakText(-3.24)).isEqualTo("-3.2 dBFS");
        assertThat(LiveMetersView.peakText(Double.NEGATIVE_INFINITY)).isEqualTo("silent");
    }
}
