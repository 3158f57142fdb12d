package dev.mixdojo.dsp.spatial;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.dsp.Processor;
import dev.mixdojo.dsp.ProcessorSettings;
import dev.mixdojo.dsp.automation.Param;
import java.util.LinkedHashMap;
import java.util.Map;

/** Mono-to-stereo pan in the chain vocabulary ({@code - pan: { position: -0.3, law: constant-power }}). Immutable. */
public record PanSettings(Param position, PanLaw law) implements ProcessorSettings {
    /** Validates position −1…1 and requires a law. */
    public PanSettings {
        position.checkBetween("pan", "position", -1, 1);
        if (law == null) {
            throw new BadInputException("pan law must be constant-power, minus-4.5db or linear");
        }
    }

    /** A fixed constant-power pan to {@code position} (−1 left … 1 right). */
    public static PanSettings constantPower(double position) {
        return new PanSettings(Param.of(position), PanLaw.CONSTANT_POWER);
    }

    @Override
    public String kind() {
        return "pan";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("position", position);
        map.put("law", law.vocabularyName());
        return map;
    }

    @Override
    public Processor create() {
        return new Panner(this);
    }

    @Override
    public boolean needsStereo() {
        return true;
    }
}
