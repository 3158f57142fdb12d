package dev.mixdojo.dsp.time;

import dev.mixdojo.dsp.Limits;
import dev.mixdojo.dsp.ProcessSpec;
import dev.mixdojo.dsp.Processor;
import dev.mixdojo.dsp.ProcessorSettings;
import dev.mixdojo.dsp.automation.Param;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An algorithmic reverb in the chain vocabulary: {@code decayS} 0.1…20 (RT60 at low
 * frequencies), {@code predelayMs} 0…500, {@code damping} 0…1 (how much faster the highs die),
 * {@code size} 0…1 (room dimensions: echo spacing), {@code mix} 0…1 (0 dry, 1 wet only). Immutable.
 */
public record ReverbSettings(Param decayS, double predelayMs, Param damping, double size, Param mix)
        implements ProcessorSettings {

    /** Validates every value with a sentence naming the parameter and range. */
    public ReverbSettings {
        decayS.checkBetween("reverb", "decayS", 0.1, 20);
        Limits.between("reverb", "predelayMs", predelayMs, 0, 500);
        damping.checkBetween("reverb", "damping", 0, 1);
        Limits.between("reverb", "size", size, 0, 1);
        mix.checkBetween("reverb", "mix", 0, 1);
    }

    /** A reverb with fixed settings. */
    public static ReverbSettings of(double decayS, double predelayMs, double damping, double size, double mix) {
        return new ReverbSettings(Param.of(decayS), predelayMs, Param.of(damping), size, Param.of(mix));
    }

    @Override
    public String kind() {
        return "reverb";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("decayS", decayS);
        map.put("predelayMs", predelayMs);
        map.put("damping", damping);
        map.put("size", size);
        map.put("mix", mix);
        return map;
    }

    @Override
    public boolean needsStereo() {
        return true;
    }

    @Override
    public long stateBytes(ProcessSpec spec) {
        return (long) Float.BYTES * Reverb.samplesAllocated(this, spec.sampleRateHz());
    }

    @Override
    public Processor create() {
        return new Reverb(this);
    }
}
