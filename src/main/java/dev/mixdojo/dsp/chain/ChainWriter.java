package dev.mixdojo.dsp.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.mixdojo.dsp.ProcessorSettings;
import dev.mixdojo.dsp.automation.Breakpoint;
import dev.mixdojo.dsp.automation.Param;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link ChainDescription} back out in the chain vocabulary (YAML), so it reads back equal. Thread-safe. */
public final class ChainWriter {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private ChainWriter() {
    }

    /** The chain as YAML text. */
    public static String write(ChainDescription chain) {
        try {
            return YAML.writeValueAsString(entries(chain));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The chain as plain values, one one-key map per step ({@code {eq: {type: peak, …}}}), for a report to write in
     * JSON or YAML.
     */
    public static List<Map<String, Object>> entries(ChainDescription chain) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (ProcessorSettings step : chain.steps()) {
            Map<String, Object> values = new LinkedHashMap<>();
            step.parameters().forEach((name, value) -> values.put(name, plain(value)));
            entries.add(Map.of(step.kind(), values));
        }
        return entries;
    }

    private static Object plain(Object value) {
        if (value instanceof Param.Fixed fixed) {
            return fixed.value();
        }
        if (value instanceof Param.Automated automated) {
            List<List<Double>> points = new ArrayList<>();
            for (Breakpoint p : automated.envelope().points()) {
                points.add(List.of(p.timeS(), p.value()));
            }
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("automation", points);
            map.put("curve", automated.envelope().curve().vocabularyName());
            return map;
        }
        return value;
    }
}
