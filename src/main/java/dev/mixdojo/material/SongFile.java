package dev.mixdojo.material;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.material.synth.InstrumentKind;
import dev.mixdojo.material.synth.SoundParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a material description from {@code audio-exercises/*.yaml}: YAML → DTO records (Jackson)
 * → validated {@link Song} or {@link SignalSpec}. Every problem is reported at once in one
 * {@link BadInputException} naming the file (and line and column for YAML syntax and type errors).
 */
final class SongFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private SongFile() {
    }

    record SongDto(String kind, String title, String style, Double tempoBpm, String key, Integer beatsPerBar,
                   Integer stepsPerBeat, Double swing, Long seed, List<SectionDto> sections, List<String> form,
                   List<TrackDto> tracks, String signal, Double durationS, Double rmsDbfs, Double frequencyHz,
                   Integer channels) {
    }

    record SectionDto(String name, Integer bars, String chords, Double levelDb) {
    }

    record HumanizeDto(Double timingMs, Double velocity) {
    }

    record TrackDto(String stem, String instrument, String role, Double gainDb, Double pan, HumanizeDto humanize,
                    Map<String, Double> sound, Map<String, String> parts, Map<String, Double> sends) {
    }

    /** Reads and validates one file; the material's name is the file name without {@code .yaml}. */
    static MaterialSpec read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot be read (" + e.getMessage() + ").", e);
        }
        return parse(file, bytes);
    }

    /** Parses file contents already read (the bytes are also what the render cache hashes). */
    static MaterialSpec parse(Path file, byte[] bytes) {
        SongDto dto;
        try {
            dto = YAML.readValue(bytes, SongDto.class);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file, describe(e), e);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot be read (" + e.getMessage() + ").", e);
        }
        if (dto == null) {
            throw new BadInputException(file, "is empty; a song needs tempoBpm, key, sections and tracks.");
        }
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        List<String> problems = new ArrayList<>();
        MaterialSpec spec = "signal".equals(dto.kind()) ? signal(name, dto, problems)
                : dto.kind() == null || "song".equals(dto.kind()) ? song(name, dto, problems) : null;
        if (spec == null && problems.isEmpty()) {
            problems.add("kind must be song or signal, got '" + dto.kind() + "'");
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(file, (problems.size() == 1 ? "" : problems.size() + " problems: ")
                    + String.join("; ", problems) + ".");
        }
        return spec;
    }

    /** One sentence for a Jackson error, with line and column where Jackson knows them. */
    static String describe(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 1 ? ""
                : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
        String field = "";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference reference : mapping.getPath()) {
                if (reference.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            field = path + ": ";
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            List<String> known = unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            return where + "unknown field '" + unknown.getPropertyName() + "' (known here: " + String.join(", ", known) + ").";
        }
        String message = e.getOriginalMessage();
        int cut = message.indexOf(" at [Source");
        if (cut > 0) {
            message = message.substring(0, cut);
        }
        return where + field + message.replace('\n', ' ').trim() + (message.endsWith(".") ? "" : ".");
    }

    private static SignalSpec signal(String name, SongDto dto, List<String> problems) {
        SignalSpec.Kind kind = dto.signal() == null ? null : SignalSpec.Kind.byFileName(dto.signal());
        if (kind == null) {
            problems.add("signal must be pink-noise, white-noise, tone or sweep, got '" + dto.signal() + "'");
        }
        double durationS = orDefault(dto.durationS(), 30.0);
        if (!(durationS >= 1 && durationS <= 600)) {
            problems.add("durationS must be 1…600, got " + durationS);
        }
        double rmsDbfs = orDefault(dto.rmsDbfs(), -20.0);
        if (!(rmsDbfs >= -60 && rmsDbfs <= -6)) {
            problems.add("rmsDbfs must be -60…-6, got " + rmsDbfs);
        }
        double frequencyHz = orDefault(dto.frequencyHz(), 1000.0);
        if (!(frequencyHz >= 20 && frequencyHz <= 20000)) {
            problems.add("frequencyHz must be 20…20000, got " + frequencyHz);
        }
        int channels = dto.channels() == null ? 2 : dto.channels();
        if (channels != 1 && channels != 2) {
            problems.add("channels must be 1 or 2, got " + channels);
        }
        String title = dto.title() == null ? name : dto.title();
        return problems.isEmpty() ? new SignalSpec(name, title, kind, durationS, rmsDbfs, frequencyHz, channels) : null;
    }

    private static Song song(String name, SongDto dto, List<String> problems) {
        double tempoBpm = orDefault(dto.tempoBpm(), 0.0);
        if (!(tempoBpm >= 40 && tempoBpm <= 220)) {
            problems.add("tempoBpm must be 40…220, got " + (dto.tempoBpm() == null ? "nothing" : dto.tempoBpm()));
        }
        Harmony.Key key = dto.key() == null ? null : Harmony.parseKey(dto.key());
        if (key == null) {
            problems.add("key must read like 'A minor' or 'F# major' (modes: major, minor, dorian, mixolydian), got '"
                    + dto.key() + "'");
        }
        int beatsPerBar = dto.beatsPerBar() == null ? 4 : dto.beatsPerBar();
        int stepsPerBeat = dto.stepsPerBeat() == null ? 4 : dto.stepsPerBeat();
        if (beatsPerBar < 2 || beatsPerBar > 7 || stepsPerBeat < 1 || stepsPerBeat > 6) {
            problems.add("beatsPerBar must be 2…7 and stepsPerBeat 1…6");
        }
        double swing = orDefault(dto.swing(), 0.0);
        if (!(swing >= 0 && swing <= 1)) {
            problems.add("swing must be 0…1, got " + swing);
        }
        Map<String, Song.Section> sections = new LinkedHashMap<>();
        if (dto.sections() == null || dto.sections().isEmpty()) {
            problems.add("sections must list at least one section");
        } else {
            for (int i = 0; i < dto.sections().size(); i++) {
                Song.Section section = section(i, dto.sections().get(i), problems);
                if (section != null && sections.putIfAbsent(section.name(), section) != null) {
                    problems.add("sections[" + i + "]: the name '" + section.name() + "' is used twice");
                }
            }
        }
        List<Song.Section> form = new ArrayList<>();
        if (dto.form() == null) {
            form.addAll(sections.values());
        } else {
            for (String sectionName : dto.form()) {
                Song.Section section = sections.get(sectionName);
                if (section == null) {
                    problems.add("form names '" + sectionName + "', which is not a section (sections: "
                            + String.join(", ", sections.keySet()) + ")");
                } else {
                    form.add(section);
                }
            }
        }
        List<Song.Track> tracks = new ArrayList<>();
        if (dto.tracks() == null || dto.tracks().isEmpty()) {
            problems.add("tracks must list at least one track");
        } else {
            int stepsPerBar = beatsPerBar * stepsPerBeat;
            for (int i = 0; i < dto.tracks().size(); i++) {
                Song.Track track = track(i, dto.tracks().get(i), sections.keySet(), stepsPerBar, problems);
                if (track != null) {
                    if (tracks.stream().anyMatch(t -> t.stem().equals(track.stem()))) {
                        problems.add("tracks[" + i + "]: the stem name '" + track.stem() + "' is used twice");
                    }
                    tracks.add(track);
                }
            }
            for (Song.Track track : tracks) {
                for (String source : new TreeMap<>(track.sendsDb()).keySet()) {
                    if (tracks.stream().noneMatch(t -> t.stem().equals(source) && t.sound().kind() != InstrumentKind.ROOM)) {
                        problems.add("stem " + track.stem() + " sends from '" + source + "', which is not a drum stem of this song");
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        Song song = new Song(name, dto.title() == null ? name : dto.title(), dto.style() == null ? "song" : dto.style(),
                tempoBpm, key, beatsPerBar, stepsPerBeat, swing, form, tracks, dto.seed() == null ? 1L : dto.seed());
        if (song.durationS() < 1) {
            problems.add("the form lasts under a second");
        }
        return song;
    }

    private static Song.Section section(int index, SectionDto dto, List<String> problems) {
        String where = "sections[" + index + "]";
        if (dto == null || dto.name() == null || !dto.name().matches("[a-z][a-z0-9-]*") || "all".equals(dto.name())) {
            problems.add(where + ": name must be lower-case letters, digits or '-' (and not 'all')");
            return null;
        }
        where = "section " + dto.name();
        int bars = dto.bars() == null ? 0 : dto.bars();
        if (bars < 1 || bars > 256) {
            problems.add(where + ": bars must be 1…256");
        }
        List<Harmony.Chord> chords = new ArrayList<>();
        if (dto.chords() == null || dto.chords().isBlank()) {
            problems.add(where + ": chords must list at least one chord (one per bar, e.g. \"Am F C G\")");
        } else {
            for (String symbol : dto.chords().trim().split("[\\s|]+")) {
                Harmony.Chord chord = Harmony.parseChord(symbol);
                if (chord == null) {
                    problems.add(where + ": '" + symbol + "' is not a chord I know (e.g. C, Am, F#m7, Bbmaj7, Dsus4, G7, E5)");
                } else {
                    chords.add(chord);
                }
            }
        }
        double levelDb = orDefault(dto.levelDb(), 0.0);
        if (!(levelDb >= -24 && levelDb <= 0)) {
            problems.add(where + ": levelDb must be -24…0");
        }
        return new Song.Section(dto.name(), Math.max(bars, 1), chords, levelDb);
    }

    private static Song.Track track(int index, TrackDto dto, java.util.Set<String> sectionNames, int stepsPerBar,
                                    List<String> problems) {
        String where = "tracks[" + index + "]";
        if (dto == null || dto.stem() == null || !dto.stem().matches("[a-z][a-z0-9-]*")) {
            problems.add(where + ": stem must be a name of lower-case letters, digits or '-'");
            return null;
        }
        where = "stem " + dto.stem();
        InstrumentKind kind = dto.instrument() == null ? null : InstrumentKind.byFileName(dto.instrument());
        if (kind == null) {
            List<String> names = java.util.Arrays.stream(InstrumentKind.values()).map(InstrumentKind::fileName).toList();
            problems.add(where + ": instrument must be one of " + String.join(", ", names) + ", got '" + dto.instrument() + "'");
            return null;
        }
        Role role = dto.role() == null ? defaultRole(kind) : Role.byFileName(dto.role());
        if (role == null) {
            problems.add(where + ": role '" + dto.role() + "' is unknown");
        }
        List<String> soundProblems = new ArrayList<>();
        SoundParams sound = kind.accept(dto.sound() == null ? Map.of() : dto.sound(), soundProblems);
        soundProblems.forEach(p -> problems.add("stem " + dto.stem() + ": " + p));
        double gainDb = orDefault(dto.gainDb(), 0.0);
        if (!(gainDb >= -40 && gainDb <= 12)) {
            problems.add(where + ": gainDb must be -40…12");
        }
        double pan = orDefault(dto.pan(), 0.0);
        if (!(pan >= -1 && pan <= 1)) {
            problems.add(where + ": pan must be -1…1");
        }
        HumanizeDto feel = dto.humanize() == null ? new HumanizeDto(null, null) : dto.humanize();
        Song.Humanize humanize = new Song.Humanize(orDefault(feel.timingMs(), 4.0), orDefault(feel.velocity(), 0.1));
        if (!(humanize.timingMs() >= 0 && humanize.timingMs() <= 40) || !(humanize.velocity() >= 0 && humanize.velocity() <= 0.5)) {
            problems.add(where + ": humanize timingMs must be 0…40 and velocity 0…0.5");
        }
        Map<String, String> parts = dto.parts() == null ? Map.of() : dto.parts();
        Map<String, Double> sends = dto.sends() == null ? Map.of() : dto.sends();
        if (kind == InstrumentKind.ROOM) {
            if (!parts.isEmpty() || sends.isEmpty()) {
                problems.add(where + ": a room has sends (drum stem → dB), not parts");
            }
        } else if (parts.isEmpty()) {
            problems.add(where + ": parts must give a pattern for at least one section (or 'all')");
        } else if (!sends.isEmpty()) {
            problems.add(where + ": only a room has sends");
        }
        Map<String, String> cleaned = new TreeMap<>();
        for (Map.Entry<String, String> part : new TreeMap<>(parts).entrySet()) {
            if (!part.getKey().equals("all") && !sectionNames.contains(part.getKey())) {
                problems.add(where + ": parts names '" + part.getKey() + "', which is not a section");
                continue;
            }
            String steps = part.getValue() == null ? "" : part.getValue().replaceAll("[\\s|]", "");
            String allowed = Arranger.allowedSteps(kind);
            for (char c : steps.toCharArray()) {
                if (allowed.indexOf(c) < 0) {
                    problems.add(where + ", part " + part.getKey() + ": '" + c + "' is not a step for " + kind.fileName()
                            + " (use " + allowed + ")");
                    break;
                }
            }
            if (steps.isEmpty() || steps.length() % stepsPerBar != 0) {
                problems.add(where + ", part " + part.getKey() + ": the pattern has " + steps.length()
                        + " steps, not a whole number of " + stepsPerBar + "-step bars");
            }
            cleaned.put(part.getKey(), steps);
        }
        for (Map.Entry<String, Double> send : new TreeMap<>(sends).entrySet()) {
            if (send.getValue() == null || !(send.getValue() >= -40 && send.getValue() <= 6)) {
                problems.add(where + ": send from " + send.getKey() + " must be -40…6 dB");
            }
        }
        return new Song.Track(dto.stem(), role == null ? Role.OTHER : role, sound, gainDb, pan, humanize, cleaned, sends);
    }

    private static Role defaultRole(InstrumentKind kind) {
        return switch (kind) {
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

    private static double orDefault(Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
