package dev.mixdojo.dsp.spatial;

import dev.mixdojo.dsp.Processor;
import dev.mixdojo.dsp.ProcessorSettings;
import dev.mixdojo.dsp.automation.Param;
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

    /** A fixed balance toward {@code position} (−1 left … 1 right). */
    public static BalanceSettings of(double position) {
        return new BalanceSettings(Param.of(position));
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
        return new Balance(position);
    }
}
