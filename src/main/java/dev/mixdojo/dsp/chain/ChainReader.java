package dev.mixdojo.dsp.chain;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.yaml.YamlNode;
import dev.mixdojo.dsp.Limits;
import dev.mixdojo.dsp.ProcessorSettings;
import dev.mixdojo.dsp.VocabularyName;
import dev.mixdojo.dsp.automation.Breakpoint;
import dev.mixdojo.dsp.automation.Curve;
import dev.mixdojo.dsp.automation.Envelope;
import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.dsp.chain.ChainDtos.BalanceDto;
import dev.mixdojo.dsp.chain.ChainDtos.DelayDto;
import dev.mixdojo.dsp.chain.ChainDtos.DynamicsDto;
import dev.mixdojo.dsp.chain.ChainDtos.EqDto;
import dev.mixdojo.dsp.chain.ChainDtos.GainDto;
import dev.mixdojo.dsp.chain.ChainDtos.PanDto;
import dev.mixdojo.dsp.chain.ChainDtos.PolarityDto;
import dev.mixdojo.dsp.chain.ChainDtos.ReverbDto;
import dev.mixdojo.dsp.chain.ChainDtos.SaturationDto;
import dev.mixdojo.dsp.chain.ChainDtos.WidthDto;
import dev.mixdojo.dsp.dynamics.Detector;
import dev.mixdojo.dsp.dynamics.DynamicsMode;
import dev.mixdojo.dsp.dynamics.DynamicsSettings;
import dev.mixdojo.dsp.dynamics.MakeUp;
import dev.mixdojo.dsp.eq.EqSettings;
import dev.mixdojo.dsp.eq.FilterType;
import dev.mixdojo.dsp.spatial.BalanceSettings;
import dev.mixdojo.dsp.spatial.GainSettings;
import dev.mixdojo.dsp.spatial.PanLaw;
import dev.mixdojo.dsp.spatial.PanSettings;
import dev.mixdojo.dsp.spatial.PolaritySettings;
import dev.mixdojo.dsp.spatial.WidthSettings;
import dev.mixdojo.dsp.time.DelaySettings;
import dev.mixdojo.dsp.time.NoteValue;
import dev.mixdojo.dsp.time.ReverbSettings;
import dev.mixdojo.dsp.tone.SaturationSettings;
import dev.mixdojo.dsp.tone.Shape;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.base.yaml.YamlFiles;
import dev.mixdojo.base.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a chain (YAML or JSON: a list of one-key maps, DESIGN.md's chain vocabulary) into a
 * {@link ChainDescription}. Every problem is a {@link BadInputException} with one sentence naming
 * the processor, the parameter and what is allowed. Thread-safe.
 */
public final class ChainReader {
    private static final ObjectMapper MAPPER = new YAMLMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** The processor kinds, in the order a person meets them. */
    public static final List<String> KINDS = List.of("gain", "polarity", "eq", "compressor", "limiter", "expander",
            "gate", "pan", "balance", "width", "delay", "reverb", "saturation");

    private ChainReader() {
    }

    /**
     * Reads a chain file (a regular file of at most {@link YamlFiles#MAX_BYTES}, one YAML or JSON
     * document); YAML problems read "{@code <file>:<line>:<column>: <problem>}", chain problems
     * "{@code <file>: <sentence>}".
     */
    public static ChainDescription read(Path file) {
        Problems problems = new Problems();
        Optional<ChainDescription> chain = YamlFiles.readText(file, problems).flatMap(text -> parseAt(file, text, problems));
        problems.throwIfAny();
        return chain.orElseThrow();
    }

    /**
     * Reads a chain a person typed (the command line's {@code --chain-json}), checked as a chain file
     * is; problems name {@code --chain-json} with the line and column.
     */
    public static ChainDescription parseTyped(String text) {
        Problems problems = new Problems();
        Optional<ChainDescription> chain = parseAt(Path.of("--chain-json"), text, problems);
        problems.throwIfAny();
        return chain.orElseThrow();
    }

    private static Optional<ChainDescription> parseAt(Path file, String text, Problems problems) {
        if (text.isBlank()) {
            return Optional.of(new ChainDescription(List.of()));
        }
        Optional<YamlNode> root = YamlFiles.parse(file, text, problems);
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(root.map(node -> parse(YamlNode.toJson(node))).orElseGet(() -> parse("[]")));
        } catch (BadInputException e) {
            throw new BadInputException(file, e.getMessage(), e);
        }
    }

    /** Reads a chain that a file read earlier holds (a lesson's demo version, a session's inserts), as {@link #parse} reads its text. */
    public static ChainDescription read(YamlNode chain) {
        return parse(YamlNode.toJson(chain));
    }

    /**
     * Reads one parameter of a processor that a file read earlier holds (a session's fader): a number or
     * {@code { automation: [[s, v], …] }}; problems begin "{@code <what> }".
     */
    public static Param readParam(String what, YamlNode value) {
        JsonNode node;
        try {
            node = MAPPER.readTree(YamlNode.toJson(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("YamlNode.toJson wrote text that is not JSON", e);
        }
        return param(what, node);
    }

    /** Reads a chain from YAML or JSON text. */
    public static ChainDescription parse(String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String at = where == null ? "" : "line " + where.getLineNr() + ", column " + where.getColumnNr() + ": ";
            throw new BadInputException("the chain is not valid YAML or JSON (" + at + e.getOriginalMessage() + ")", e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new ChainDescription(List.of());
        }
        if (!root.isArray()) {
            throw new BadInputException("a chain must be a list of processors, e.g. [ { gain: { gainDb: -3 } } ]");
        }
        List<ProcessorSettings> steps = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : root) {
            index++;
            if (!entry.isObject() || entry.size() != 1) {
                throw new BadInputException("chain entry " + index + " must be a map with exactly one processor name, one of "
                        + String.join(", ", KINDS));
            }
            Map.Entry<String, JsonNode> only = entry.fields().next();
            JsonNode params = only.getValue() == null || only.getValue().isNull()
                    ? MAPPER.createObjectNode() : only.getValue();
            if (!params.isObject()) {
                throw new BadInputException(only.getKey() + " parameters must be a map, e.g. { name: value }");
            }
            steps.add(step(only.getKey(), params));
        }
        return new ChainDescription(steps);
    }

    private static ProcessorSettings step(String kind, JsonNode params) {
        return switch (kind) {
            case "gain" -> gain(dto(kind, params, GainDto.class, Set.of()));
            case "polarity" -> new PolaritySettings(text(dto(kind, params, PolarityDto.class, Set.of()).invert(), "both"));
            case "eq" -> eq(dto(kind, params, EqDto.class, Set.of()));
            case "compressor" -> dynamics(DynamicsMode.COMPRESSOR, dto(kind, params, DynamicsDto.class, Set.of("rangeDb")));
            case "limiter" -> dynamics(DynamicsMode.LIMITER, dto(kind, params, DynamicsDto.class, Set.of("ratio", "rangeDb")));
            case "expander" -> dynamics(DynamicsMode.EXPANDER, dto(kind, params, DynamicsDto.class, Set.of("makeupDb")));
            case "gate" -> dynamics(DynamicsMode.GATE, dto(kind, params, DynamicsDto.class, Set.of("ratio", "makeupDb")));
            case "pan" -> pan(dto(kind, params, PanDto.class, Set.of()));
            case "balance" -> new BalanceSettings(param(kind, "position", dto(kind, params, BalanceDto.class, Set.of()).position(), null));
            case "width" -> new WidthSettings(param(kind, "amount", dto(kind, params, WidthDto.class, Set.of()).amount(), null));
            case "delay" -> delay(dto(kind, params, DelayDto.class, Set.of()));
            case "reverb" -> reverb(dto(kind, params, ReverbDto.class, Set.of()));
            case "saturation" -> saturation(dto(kind, params, SaturationDto.class, Set.of()));
            default -> throw new BadInputException("unknown processor '" + kind + "'; the chain vocabulary has "
                    + String.join(", ", KINDS));
        };
    }

    /** Checks the keys against the DTO's components (minus {@code excluded}), then maps the node onto it. */
    private static <T extends Record> T dto(String kind, JsonNode params, Class<T> type, Set<String> excluded) {
        Set<String> allowed = new TreeSet<>();
        Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).filter(n -> !excluded.contains(n))
                .forEach(allowed::add);
        Iterator<String> names = params.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new BadInputException(kind + " has no parameter '" + name + "'; it takes " + String.join(", ", allowed));
            }
        }
        try {
            return MAPPER.treeToValue(params, type);
        } catch (JsonProcessingException e) {
            throw new BadInputException(kind + " parameters have the wrong form (" + e.getOriginalMessage() + ")", e);
        }
    }

    private static String text(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /** A numeric parameter: a number, or {@code { automation: [[s, v], …], curve: linear|smooth }}. */
    static Param param(String kind, String name, JsonNode node, Double fallback) {
        if (node == null || node.isNull()) {
            if (fallback == null) {
                throw new BadInputException(kind + " needs " + name);
            }
            return Param.of(fallback);
        }
        return param(kind + " " + name, node);
    }

    private static Param param(String what, JsonNode node) {
        if (node.isNumber()) {
            return Param.of(node.doubleValue());
        }
        if (node.isObject() && node.has("automation")) {
            return automation(what, node);
        }
        throw new BadInputException(what + " must be a number or { automation: [[seconds, value], ...] }, got " + node);
    }

    private static Param automation(String what, JsonNode node) {
        Iterator<String> keys = node.fieldNames();
        while (keys.hasNext()) {
            String key = keys.next();
            if (!key.equals("automation") && !key.equals("curve")) {
                throw new BadInputException(what + " automation has no field '" + key + "'; it takes automation and curve");
            }
        }
        Curve curve = Curve.LINEAR;
        if (node.has("curve")) {
            curve = VocabularyName.byName(Curve.class, node.get("curve").asText());
            if (curve == null) {
                throw new BadInputException(what + " curve must be linear or smooth, got " + node.get("curve").asText());
            }
        }
        JsonNode points = node.get("automation");
        if (!points.isArray() || points.isEmpty()) {
            throw new BadInputException(what + " automation must be a list of [seconds, value] points");
        }
        List<Breakpoint> list = new ArrayList<>();
        for (JsonNode point : points) {
            if (!point.isArray() || point.size() != 2 || !point.get(0).isNumber() || !point.get(1).isNumber()) {
                throw new BadInputException(what + " automation points must be [seconds, value], got " + point);
            }
            double t = point.get(0).doubleValue();
            Limits.atLeast(what + " automation", "time", t, 0);
            list.add(new Breakpoint(t, point.get(1).doubleValue()));
        }
        try {
            return new Param.Automated(new Envelope(list, curve));
        } catch (BadInputException e) {
            throw new BadInputException(what + ": " + e.getMessage(), e);
        }
    }

    /** A number that cannot be automated. */
    private static double number(String kind, String name, JsonNode node, double fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isObject()) {
            throw new BadInputException(kind + " " + name + " cannot be automated; give a number");
        }
        throw new BadInputException(kind + " " + name + " must be a number, got " + node);
    }

    private static GainSettings gain(GainDto dto) {
        return new GainSettings(param("gain", "gainDb", dto.gainDb(), null));
    }

    private static EqSettings eq(EqDto dto) {
        if (dto.type() == null) {
            throw new BadInputException("eq needs a type: peak, lowshelf, highshelf, lowpass, highpass, notch or bandpass");
        }
        FilterType type = VocabularyName.byName(FilterType.class, dto.type());
        if (type == null) {
            throw new BadInputException("eq type must be peak, lowshelf, highshelf, lowpass, highpass, notch or bandpass, got "
                    + dto.type());
        }
        double slope = number("eq", "slopeDbPerOct", dto.slopeDbPerOct(), 12);
        if (slope != Math.rint(slope)) {
            throw new BadInputException("eq slopeDbPerOct must be 12, 24, 36 or 48, got " + Limits.format(slope));
        }
        return new EqSettings(type, param("eq", "frequencyHz", dto.frequencyHz(), null),
                param("eq", "gainDb", dto.gainDb(), 0.0), param("eq", "q", dto.q(), type.defaultQ()), (int) slope);
    }

    private static DynamicsSettings dynamics(DynamicsMode mode, DynamicsDto dto) {
        String kind = mode.vocabularyName();
        DynamicsDefaults d = DynamicsDefaults.of(mode);
        MakeUp makeUp = dto.makeupDb() != null && dto.makeupDb().isTextual() ? MakeUp.AUTO : MakeUp.MANUAL;
        if (makeUp == MakeUp.AUTO && !"auto".equals(dto.makeupDb().asText())) {
            throw new BadInputException(kind + " makeupDb must be a number of dB or auto, got " + dto.makeupDb().asText());
        }
        Detector detector = VocabularyName.byName(Detector.class, text(dto.detector(), "peak"));
        if (detector == null) {
            throw new BadInputException(kind + " detector must be peak or rms, got " + dto.detector());
        }
        return new DynamicsSettings(mode, param(kind, "thresholdDb", dto.thresholdDb(), d.thresholdDb()),
                param(kind, "ratio", dto.ratio(), d.ratio()), param(kind, "kneeDb", dto.kneeDb(), d.kneeDb()),
                param(kind, "attackMs", dto.attackMs(), d.attackMs()),
                param(kind, "releaseMs", dto.releaseMs(), d.releaseMs()),
                makeUp == MakeUp.AUTO ? Param.of(0) : param(kind, "makeupDb", dto.makeupDb(), 0.0), makeUp, detector,
                number(kind, "rmsMs", dto.rmsMs(), 10), number(kind, "link", dto.link(), 1),
                number(kind, "sidechainHpHz", dto.sidechainHpHz(), 0), param(kind, "rangeDb", dto.rangeDb(), d.rangeDb()));
    }

    /** What a dynamics entry means when a parameter is left out (a limiter and a gate ignore the ratio). */
    private record DynamicsDefaults(double thresholdDb, double ratio, double kneeDb, double attackMs, double releaseMs,
            double rangeDb) {
        static DynamicsDefaults of(DynamicsMode mode) {
            return switch (mode) {
                case COMPRESSOR -> new DynamicsDefaults(-20, 4, 6, 10, 120, 120);
                case LIMITER -> new DynamicsDefaults(-1, 1, 0, 0.1, 50, 120);
                case EXPANDER -> new DynamicsDefaults(-40, 2, 6, 1, 100, 40);
                case GATE -> new DynamicsDefaults(-50, 1, 0, 0.5, 100, 80);
            };
        }
    }

    private static PanSettings pan(PanDto dto) {
        PanLaw law = VocabularyName.byName(PanLaw.class, text(dto.law(), "constant-power"));
        if (law == null) {
            throw new BadInputException("pan law must be constant-power, minus-4.5db or linear, got " + dto.law());
        }
        return new PanSettings(param("pan", "position", dto.position(), null), law);
    }

    private static DelaySettings delay(DelayDto dto) {
        NoteValue note = null;
        double bpm = 0;
        Param time = null;
        if (dto.note() != null) {
            if (dto.timeMs() != null) {
                throw new BadInputException("delay takes timeMs or note with bpm, not both");
            }
            if (dto.bpm() == null) {
                throw new BadInputException("delay note " + dto.note() + " needs bpm");
            }
            note = NoteValue.parse(dto.note());
            bpm = number("delay", "bpm", dto.bpm(), 120);
        } else {
            if (dto.bpm() != null) {
                throw new BadInputException("delay bpm needs a note such as 1/8.");
            }
            time = param("delay", "timeMs", dto.timeMs(), null);
        }
        return new DelaySettings(time, note, bpm, param("delay", "feedback", dto.feedback(), 0.3),
                param("delay", "mix", dto.mix(), 0.25), dto.pingPong() != null && dto.pingPong(),
                number("delay", "lowCutHz", dto.lowCutHz(), 0), number("delay", "highCutHz", dto.highCutHz(), 0));
    }

    private static ReverbSettings reverb(ReverbDto dto) {
        return new ReverbSettings(param("reverb", "decayS", dto.decayS(), 1.8),
                number("reverb", "predelayMs", dto.predelayMs(), 20), param("reverb", "damping", dto.damping(), 0.4),
                number("reverb", "size", dto.size(), 0.5), param("reverb", "mix", dto.mix(), 0.2));
    }

    private static SaturationSettings saturation(SaturationDto dto) {
        Shape shape = VocabularyName.byName(Shape.class, text(dto.type(), "tanh"));
        if (shape == null) {
            throw new BadInputException("saturation type must be tanh, soft or asymmetric, got " + dto.type());
        }
        return new SaturationSettings(shape, param("saturation", "driveDb", dto.driveDb(), 12.0),
                param("saturation", "mix", dto.mix(), 1.0));
    }
}
