package dev.mixdojo.ui.mixer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.dsp.automation.Breakpoint;
import dev.mixdojo.dsp.automation.Curve;
import dev.mixdojo.dsp.automation.Envelope;
import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.mix.ChannelStrip;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Writing a fader ride with the fader's keyboard steps while a fake clock plays the song. */
class RideWritingTest {
    private static final double G = TrackModel.RIDE_GLIDE_S;

    /** A playhead the test moves by hand. */
    private static final class FakePlayhead implements TrackModel.Playhead {
        boolean playing;
        double atS;

        @Override
        public boolean playing() {
            return playing;
        }

        @Override
        public double positionS() {
            return atS;
        }
    }

    private final FakePlayhead clock = new FakePlayhead();
    private final List<ChannelStrip> heard = new ArrayList<>();
    private TrackModel track;

    private TrackModel vocal(ChannelStrip strip) {
        track = new TrackModel(strip, () -> heard.add(track.strip()), clock);
        return track;
    }

    /** What the fader's arrow key does: 0.1 dB up or down, on the 0.1 dB grid. */
    private static void arrow(TrackModel track, int steps) {
        for (int i = 0; i < Math.abs(steps); i++) {
            double next = track.faderDbProperty().get() + Math.signum(steps) * MixerView.FADER_STEP_DB;
            track.faderDbProperty().set(Math.round(next / MixerView.FADER_STEP_DB) * MixerView.FADER_STEP_DB);
        }
    }

    @Test
    void anArmedFaderMovedWhilePlayingWritesItsLevelsOverThePassAndReturnsToTheFaderAfter() {
        TrackModel vocal = vocal(ChannelStrip.of("vocal").withFaderDb(-2));
        vocal.rideArmedProperty().set(true);
        clock.playing = true;
        clock.atS = 10;
        arrow(vocal, 2);                 // two presses in the same block: one move to −1.8 dB
        assertThat(heard.get(heard.size() - 1).faderDb()).as("during the pass the fader itself is heard")
                .isEqualTo(Param.of(-1.8));
        clock.atS = 12;
        arrow(vocal, 28);                // at 12 s up to +1.0 dB
        clock.atS = 15;
        clock.playing = false;
        vocal.finishRide(15);            // stopped at 15 s

        assertThat(vocal.rideProperty().get()).containsExactly(
                new Breakpoint(10, -2),          // the level heard when the pass began
                new Breakpoint(10 + G, -1.8),    // the first move, reached after the fader's glide
                new Breakpoint(12, 1.0),         // the last press at 12 s (one point per moment)
                new Breakpoint(15, 1.0),         // held to where playback stopped
                new Breakpoint(15 + G, -2));     // and back to the fader after the pass
        assertThat(vocal.faderDbProperty().get()).as("the fader returns to its level").isEqualTo(-2);
        ChannelStrip played = heard.get(heard.size() - 1);
        assertThat(played.faderDb()).isInstanceOf(Param.Automated.class);
        assertThat(played.faderDb().valueAt(5)).isEqualTo(-2);
        assertThat(played.faderDb().valueAt(13)).isEqualTo(1.0);
        assertThat(played.faderDb().valueAt(20)).isEqualTo(-2);
    }

    @Test
    void aFaderMovedWhileStoppedOrNotArmedWritesNothingAndTrimsAWrittenRide() {
        TrackModel vocal = vocal(ChannelStrip.of("vocal"));
        clock.playing = true;
        clock.atS = 3;
        arrow(vocal, 5);
        assertThat(vocal.rideProperty().get()).as("not armed").isEmpty();
        vocal.rideArmedProperty().set(true);
        clock.playing = false;
        arrow(vocal, -5);
        assertThat(vocal.rideProperty().get()).as("armed but stopped").isEmpty();

        clock.playing = true;
        arrow(vocal, 30);                // at 3 s up 3 dB
        clock.atS = 6;
        vocal.rideArmedProperty().set(false); // disarming ends the pass at the playhead
        assertThat(vocal.playedFaderDb().valueAt(4)).isCloseTo(3.0, within(1e-9));
        arrow(vocal, -10);               // not armed: the whole ride moves down 1 dB
        assertThat(vocal.playedFaderDb().valueAt(4)).isCloseTo(2.0, within(1e-9));
        assertThat(vocal.playedFaderDb().valueAt(1)).isCloseTo(-1.0, within(1e-9));

        vocal.clearRide();
        assertThat(vocal.rideProperty().get()).isEmpty();
        assertThat(heard.get(heard.size() - 1).faderDb()).isEqualTo(Param.of(vocal.faderDbProperty().get()));
    }

    @Test
    void aSecondPassOverAWrittenRideReplacesItOnlyWhereItWasWritten() {
        TrackModel vocal = vocal(ChannelStrip.of("vocal"));
        vocal.rideArmedProperty().set(true);
        clock.playing = true;
        clock.atS = 10;
        arrow(vocal, 30);
        vocal.finishRide(20);            // +3 dB from 10 to 20 s
        clock.atS = 14;
        arrow(vocal, -10);               // a second pass at 14 s: from the fader's 0 dB down to −1 dB …
        vocal.finishRide(16);            // … until 16 s
        assertThat(vocal.playedFaderDb().valueAt(12)).isCloseTo(3.0, within(1e-9));
        assertThat(vocal.playedFaderDb().valueAt(15)).isCloseTo(-1.0, within(1e-9));
        assertThat(vocal.playedFaderDb().valueAt(18)).isCloseTo(3.0, within(1e-9));
        assertThat(vocal.playedFaderDb().valueAt(25)).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void aSessionsRideIsShownAndPlayedAsItIs() {
        Param ride = new Param.Automated(new Envelope(List.of(new Breakpoint(0, 0),
                new Breakpoint(27.5, 0), new Breakpoint(27.7, 3)), Curve.LINEAR));
        TrackModel vocal = vocal(ChannelStrip.of("vocal").withFader(ride));
        assertThat(vocal.rideProperty().get()).hasSize(3);
        assertThat(vocal.strip().faderDb()).isEqualTo(ride);
    }
}
