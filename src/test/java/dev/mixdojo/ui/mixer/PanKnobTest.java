package dev.mixdojo.ui.mixer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a pan position typed beside a knob means, and how a position reads. */
class PanKnobTest {
    @Test
    void aTypedPositionIsTheCentreAPercentageWithItsSideOrASignedPercentage() {
        assertThat(PanKnob.parse("C")).contains(0.0);
        assertThat(PanKnob.parse("30 L")).contains(-0.3);
        assertThat(PanKnob.parse("30% r")).contains(0.3);
        assertThat(PanKnob.parse("45R")).contains(0.45);
        assertThat(PanKnob.parse("-25")).contains(-0.25);
        assertThat(PanKnob.parse("100 L")).contains(-1.0);
        assertThat(PanKnob.parse("101 L")).as("beyond the side").isEqualTo(Optional.empty());
        assertThat(PanKnob.parse("-30 R")).as("two sides at once").isEqualTo(Optional.empty());
        assertThat(PanKnob.parse("left")).isEqualTo(Optional.empty());
    }

    @Test
    void aPositionReadsAsTheCentreOrAPercentageAndItsSide() {
        assertThat(PanKnob.words(0)).isEqualTo("C");
        assertThat(PanKnob.words(-0.3)).isEqualTo("30% L");
        assertThat(PanKnob.words(0.65)).isEqualTo("65% R");
        assertThat(PanKnob.parse(PanKnob.words(-0.3))).contains(-0.3);
    }
}
