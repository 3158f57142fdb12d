package dev.mixdojo.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.dsp.automation.Breakpoint;
import dev.mixdojo.dsp.automation.Curve;
import dev.mixdojo.dsp.automation.Envelope;
import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.dynamics.DynamicsSettings;
import dev.mixdojo.dsp.eq.EqSettings;
import dev.mixdojo.dsp.eq.FilterType;
import dev.mixdojo.dsp.time.ReverbSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MixSessionTest {
    static final int RATE_HZ = 48_000;
    static final Path FILE = Path.of("rock.yaml");

    static MixSession fullSession() {
        ChannelStrip vocal = ChannelStrip.of("vocal")
                .withFader(new Param.Automated(new Envelope(List.of(new Breakpoint(0, -3), new Breakpoint(8, 0)), Curve.LINEAR)))
                .withPan(0.1)
                .withEq(List.of(EqSettings.of(FilterType.HIGH_PASS, 100, 0, 0.707, 24),
                        EqSettings.of(FilterType.PEAK, 3000, 2.5, 1.2, 12)))
                .withCompressor(Optional.of(DynamicsSettings.compressor(-18, 3, 6, 10, 120, 2)))
                .withSends(-12, -24);
        ChannelStrip kick = ChannelStrip.of("kick").withFaderDb(-2).withMute(true);
        ChannelStrip keys = ChannelStrip.of("keys").withFaderDb(-6.5).withPan(-0.4).withSolo(true);
        return new MixSession("song/rock-garage", Optional.of(3L), List.of(vocal, kick, keys),
                new ChainDescription(List.of(ReverbSettings.of(1.2, 15, 0.5, 0.6, 1.0))), MixSession.DEFAULT_DELAY_BUS,
                -3.5, 2, List.of(new GroupBus("band", List.of("kick", "keys"), List.of(EqSettings.of(FilterType.LOW_SHELF, 100, 2, 0.707, 12)),
                        Optional.of(DynamicsSettings.compressor(-20, 4, 6, 10, 100, 1)), -2.5)),
                new ChainDescription(List.of(DynamicsSettings.compressor(-10, 2, 6, 30, 200, 0))), -1.5);
    }

    @Test
    void aSessionReadsBackEqualFromItsYaml() {
        MixSession session = fullSession();
        String yaml = MixSessionWriter.write(session);
        MixSession back = MixSessionReader.parse(FILE, yaml);
        assertThat(back).isEqualTo(session);
        assertThat(yaml).contains("material: song/rock-garage", "- eq:", "compressor:", "automation:");
    }

    @Test
    void aSessionWrittenBeforeReturnFadersAndGroupsReadsWithReturnsAtZeroDecibelsAndNoGroups() {
        MixSession old = MixSessionReader.parse(FILE, """
                material: song/rock-garage
                tracks:
                  - { stem: vocal, sendsDb: { reverb: -12 } }
                buses:
                  reverb: [ { reverb: { decayS: 1.2, mix: 1.0 } } ]
                """);
        assertThat(old.reverbReturnDb()).isZero();
        assertThat(old.delayReturnDb()).isZero();
        assertThat(old.groups()).isEmpty();
        assertThatThrownBy(() -> MixSessionReader.parse(FILE, """
                material: song/rock-garage
                tracks: [ { stem: kick }, { stem: vocal } ]
                buses: { reverbReturnDb: 30 }
                """)).hasMessageContaining("rock.yaml:3:26: buses reverbReturnDb must be between -120 and 24, got 30");
        assertThatThrownBy(() -> MixSessionReader.parse(FILE, """
                material: song/rock-garage
                tracks: [ { stem: kick }, { stem: vocal } ]
                buses:
                  groups: [ { name: drums, stems: [kick, snare] } ]
                """)).hasMessageContaining("the group bus 'drums' takes the stem 'snare', which has no track");
    }

    @Test
    void aBadSessionNamesTheFileLineAndColumnOfEveryProblem() {
        String text = """
                material: song/rock-garage
                tracks:
                  - stem: vocal
                    pan: 2
                    chain:
                      - eq: { type: peek, frequencyHz: 1000 }
                  - stem: kick
                    faderDb: loud
                    colour: red
                """;
        assertThatThrownBy(() -> MixSessionReader.parse(FILE, text))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("rock.yaml:4:10: a track pan must be between -1 and 1, got 2")
                .hasMessageContaining("rock.yaml:6:9: track vocal: eq type must be peak")
                .hasMessageContaining("rock.yaml:8:14: track kick faderDb")
                .hasMessageContaining("rock.yaml:9:5: unknown key 'colour' in a track");
    }

    @Test
    void aTrackChainTakesEqThenOneCompressorOnly() {
        String text = """
                material: song/rock-garage
                tracks:
                  - stem: vocal
                    chain: [ { reverb: { decayS: 2 } } ]
                """;
        assertThatThrownBy(() -> MixSessionReader.parse(FILE, text))
                .hasMessageContaining("rock.yaml:4:12: track vocal chain holds EQ bands then at most one compressor");
    }

    @Test
    void aRenderedSessionHasTheFaderAndConstantPowerPanGainsWithinOneHundredthOfADecibel() {
        Map<String, AudioBuffer> stems = new LinkedHashMap<>();
        stems.put("bass", tones(1, 40));
        stems.put("pad", tones(2, 90));
        MixSession session = MixSession.flat("test", Optional.empty(), List.of("bass", "pad"))
                .withTrack(ChannelStrip.of("bass").withFaderDb(-4).withPan(0.5))
                .withTrack(ChannelStrip.of("pad").withFaderDb(-7).withPan(-0.3))
                .withMasterFaderDb(-1);
        AudioBuffer mix = LiveMix.bounce(stems, session);
        // Stem channels are sines at distinct whole numbers of cycles, so they are orthogonal: projecting
        // the mix on one reads its gain exactly.
        double theta = (0.5 + 1) * Math.PI / 4; // constant power: L = cos θ, R = sin θ, θ = (p + 1)·π/4
        assertThat(gainDb(mix.channel(0), stems.get("bass").channel(0))).isCloseTo(-4 - 1 + 20 * Math.log10(Math.cos(theta)), within(0.01));
        assertThat(gainDb(mix.channel(1), stems.get("bass").channel(0))).isCloseTo(-4 - 1 + 20 * Math.log10(Math.sin(theta)), within(0.01));
        // A stereo stem is balanced: the far side (right, for −0.3) down by 1 − |p|, the near side untouched.
        assertThat(gainDb(mix.channel(0), stems.get("pad").channel(0))).isCloseTo(-7 - 1, within(0.01));
        assertThat(gainDb(mix.channel(1), stems.get("pad").channel(1))).isCloseTo(-7 - 1 + 20 * Math.log10(0.7), within(0.01));
    }

    @Test
    void muteAndSoloDecideWhichTracksSound() {
        Map<String, AudioBuffer> stems = Map.of("a", tones(1, 40), "b", tones(1, 70));
        MixSession flat = MixSession.flat("test", Optional.empty(), List.of("a", "b"));
        AudioBuffer soloA = LiveMix.bounce(stems, flat.withTrack(ChannelStrip.of("a").withSolo(true)));
        assertThat(gainDb(soloA.channel(0), stems.get("b").channel(0))).isLessThan(-60);
        assertThat(gainDb(soloA.channel(0), stems.get("a").channel(0))).isCloseTo(20 * Math.log10(Math.sqrt(0.5)), within(0.01));
        AudioBuffer muteA = LiveMix.bounce(stems, flat.withTrack(ChannelStrip.of("a").withMute(true)));
        assertThat(gainDb(muteA.channel(0), stems.get("a").channel(0))).isLessThan(-60);
    }

    @Test
    void aReverbSendAddsTheBusReturnAtTheSendLevel() {
        Map<String, AudioBuffer> stems = Map.of("snare", noise(1, 5));
        MixSession dry = MixSession.flat("test", Optional.empty(), List.of("snare"));
        MixSession wet = dry.withTrack(ChannelStrip.of("snare").withSends(-10, ChannelStrip.OFF));
        AudioBuffer difference = subtract(LiveMix.bounce(stems, wet), LiveMix.bounce(stems, dry));
        AudioBuffer returned = BusReturn.atUnity(stems, wet, "snare", BusReturn.Send.REVERB);
        assertThat(gainDb(difference.channel(0), returned.channel(0))).isCloseTo(-10, within(0.01));
    }

    /** Sines of whole numbers of cycles over the 2 s buffer (cycles {@code first}, {@code first + 7}, …), one per channel. */
    static AudioBuffer tones(int channels, int first) {
        float[][] x = new float[channels][2 * RATE_HZ];
        for (int c = 0; c < channels; c++) {
            int cycles = first + 7 * c;
            for (int i = 0; i < x[c].length; i++) {
                x[c][i] = (float) (0.1 * Math.sin(2 * Math.PI * cycles * i / x[c].length));
            }
        }
        return new AudioBuffer(x, RATE_HZ);
    }

    static AudioBuffer noise(int channels, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[channels][2 * RATE_HZ];
        for (float[] channel : x) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = (float) (0.1 * random.nextGaussian());
            }
        }
        return new AudioBuffer(x, RATE_HZ);
    }

    /** Least-squares gain of {@code reference} in {@code mix}, in dB (exact when the other sources are orthogonal to it). */
    static double gainDb(float[] mix, float[] reference) {
        double xy = 0;
        double xx = 0;
        for (int i = 0; i < reference.length; i++) {
            xy += (double) mix[i] * reference[i];
            xx += (double) reference[i] * reference[i];
        }
        return 20 * Math.log10(Math.abs(xy / xx));
    }

    private static AudioBuffer subtract(AudioBuffer a, AudioBuffer b) {
        float[][] out = new float[2][a.frames()];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < a.frames(); i++) {
                out[c][i] = a.channel(c)[i] - b.channel(c)[i];
            }
        }
        return new AudioBuffer(out, a.sampleRateHz());
    }
}
