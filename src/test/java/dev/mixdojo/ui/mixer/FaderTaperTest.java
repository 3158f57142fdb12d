package dev.mixdojo.ui.mixer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The fader's taper: its ends, its knee, round trips and the fine part around 0 dB. */
class FaderTaperTest {
    @Test
    void theTravelSpansTheFadersRangeWithTheKneeAtMinusTwelveDecibels() {
        assertThat(FaderTaper.db(0)).isEqualTo(TrackModel.FADER_MIN_DB);
        assertThat(FaderTaper.db(1)).isEqualTo(TrackModel.FADER_MAX_DB);
        assertThat(FaderTaper.db(0.4)).isCloseTo(-12, within(1e-12));
        // 0 dB sits 60 % of the way up the part above the knee: 0.4 + 0.6 × 12/24.
        assertThat(FaderTaper.travel(0)).isCloseTo(0.7, within(1e-12));
        double previous = Double.NEGATIVE_INFINITY;
        for (double db = -48; db <= 12; db += 0.05) {
            double travel = FaderTaper.travel(db);
            assertThat(travel).isGreaterThan(previous);
            assertThat(FaderTaper.db(travel)).isCloseTo(db, within(1e-9));
            previous = travel;
        }
    }

    @Test
    void nearZeroDecibelsFortyDecibelsSpanTheWholeTravelSoATrackOf160PixelsMovesAQuarterDecibelAPixel() {
        assertThat(FaderTaper.dbPerTravelNearZero()).isCloseTo(40, within(1e-12));
        assertThat(FaderTaper.db(FaderTaper.travel(0) + 1 / 160.0) - 0).isCloseTo(0.25, within(1e-9));
    }
}
