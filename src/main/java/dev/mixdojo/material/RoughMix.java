package dev.mixdojo.material;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.dsp.spatial.PanLaw;
import java.util.List;

/**
 * The rough mix of a multitrack from its stems' default balances: each stem at its gain, mono
 * stems panned with the constant-power law (-3 dB in the centre), stereo stems balanced, summed
 * to stereo and peak-normalised. Balance drills use the plain sum to mix stems with one balance
 * changed.
 */
public final class RoughMix {
    private RoughMix() {
    }

    static AudioBuffer mix(List<Stem> stems) {
        AudioBuffer mix = sum(stems);
        Normalisation.normalise(mix);
        return mix;
    }

    /**
     * The stems (all at one sample rate, the first one's length) at their balances ({@link Stem#gainDb},
     * {@link Stem#pan}) summed to a new stereo buffer, not normalised: two sums of the same stems
     * differ only by the balances that differ.
     */
    public static AudioBuffer sum(List<Stem> stems) {
        int frames = stems.get(0).audio().frames();
        AudioBuffer mix = AudioBuffer.silence(2, frames, stems.get(0).audio().sampleRateHz());
        float[] left = mix.channel(0);
        float[] right = mix.channel(1);
        for (Stem stem : stems) {
            double gain = StrictMath.pow(10, stem.gainDb() / 20);
            float leftGain;
            float rightGain;
            AudioBuffer audio = stem.audio();
            if (audio.channelCount() == 1) {
                leftGain = (float) (gain * PanLaw.CONSTANT_POWER.leftGain(stem.pan()));
                rightGain = (float) (gain * PanLaw.CONSTANT_POWER.rightGain(stem.pan()));
            } else {
                // Stereo balance as the chain's 'balance' does it: the far side down by 1 − |p|, the near side kept.
                leftGain = (float) (gain * Math.min(1, 1 - stem.pan()));
                rightGain = (float) (gain * Math.min(1, 1 + stem.pan()));
            }
            float[] inLeft = audio.channel(0);
            float[] inRight = audio.channel(audio.channelCount() - 1);
            int length = Math.min(frames, audio.frames());
            for (int i = 0; i < length; i++) {
                left[i] += leftGain * inLeft[i];
                right[i] += rightGain * inRight[i];
            }
        }
        return mix;
    }
}
