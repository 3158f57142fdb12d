package dev.mixdojo.ui.mixer;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.yaml.Location;
import dev.mixdojo.lesson.MaterialRef;
import dev.mixdojo.lesson.MixChallenge;
import dev.mixdojo.mix.ChallengeSetup;
import dev.mixdojo.mix.ChannelStrip;
import dev.mixdojo.mix.MixSession;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** A three-stem balance challenge on 6 s of seeded noise: the target has the kick at −3 dB, the bass at −6 dB panned 0.2 right. */
final class SmallChallenge {
    static final int RATE_HZ = 48_000;
    static final double KICK_DB = -3;
    static final double BASS_DB = -6;
    static final double BASS_PAN = 0.2;

    private SmallChallenge() {
    }

    /** The challenge step of the setup. */
    static MixChallenge challenge(boolean compareWithTarget) {
        return new MixChallenge("balance", "Balance kick, bass and vocal", "Set the faders and pans.",
                MaterialRef.parse("song/small").orElseThrow(), Path.of("target.yaml"), List.of("level", "pan"),
                compareWithTarget, 80, MixChallenge.Start.LEVELS, Double.POSITIVE_INFINITY, new Location(Path.of("small.yaml"), 1, 1));
    }

    static ChallengeSetup setup(boolean compareWithTarget) {
        Map<String, AudioBuffer> stems = new LinkedHashMap<>();
        stems.put("kick", noise(1, true));
        stems.put("bass", noise(2, false));
        stems.put("vocal", noise(3, false));
        MixSession target = MixSession.flat("song/small", Optional.empty(), List.copyOf(stems.keySet()))
                .withTrack(ChannelStrip.of("kick").withFaderDb(KICK_DB))
                .withTrack(ChannelStrip.of("bass").withFaderDb(BASS_DB).withPan(BASS_PAN))
                .withTrack(ChannelStrip.of("vocal").withSends(-14, ChannelStrip.OFF));
        return ChallengeSetup.of(challenge(compareWithTarget), stems, target);
    }

    private static AudioBuffer noise(long seed, boolean drum) {
        Random random = new Random(seed);
        float[] x = new float[6 * RATE_HZ];
        for (int i = 0; i < x.length; i++) {
            double envelope = drum ? 3 * Math.exp(-(i % (RATE_HZ / 2)) / (0.08 * RATE_HZ)) : 1;
            x[i] = (float) (0.05 * envelope * random.nextGaussian());
        }
        return new AudioBuffer(new float[][] {x}, RATE_HZ);
    }
}
