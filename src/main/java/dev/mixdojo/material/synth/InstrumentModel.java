package dev.mixdojo.material.synth;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The instruments the song generator can play, each with the sound parameters it accepts (name,
 * default, allowed range). Names are the ones song files use ({@code kick}, {@code snare}, …).
 */
public enum InstrumentModel {
    /** Pitch-swept sine with a noise click. */
    KICK("kick", 1, List.of(
            p("startHz", 160, 60, 400), p("endHz", 48, 30, 120), p("sweepMs", 35, 5, 200),
            p("decayMs", 160, 40, 1200), p("click", 0.25, 0, 1), p("drive", 1.5, 1, 6))),
    /** Two detuned sine partials plus band-limited noise. */
    SNARE("snare", 1, List.of(
            p("toneHz", 185, 100, 400), p("toneDecayMs", 55, 10, 300), p("noiseDecayMs", 110, 20, 600),
            p("snappy", 0.6, 0, 1), p("noiseHz", 6000, 1500, 16000))),
    /** High-passed noise and a metallic square cluster; closed ({@code x}) and open ({@code o}). */
    HIHAT("hihat", 1, List.of(
            p("closedDecayMs", 28, 5, 200), p("openDecayMs", 250, 50, 1500), p("highpassHz", 7500, 4000, 14000),
            p("metallic", 0.35, 0, 1))),
    /** Filtered saw/square with a sub sine and a filter envelope; plays chord tones. */
    BASS("bass", 1, List.of(
            p("octave", 1, 0, 3), p("cutoffHz", 380, 60, 4000), p("envelopeOctaves", 1.8, 0, 5),
            p("filterDecayMs", 160, 10, 2000), p("square", 0.3, 0, 1), p("sub", 0.6, 0, 1),
            p("resonance", 1.1, 0.5, 8), p("releaseMs", 40, 5, 1000))),
    /** FM electric piano (two-operator, Chowning 1973) playing chords. */
    KEYS("keys", 1, List.of(
            p("octave", 4, 2, 6), p("brightness", 1.0, 0, 3), p("decayS", 1.6, 0.1, 8), p("releaseMs", 160, 10, 3000))),
    /** Detuned saws, slow attack, low-pass filtered, stereo. */
    PAD("pad", 2, List.of(
            p("octave", 3, 2, 6), p("detuneCents", 11, 0, 50), p("attackMs", 700, 5, 5000),
            p("releaseMs", 1200, 10, 8000), p("cutoffHz", 1600, 200, 12000), p("resonance", 0.8, 0.5, 4))),
    /** Karplus–Strong plucked string (Karplus & Strong 1983) playing chord tones. */
    PLUCK("pluck", 1, List.of(
            p("octave", 3, 2, 5), p("decayS", 1.4, 0.1, 8), p("brightness", 0.6, 0, 1), p("releaseMs", 60, 10, 1000))),
    /** Monophonic saw/square lead with glide and vibrato. */
    LEAD("lead", 1, List.of(
            p("octave", 5, 3, 7), p("cutoffHz", 2600, 300, 12000), p("envelopeOctaves", 1.2, 0, 4),
            p("glideMs", 50, 0, 500), p("vibratoCents", 20, 0, 100), p("vibratoHz", 5.5, 1, 9),
            p("releaseMs", 90, 10, 2000))),
    /** Formant voice: glottal-like source through formant resonators, with phrasing. */
    VOICE("voice", 1, List.of(
            p("octave", 4, 2, 5), p("glideMs", 70, 0, 500), p("vibratoCents", 35, 0, 100),
            p("vibratoHz", 5.2, 1, 9), p("breath", 0.12, 0, 1))),
    /** A stereo room/overhead pair: the drums through a short early-reflection room. */
    ROOM("room", 2, List.of(
            p("size", 1, 0.5, 2), p("damping", 0.5, 0, 1), p("tail", 0.35, 0, 1), p("decayS", 0.6, 0.1, 3),
            p("direct", 0.6, 0, 1)));

    private final String fileName;
    private final int channels;
    private final List<Parameter> parameters;

    InstrumentModel(String fileName, int channels, List<Parameter> parameters) {
        this.fileName = fileName;
        this.channels = channels;
        this.parameters = parameters;
    }

    /** One sound parameter: its name (with unit), default and allowed range. */
    public record Parameter(String name, double defaultValue, double min, double max) {
    }

    private static Parameter p(String name, double defaultValue, double min, double max) {
        return new Parameter(name, defaultValue, min, max);
    }

    /** The name used in song files. */
    public String fileName() {
        return fileName;
    }

    /** Channels of the stem this instrument renders (1 mono, 2 stereo). */
    public int channels() {
        return channels;
    }

    /** The parameters, in declaration order. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The named parameter; throws IllegalArgumentException for names this instrument lacks. */
    public Parameter parameter(String name) {
        for (Parameter parameter : parameters) {
            if (parameter.name().equals(name)) {
                return parameter;
            }
        }
        throw new IllegalArgumentException(fileName + " has no parameter " + name);
    }

    /** The instrument with this file name, or null. */
    public static InstrumentModel byFileName(String name) {
        for (InstrumentModel model : values()) {
            if (model.fileName.equals(name)) {
                return model;
            }
        }
        return null;
    }

    /**
     * The sound params for the given values, keeping those that fit the declared names and
     * ranges; each value that does not is added to {@code problems} as a sentence fragment.
     */
    public SoundParams accept(Map<String, Double> values, List<String> problems) {
        Map<String, Double> accepted = new TreeMap<>();
        for (Map.Entry<String, Double> entry : new TreeMap<>(values).entrySet()) {
            Parameter parameter = parameters.stream().filter(x -> x.name().equals(entry.getKey())).findFirst().orElse(null);
            if (parameter == null) {
                problems.add(fileName + " has no sound parameter '" + entry.getKey() + "' (it has "
                        + String.join(", ", parameters.stream().map(Parameter::name).toList()) + ")");
            } else if (entry.getValue() == null || !(entry.getValue() >= parameter.min() && entry.getValue() <= parameter.max())) {
                problems.add(fileName + " " + parameter.name() + " must be " + parameter.min() + "…" + parameter.max()
                        + ", got " + entry.getValue());
            } else {
                accepted.put(entry.getKey(), entry.getValue());
            }
        }
        return new SoundParams(this, accepted);
    }
}
