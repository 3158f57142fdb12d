package dev.mixdojo.dsp.tone;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.dsp.Processor;
import dev.mixdojo.dsp.ProcessorSettings;
import dev.mixdojo.dsp.automation.Param;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saturation in the chain vocabulary ({@code - saturation: { type: tanh, driveDb: 12, mix: 1.0 }}):
 * type tanh, soft or asymmetric; driveDb 0…48; mix 0…1. Immutable.
 */
public record SaturationSettings(Shape type, Param driveDb, Param mix) implements ProcessorSettings {
    /** Validates every value with a sentence naming the parameter and range. */
    public SaturationSettings {
        if (type == null) {
            throw new BadInputException("saturation type must be tanh, soft or asymmetric");
        }
        driveDb.checkBetween("saturation", "driveDb", 0, 48);
        mix.checkBetween("saturation", "mix", 0, 1);
    }

    /** Saturation of {@code type} with fixed drive (dB) and mix. */
    public static SaturationSettings of(Shape type, double driveDb, double mix) {
        return new SaturationSettings(type, Param.of(driveDb), Param.of(mix));
    }

    @Override
    public String kind() {
        return "saturation";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", type.vocabularyName());
        map.put("driveDb", driveDb);
        map.put("mix", mix);
        return map;
    }

    @Override
    public Processor create() {
        return new Saturation(this);
    }

    @Override
    public boolean channelsApart() {
        return true;
    }
}
