package dev.mixdojo.material;

import dev.mixdojo.base.yaml.Location;
import dev.mixdojo.base.yaml.MapReader;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.base.yaml.YamlFiles;
import dev.mixdojo.base.yaml.YamlNode;
import dev.mixdojo.material.synth.InstrumentModel;
import dev.mixdojo.material.synth.SoundParams;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a material description from {@code audio-exercises/*.yaml} into a validated {@link Song}
 * or {@link SignalSpec}. Every problem in the file is reported at once, each with file, line and
 * column, in one {@link dev.mixdojo.base.BadInputException}.
 */
final class SongFile {
    private static final String NAME = "[a-z][a-z0-9-]*";

    private SongFile() {
    }

    /** Parses file contents already read (the bytes are also what the render cache hashes). */
    static MaterialSpec parse(Path file, byte[] bytes) {
        Problems problems = new Problems();
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        Optional<MaterialSpec> spec = YamlFiles.parse(file, new String(bytes, StandardCharsets.UTF_8), problems)
                .flatMap(root -> MapReader.of(root, problems, "the song"))
                .map(r -> {
                    String kind = r.oneOf("kind", List.of("song", "signal")).orElse("song");
                    MaterialSpec result = kind.equals("signal") ? signal(name, r) : song(name, r);
                    r.finish();
                    return result;
                });
        problems.throwIfAny();
        return spec.orElseThrow();
    }

    private static SignalSpec signal(String name, MapReader r) {
        List<String> waveforms = Arrays.stream(SignalSpec.Waveform.values()).map(k -> k.fileName).toList();
        SignalSpec.Waveform waveform = r.oneOf("signal", waveforms).map(SignalSpec.Waveform::byFileName).orElse(null);
        if (waveform == null && r.node("signal").isEmpty()) {
            r.problems().add(r.location(), "a signal needs 'signal' (one of " + String.join(", ", waveforms) + ")");
        }
        String title = r.optionalText("title").orElse(name);
        double durationS = r.number("durationS", 1, 600, 30);
        double rmsDbfs = r.number("rmsDbfs", -60, -6, -20);
        double frequencyHz = r.number("frequencyHz", 20, 20000, 1000);
        int channels = r.integer("channels", 1, 2, 2);
        return waveform == null ? null : new SignalSpec(name, title, waveform, durationS, rmsDbfs, frequencyHz, channels);
    }

    private static Song song(String name, MapReader r) {
        Problems problems = r.problems();
        String title = r.optionalText("title").orElse(name);
        String style = r.optionalText("style").orElse("song");
        double tempoBpm = r.requiredNumber("tempoBpm", 40, 220).orElse(120.0);
        Harmony.Key key = r.requiredText("key").map(text -> {
            Harmony.Key parsed = Harmony.parseKey(text);
            if (parsed == null) {
                problems.add(r.node("key").orElseThrow().location(), "key must read like 'A minor' or 'F# major' "
                        + "(modes: major, minor, dorian, mixolydian), got '" + text + "'");
            }
            return parsed;
        }).orElse(new Harmony.Key(0, Harmony.Mode.MAJOR));
        int beatsPerBar = r.integer("beatsPerBar", 2, 7, 4);
        int stepsPerBeat = r.integer("stepsPerBeat", 1, 6, 4);
        double swing = r.number("swing", 0, 1, 0);
        long seed = r.integer("seed", 0, Integer.MAX_VALUE, 1);
        Map<String, Song.Section> sections = new LinkedHashMap<>();
        List<MapReader> sectionReaders = r.mapList("sections", "a section");
        if (sectionReaders.isEmpty()) {
            problems.add(r.location(), "the song needs at least one section under 'sections'");
        }
        for (MapReader s : sectionReaders) {
            section(s).ifPresent(section -> {
                if (sections.putIfAbsent(section.name(), section) != null) {
                    problems.add(s.location(), "the section name '" + section.name() + "' is used twice");
                }
            });
        }
        List<Song.Section> form = new ArrayList<>();
        if (r.node("form").isEmpty()) {
            form.addAll(sections.values());
        }
        for (String sectionName : r.textList("form")) {
            Song.Section section = sections.get(sectionName);
            if (section == null) {
                problems.add(r.node("form").orElseThrow().location(), "form names '" + sectionName
                        + "', which is not a section (sections: " + String.join(", ", sections.keySet()) + ")");
            } else {
                form.add(section);
            }
        }
        List<Song.Track> tracks = new ArrayList<>();
        List<MapReader> trackReaders = r.mapList("tracks", "a track");
        if (trackReaders.isEmpty()) {
            problems.add(r.location(), "the song needs at least one track under 'tracks'");
        }
        for (MapReader t : trackReaders) {
            track(t, sections.keySet(), beatsPerBar * stepsPerBeat).ifPresent(track -> {
                if (tracks.stream().anyMatch(other -> other.stem().equals(track.stem()))) {
                    problems.add(t.location(), "the stem name '" + track.stem() + "' is used twice");
                }
                tracks.add(track);
            });
        }
        for (int i = 0; i < tracks.size(); i++) {
            for (String source : new TreeMap<>(tracks.get(i).sendsDb()).keySet()) {
                boolean isDrum = tracks.stream().anyMatch(t -> t.stem().equals(source)
                        && t.sound().model() != InstrumentModel.ROOM && t.sound().model().channels() == 1);
                if (!isDrum) {
                    problems.add(trackReaders.get(i).location(), "stem " + tracks.get(i).stem() + " sends from '" + source
                            + "', which is not a mono stem of this song");
                }
            }
        }
        return new Song(name, title, style, tempoBpm, key, beatsPerBar, stepsPerBeat, swing, form, tracks, seed);
    }

    private static Optional<Song.Section> section(MapReader s) {
        Optional<String> name = s.requiredText("name");
        name.filter(n -> !n.matches(NAME) || n.equals("all")).ifPresent(n -> s.problems().add(s.location(),
                "a section name must be lower-case letters, digits or '-' (and not 'all'), got '" + n + "'"));
        String what = "section " + name.orElse("?");
        int bars = s.requiredNumber("bars", 1, 256).map(Double::intValue).orElse(1);
        List<Harmony.Chord> chords = new ArrayList<>();
        s.requiredText("chords").ifPresent(text -> {
            for (String symbol : text.trim().split("[\\s|]+")) {
                Harmony.Chord chord = Harmony.parseChord(symbol);
                if (chord == null) {
                    s.problems().add(s.node("chords").orElseThrow().location(), what + ": '" + symbol
                            + "' is not a chord I know (e.g. C, Am, F#m7, Bbmaj7, Dsus4, G7, E5, Cadd9)");
                } else {
                    chords.add(chord);
                }
            }
        });
        double levelDb = s.number("levelDb", -24, 0, 0);
        s.finish();
        if (name.isEmpty() || chords.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Song.Section(name.get(), bars, chords, levelDb));
    }

    private static Optional<Song.Track> track(MapReader t, Set<String> sectionNames, int stepsPerBar) {
        Problems problems = t.problems();
        Optional<String> stem = t.requiredText("stem");
        stem.filter(n -> !n.matches(NAME)).ifPresent(n -> problems.add(t.location(),
                "a stem name must be lower-case letters, digits or '-', got '" + n + "'"));
        String what = "stem " + stem.orElse("?");
        List<String> instruments = Arrays.stream(InstrumentModel.values()).map(InstrumentModel::fileName).toList();
        Optional<InstrumentModel> model = t.oneOf("instrument", instruments).map(InstrumentModel::byFileName);
        if (t.node("instrument").isEmpty()) {
            problems.add(t.location(), what + " needs 'instrument' (one of " + String.join(", ", instruments) + ")");
        }
        List<String> roles = Arrays.stream(Role.values()).map(Role::fileName).toList();
        Optional<Role> role = t.oneOf("role", roles).map(Role::byFileName);
        double gainDb = t.number("gainDb", -40, 12, 0);
        double pan = t.number("pan", -1, 1, 0);
        Song.Humanize humanize = t.node("humanize").flatMap(n -> MapReader.of(n, problems, what + " humanize")).map(h -> {
            Song.Humanize feel = new Song.Humanize(h.number("timingMs", 0, 40, 4), h.number("velocity", 0, 0.5, 0.1));
            h.finish();
            return feel;
        }).orElse(new Song.Humanize(4, 0.1));
        Map<String, Double> soundValues = numbers(t, "sound", problems);
        Map<String, Double> sends = numbers(t, "sends", problems);
        Map<String, String> parts = new TreeMap<>();
        t.node("parts").ifPresent(node -> {
            if (!(node instanceof YamlNode.MapNode map)) {
                problems.add(node.location(), what + " parts should map section names to patterns");
                return;
            }
            for (YamlNode.Entry entry : map.entries()) {
                if (!entry.key().equals("all") && !sectionNames.contains(entry.key())) {
                    problems.add(entry.keyLocation(), what + ": parts names '" + entry.key() + "', which is not a section");
                } else if (entry.value() instanceof YamlNode.ScalarNode scalar && scalar.text() != null) {
                    parts.put(entry.key(), scalar.text().replaceAll("[\\s|]", ""));
                } else {
                    problems.add(entry.value().location(), what + ": the part for " + entry.key() + " should be a step pattern");
                }
            }
        });
        t.finish();
        if (stem.isEmpty() || model.isEmpty()) {
            return Optional.empty();
        }
        List<String> soundProblems = new ArrayList<>();
        SoundParams sound = model.get().accept(soundValues, soundProblems);
        Location soundLocation = t.node("sound").map(YamlNode::location).orElse(t.location());
        soundProblems.forEach(p -> problems.add(soundLocation, what + ": " + p));
        checkParts(t, model.get(), parts, sends, stepsPerBar, what);
        return Optional.of(new Song.Track(stem.get(), role.orElse(defaultRole(model.get())), sound, gainDb, pan, humanize,
                parts, sends));
    }

    private static void checkParts(MapReader t, InstrumentModel model, Map<String, String> parts, Map<String, Double> sends,
                                   int stepsPerBar, String what) {
        Location partsLocation = t.node("parts").map(YamlNode::location).orElse(t.location());
        if (model == InstrumentModel.ROOM) {
            if (!parts.isEmpty() || sends.isEmpty()) {
                t.problems().add(t.location(), what + ": a room has sends (drum stem: level in dB), not parts");
            }
            return;
        }
        if (parts.isEmpty()) {
            t.problems().add(t.location(), what + " needs parts: a step pattern for at least one section (or 'all')");
        }
        if (!sends.isEmpty()) {
            t.problems().add(t.location(), what + ": only a room has sends");
        }
        sends.forEach((source, levelDb) -> {
            if (!(levelDb >= -40 && levelDb <= 6)) {
                t.problems().add(t.node("sends").orElseThrow().location(), what + ": the send from " + source
                        + " must be between -40 and 6 dB, got " + levelDb);
            }
        });
        String allowed = Arranger.allowedSteps(model);
        for (Map.Entry<String, String> part : parts.entrySet()) {
            String steps = part.getValue();
            steps.chars().filter(c -> allowed.indexOf(c) < 0).findFirst().ifPresent(c -> t.problems().add(partsLocation,
                    what + ", part " + part.getKey() + ": '" + (char) c + "' is not a step for " + model.fileName()
                            + " (use " + allowed + ")"));
            if (steps.isEmpty() || steps.length() % stepsPerBar != 0) {
                t.problems().add(partsLocation, what + ", part " + part.getKey() + ": the pattern has " + steps.length()
                        + " steps, not a whole number of " + stepsPerBar + "-step bars");
            }
        }
    }

    /** A mapping of names to numbers (sound parameters, send levels); absent: empty. */
    private static Map<String, Double> numbers(MapReader t, String key, Problems problems) {
        Map<String, Double> values = new TreeMap<>();
        t.node(key).ifPresent(node -> {
            if (!(node instanceof YamlNode.MapNode map)) {
                problems.add(node.location(), key + " should map names to numbers");
                return;
            }
            for (YamlNode.Entry entry : map.entries()) {
                if (entry.value() instanceof YamlNode.ScalarNode scalar && scalar.type() == YamlNode.ScalarNode.Type.NUMBER) {
                    values.put(entry.key(), Double.parseDouble(scalar.text()));
                } else {
                    problems.add(entry.value().location(), key + " " + entry.key() + " should be a number");
                }
            }
        });
        return values;
    }

    private static Role defaultRole(InstrumentModel model) {
        return switch (model) {
            case KICK -> Role.KICK;
            case SNARE -> Role.SNARE;
            case HIHAT -> Role.HIHAT;
            case ROOM -> Role.ROOM;
            case BASS -> Role.BASS;
            case KEYS -> Role.KEYS;
            case PAD -> Role.PAD;
            case PLUCK -> Role.GUITAR;
            case LEAD -> Role.SYNTH;
            case VOICE -> Role.VOCAL;
        };
    }
}
