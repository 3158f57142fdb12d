package dev.mixdojo.dsp.spatial;

import dev.mixdojo.dsp.Processor;
import dev.mixdojo.dsp.ProcessorSettings;
import dev.mixdojo.dsp.automation.Param;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stereo width in the chain vocabulary ({@code - width: { amount: 1.0 }}), 0 (mono) … 2 (extra
 * wide): mid M = (L + R)/2 is kept, side S = (L − R)/2 is scaled by the amount, L = M + S',
 * R = M − S'. Immutable.
 */
public record WidthSettings(Param amount) implements ProcessorSettings {
    /** Validates amount 0…2. */
    public WidthSettings {
        amount.checkBetween("width", "amount", 0, 2);
    }

    /** A fixed width of {@code amount} (0 mono … 2). */
    public static WidthSettings of(double amount) {
        return new WidthSettings(Param.of(amount));
    }

    @Override
    public String kind() {
        return "width";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("amount", amount);
        return map;
    }

    @Override
    public boolean needsStereo() {
        return true;
    }

    @Override
    public Processor create() {
        return new StereoSampleProcessor(amount) {
            @Override
            void apply(float[] left, float[] right, int i, double width) {
                double mid = 0.5 * (left[i] + right[i]);
                double side = 0.5 * (left[i] - right[i]) * width;
                left[i] = (float) (mid + side);
                right[i] = (float) (mid - side);
            }
        };
    }
}
