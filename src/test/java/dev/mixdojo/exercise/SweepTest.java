package dev.mixdojo.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.eq.EqSettings;
import org.junit.jupiter.api.Test;

class SweepTest {
    private static Param cutoff(ChainDescription chain) {
        return ((EqSettings) chain.steps().get(0)).frequencyHz();
    }

    @Test
    void aSweepThatStartsBeforeTheExcerptIsTheSameSweepFromZeroOn() {
        // An answer near the start of a filter-open-when question puts the sweep's start before 0 s: from 0 s
        // on it must be heard as the same sweep a second later would be heard a second later.
        AutomationKinds.Sweep sweep = new AutomationKinds.Sweep(300, 12000);
        Param early = cutoff(sweep.chain(-0.2, 0.3, true));
        Param later = cutoff(sweep.chain(0.8, 1.3, true));
        for (double t = 0; t <= 0.5; t += 0.01) {
            assertThat(early.valueAt(t)).as("%.2f s", t).isCloseTo(later.valueAt(t + 1), within(1e-6));
        }
        assertThat(early.valueAt(0.3)).isCloseTo(12000, within(1e-6));
    }

    @Test
    void aSweepWhollyBeforeTheExcerptHoldsWhereItEnded() {
        Param gone = cutoff(new AutomationKinds.Sweep(300, 12000).chain(-1, -0.5, false));
        assertThat(gone.valueAt(0)).isCloseTo(300, within(1e-6));
        assertThat(gone.valueAt(2)).isCloseTo(300, within(1e-6));
    }
}
