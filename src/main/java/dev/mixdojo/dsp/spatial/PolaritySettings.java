package dev.mixdojo.dsp.spatial;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.dsp.AudioBlock;
import dev.mixdojo.dsp.ProcessSpec;
import dev.mixdojo.dsp.Processor;
import dev.mixdojo.dsp.ProcessorSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Polarity inversion in the chain vocabulary ({@code - polarity: { invert: both }}); {@code invert}
 * is {@code both}, {@code left} or {@code right} (left also means the only channel of mono audio). Immutable.
 */
public record PolaritySettings(String invert) implements ProcessorSettings {
    /** Accepts only both, left or right. */
    public PolaritySettings {
        if (!("both".equals(invert) || "left".equals(invert) || "right".equals(invert))) {
            throw new BadInputException("polarity invert must be both, left or right, got " + invert);
        }
    }

    @Override
    public String kind() {
        return "polarity";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("invert", invert);
        return map;
    }

    @Override
    public Processor create() {
        boolean left = !"right".equals(invert);
        boolean right = !"left".equals(invert);
        return new Processor() {
            @Override
            public void prepare(ProcessSpec spec) {
            }

            @Override
            public void process(AudioBlock block) {
                for (int ch = 0; ch < block.channelCount(); ch++) {
                    if (ch == 0 ? left : right) {
                        float[] x = block.channel(ch);
                        for (int i = block.start(), end = block.start() + block.frames(); i < end; i++) {
                            x[i] = -x[i];
                        }
                    }
                }
            }

            @Override
            public void reset() {
            }
        };
    }
}
