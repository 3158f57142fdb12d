package dev.mixdojo.mix;

import static dev.mixdojo.mix.LiveSessions.RATE_HZ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.dynamics.DynamicsSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The buses' faders and the group bus, measured on the live engine's output against their formulas. */
class LiveBusesTest {
    private static final int BLOCK = LiveMix.BLOCK_FRAMES;
    private static final int RAMP_FRAMES = RATE_HZ / 50;
    /** A constant of 0.5 panned centre (constant power): 0.5/√2 a side. */
    private static final double CENTRED = 0.5 / Math.sqrt(2);

    private static double db(double linear) {
        return 20 * Math.log10(linear);
    }

    @Test
    void theReverbReturnFaderScalesWhatTheBusReturnsByItsDecibelsAndMovesWithinOneBlock() {
        // An empty reverb bus returns the send as it is: the output is the dry track plus the send times the return.
        Map<String, AudioBuffer> stems = Map.of("dc", LiveSessions.constant(0.5f, RATE_HZ));
        MixSession session = MixSession.flat("test", Optional.empty(), List.of("dc"))
                .withTrack(ChannelStrip.of("dc").withSends(0, ChannelStrip.OFF));
        session = new MixSession(session.material(), session.seed(), session.tracks(), new ChainDescription(List.of()),
                session.delayBus(), 0, 0, List.of(), session.masterChain(), 0);
        LiveMix mix = new LiveMix(stems, session, Optional.empty());
        mix.play();
        float[][] before = LiveSessions.play(mix, 4 * BLOCK);
        assertThat(before[0][4 * BLOCK - 1]).isCloseTo((float) (2 * CENTRED), within(1e-6f));

        mix.apply(session.withReturnsDb(-6, 0));
        float[][] after = LiveSessions.play(mix, 8 * BLOCK);
        assertThat(after[0][0]).as("the block's first sample still has the old return").isCloseTo((float) (2 * CENTRED), within(1e-6f));
        assertThat(after[0][1]).as("the second carries the move").isLessThan((float) (2 * CENTRED) - 1e-6f);
        double returnDb = db(after[0][8 * BLOCK - 1] / CENTRED - 1);
        assertThat(returnDb).isCloseTo(-6, within(1e-3));
        assertThat(db((after[0][RAMP_FRAMES] / CENTRED - 1))).isCloseTo(-6, within(1e-3));
        // The delay return is another fader: moving it does not touch the reverb's.
        assertThat(LiveMix.bounce(stems, session.withReturnsDb(-6, -20)).channel(0)[RATE_HZ / 2])
                .isEqualTo(LiveMix.bounce(stems, session.withReturnsDb(-6, 0)).channel(0)[RATE_HZ / 2]);
    }

    @Test
    void aGroupBusFaderSetsItsMembersLevelByItsDecibelsAndMovesWithinOneBlock() {
        Map<String, AudioBuffer> stems = new LinkedHashMap<>();
        stems.put("kick", LiveSessions.constant(0.5f, RATE_HZ));
        stems.put("snare", LiveSessions.constant(0.25f, RATE_HZ));
        stems.put("bass", LiveSessions.constant(0.125f, RATE_HZ));
        MixSession session = MixSession.flat("test", Optional.empty(), List.of("kick", "snare", "bass"))
                .withGroups(List.of(GroupBus.of("drums", List.of("kick", "snare")).withFaderDb(-9)));
        float[][] out = LiveMix.bounce(stems, session).channels();
        double drums = (0.5 + 0.25) / Math.sqrt(2);
        double bass = 0.125 / Math.sqrt(2);
        assertThat(db((out[0][RATE_HZ / 2] - bass) / drums)).isCloseTo(-9, within(1e-3));
        assertThat(db((out[1][RATE_HZ / 2] - bass) / drums)).isCloseTo(-9, within(1e-3));

        LiveMix mix = new LiveMix(stems, session, Optional.empty());
        mix.play();
        LiveSessions.play(mix, 4 * BLOCK);
        mix.apply(session.withGroup(session.groups().get(0).withFaderDb(3)));
        float[][] after = LiveSessions.play(mix, 8 * BLOCK);
        assertThat(db((after[0][0] - bass) / drums)).isCloseTo(-9, within(1e-3));
        assertThat(db((after[0][1] - bass) / drums)).isGreaterThan(-9 + 1e-3);
        double largestStepDb = 0;
        for (int i = 1; i < after[0].length; i++) {
            largestStepDb = Math.max(largestStepDb, Math.abs(db((after[0][i] - bass) / drums) - db((after[0][i - 1] - bass) / drums)));
        }
        // 12 dB over the 20 ms ramp: no step beyond 12/960 dB a sample.
        assertThat(largestStepDb).isLessThanOrEqualTo(12.0 / RAMP_FRAMES + 1e-4);
        assertThat(db((after[0][RAMP_FRAMES] - bass) / drums)).isCloseTo(3, within(1e-3));
    }

    @Test
    void aGroupBusCompressorReducesTheSumsGainAsItsStaticCurveSays() {
        // A −6 dBFS 100 Hz stereo sine (balanced centre: unchanged) into 4:1 at −30 dB with a hard knee: 24 dB over
        // the threshold, (1 − 1/4)·24 = 18 dB of gain reduction; the 1 ms attack reaches within 0.5 dB of it on the crests.
        int frames = RATE_HZ;
        float[][] sine = new float[2][frames];
        double peak = Math.pow(10, -6 / 20.0);
        for (int i = 0; i < frames; i++) {
            sine[0][i] = (float) (peak * Math.sin(2 * Math.PI * 100 * i / RATE_HZ));
            sine[1][i] = sine[0][i];
        }
        Map<String, AudioBuffer> stems = Map.of("drums", new AudioBuffer(sine, RATE_HZ));
        GroupBus bus = GroupBus.of("bus", List.of("drums"))
                .withCompressor(Optional.of(DynamicsSettings.compressor(-30, 4, 0, 1, 50, 0)));
        MixSession session = MixSession.flat("test", Optional.empty(), List.of("drums")).withGroups(List.of(bus));
        LiveMix mix = new LiveMix(stems, session, Optional.empty());
        mix.play();
        float[][] out = LiveSessions.play(mix, frames / 2);
        double reductionDb = mix.strip(1).gainReductionDb();
        assertThat(reductionDb).isBetween(18 - 0.5, 18 + 1e-9);
        double outPeak = 0;
        for (int i = frames / 4; i < frames / 2; i++) {
            outPeak = Math.max(outPeak, Math.abs(out[0][i]));
        }
        assertThat(db(outPeak)).isCloseTo(-6 - 18, within(0.5));
    }

    @Test
    void theGroupsRoutingIsFixedForAnEngineAndASessionRefusesABadOne() {
        Map<String, AudioBuffer> stems = LiveSessions.stems(1);
        MixSession session = LiveSessions.busy();
        LiveMix mix = new LiveMix(stems, session, Optional.empty());
        assertThatThrownBy(() -> mix.apply(session.withGroups(List.of(GroupBus.of("band", List.of("kick"))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("routes");
        assertThatThrownBy(() -> session.withGroups(List.of(GroupBus.of("x", List.of("kick")), GroupBus.of("y", List.of("kick")))))
                .hasMessage("the stem 'kick' is routed to two group buses");
        assertThatThrownBy(() -> session.withGroups(List.of(GroupBus.of("vocal", List.of("kick")))))
                .hasMessageContaining("the group bus 'vocal' has the name of a stem");
        assertThatThrownBy(() -> session.withGroups(List.of(GroupBus.of("drums", List.of("snare")))))
                .hasMessageContaining("takes the stem 'snare', which has no track");
    }
}
