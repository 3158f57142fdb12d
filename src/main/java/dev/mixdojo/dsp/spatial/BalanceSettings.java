package dev.mixdojo.dsp.spatial;

import dev.mixdojo.dsp.AudioBlock;
import dev.mixdojo.dsp.ProcessSpec;
import dev.mixdojo.dsp.Processor;
import dev.mixdojo.dsp.ProcessorSettings;
import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.dsp.automation.ParamTrack;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stereo balance in the chain vocabulary ({@code - balance: { position: 0.2 }}), −1…1: the side
 * away from the position is turned down linearly (gain 1 − |p|), the near side stays at 0 dB,
 * so a centred balance changes nothing. Immutable.
 */
public record BalanceSettings(Param position) implements ProcessorSettings {
    /** Validates position −1…1. */
    public BalanceSettings {
        position.checkBetween("balance", "position", -1, 1);
    }

    @Override
    public String kind() {
        return "balance";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("position", position);
        return map;
    }

    @Override
    public boolean needsStereo() {
        return true;
    }

    @Override
    public Processor create() {
        ParamTrack track = new ParamTrack(position, 20);
        return new Processor() {
            @Override
            public void prepare(ProcessSpec spec) {
                track.prepare(spec.sampleRateHz());
            }

            @Override
            public void reset() {
                track.reset();
            }

            @Override
            public void process(AudioBlock block) {
                if (block.channelCount() < 2) {
                    track.advance(block.frames());
                    return;
                }
                float[] left = block.channel(0);
                float[] right = block.channel(1);
                for (int i = block.start(), end = block.start() + block.frames(); i < end; i++) {
                    double p = track.next();
                    left[i] = (float) (left[i] * Math.min(1, 1 - p));
                    right[i] = (float) (right[i] * Math.min(1, 1 + p));
                }
            }
        };
    }
}
