package dev.mixdojo.mix;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.dsp.automation.Breakpoint;
import dev.mixdojo.dsp.automation.Curve;
import dev.mixdojo.dsp.automation.Envelope;
import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.dsp.dynamics.DynamicsSettings;
import dev.mixdojo.dsp.eq.EqSettings;
import dev.mixdojo.dsp.eq.FilterType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Small stems and a session that uses every part of a strip, for the live engine's tests. */
final class LiveSessions {
    static final int RATE_HZ = 48_000;

    private LiveSessions() {
    }

    /** A mono kick-like burst every half second, a stereo pad of tones, a mono "vocal" of noise, {@code seconds} long. */
    static Map<String, AudioBuffer> stems(int seconds) {
        int frames = seconds * RATE_HZ;
        Random random = new Random(7);
        float[] kick = new float[frames];
        float[][] pad = new float[2][frames];
        float[] vocal = new float[frames];
        for (int i = 0; i < frames; i++) {
            double t = i / (double) RATE_HZ;
            double sinceHit = t % 0.5;
            kick[i] = (float) (0.6 * Math.exp(-sinceHit * 30) * Math.sin(2 * Math.PI * 55 * sinceHit));
            pad[0][i] = (float) (0.1 * Math.sin(2 * Math.PI * 220 * t) + 0.05 * Math.sin(2 * Math.PI * 331 * t));
            pad[1][i] = (float) (0.1 * Math.sin(2 * Math.PI * 277 * t) + 0.05 * Math.sin(2 * Math.PI * 415 * t));
            vocal[i] = (float) (0.1 * random.nextGaussian() * (0.6 + 0.4 * Math.sin(2 * Math.PI * 3 * t)));
        }
        Map<String, AudioBuffer> stems = new LinkedHashMap<>();
        stems.put("kick", new AudioBuffer(new float[][] {kick}, RATE_HZ));
        stems.put("pad", new AudioBuffer(pad, RATE_HZ));
        stems.put("vocal", new AudioBuffer(new float[][] {vocal}, RATE_HZ));
        return stems;
    }

    /**
     * Every strip feature: EQ bands and a compressor, a ride, pans and a balance, both sends, a master fader; and
     * every bus: the kick and the pad in a group bus with an EQ band, a compressor and a fader, both return faders off 0 dB.
     */
    static MixSession busy() {
        Envelope ride = new Envelope(List.of(new Breakpoint(0.5, -3), new Breakpoint(1.0, 2), new Breakpoint(1.5, -1)),
                Curve.LINEAR);
        ChannelStrip kick = ChannelStrip.of("kick").withFaderDb(-2).withPan(0.1)
                .withEq(List.of(EqSettings.of(FilterType.HIGH_PASS, 30, 0, 0.707, 12), EqSettings.peak(80, 3, 1.2),
                        EqSettings.peak(400, -4, 2), EqSettings.shelf(FilterType.HIGH_SHELF, 6000, 2, 0.707)))
                .withCompressor(Optional.of(DynamicsSettings.compressor(-24, 4, 6, 5, 80, 2)));
        ChannelStrip pad = ChannelStrip.of("pad").withFaderDb(-6).withPan(-0.4).withSends(-8, ChannelStrip.OFF);
        ChannelStrip vocal = ChannelStrip.of("vocal").withFader(new Param.Automated(ride)).withPan(0)
                .withEq(List.of(EqSettings.of(FilterType.HIGH_PASS, 120, 0, 0.707, 12)))
                .withCompressor(Optional.of(DynamicsSettings.compressor(-30, 3, 3, 10, 120, 4)))
                .withSends(-12, -18);
        GroupBus band = new GroupBus("band", List.of("kick", "pad"), List.of(EqSettings.peak(200, -3, 1)),
                Optional.of(DynamicsSettings.compressor(-20, 3, 6, 10, 100, 1)), -2);
        return MixSession.flat("test", Optional.empty(), List.of("kick", "pad", "vocal"))
                .withTrack(kick).withTrack(pad).withTrack(vocal).withMasterFaderDb(-1.5)
                .withReturnsDb(-3, 2).withGroups(List.of(band));
    }

    /** Renders {@code frames} frames of a live mix offline, as the audio thread would, into a new buffer. */
    static float[][] play(LiveMix mix, int frames) {
        float[][] out = new float[2][frames];
        float[][] block = new float[2][LiveMix.BLOCK_FRAMES];
        for (int at = 0; at < frames; at += LiveMix.BLOCK_FRAMES) {
            mix.render(block, 0, LiveMix.BLOCK_FRAMES);
            int n = Math.min(LiveMix.BLOCK_FRAMES, frames - at);
            System.arraycopy(block[0], 0, out[0], at, n);
            System.arraycopy(block[1], 0, out[1], at, n);
        }
        return out;
    }

    /** A stem that holds one value, mono. */
    static AudioBuffer constant(float value, int frames) {
        float[] x = new float[frames];
        java.util.Arrays.fill(x, value);
        return new AudioBuffer(new float[][] {x}, RATE_HZ);
    }
}
