package dev.mixdojo.dsp.spatial;

import dev.mixdojo.dsp.Processor;
import dev.mixdojo.dsp.ProcessorSettings;
import dev.mixdojo.dsp.automation.Param;
import java.util.LinkedHashMap;
import java.util.Map;

/** Level change in the chain vocabulary ({@code - gain: { gainDb: -3 }}), −120…24 dB. Immutable. */
public record GainSettings(Param gainDb) implements ProcessorSettings {
    /** Validates the gain range. */
    public GainSettings {
        gainDb.checkBetween("gain", "gainDb", -120, 24);
    }

    /** A fixed gain of {@code gainDb}. */
    public static GainSettings of(double gainDb) {
        return new GainSettings(Param.of(gainDb));
    }

    @Override
    public String kind() {
        return "gain";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("gainDb", gainDb);
        return map;
    }

    @Override
    public Processor create() {
        return new Gain(gainDb);
    }
}
