package dev.mixdojo.material;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.Resampler;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.base.yaml.MapReader;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.base.yaml.YamlFiles;
import dev.mixdojo.material.synth.SynthMath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An imported material as its editable {@code material.yaml} describes it: title, kind
 * ({@code multitrack}, {@code song} or {@code loop}), the stems with their files, roles and
 * default balance, and for a song its tempo and the stretch drills play. Immutable.
 */
public record ImportedMaterial(String name, String title, String kind, List<StemFile> stems, Optional<OwnSong> song) {
    /** The description file in each imported material's folder. */
    public static final String FILE_NAME = "material.yaml";
    static final List<String> KINDS = List.of("multitrack", "song", "loop");

    /** Copies the stem list. */
    public ImportedMaterial {
        stems = List.copyOf(stems);
    }

    /** One stem: its audio file (in the material's folder), name, role, gain (dB) and pan (-1…1). */
    public record StemFile(String file, String name, Role role, double gainDb, double pan) {
    }

    /** Reads {@code folder/material.yaml}; every problem is reported at once with line and column. */
    static ImportedMaterial read(Path folder) {
        Problems problems = new Problems();
        Path file = folder.resolve(FILE_NAME);
        String name = folder.getFileName().toString();
        ImportedMaterial material = YamlFiles.read(file, problems)
                .flatMap(root -> MapReader.of(root, problems, "the material"))
                .map(r -> {
                    String title = r.optionalText("title").orElse(name);
                    String kind = r.oneOf("kind", KINDS).orElse("multitrack");
                    List<StemFile> stems = new ArrayList<>();
                    List<String> roles = Arrays.stream(Role.values()).map(Role::fileName).toList();
                    for (MapReader s : r.mapList("stems", "a stem")) {
                        String stemFile = s.requiredText("file").orElse("");
                        if (stemFile.contains("/") || stemFile.contains("\\") || stemFile.startsWith(".")) {
                            problems.add(s.location(), "a stem file must be a file name in the material's folder, got '" + stemFile + "'");
                        }
                        String stemName = s.optionalText("name").orElse(stemFile.replaceFirst("\\.[^.]*$", ""));
                        Role role = s.oneOf("role", roles).map(Role::byFileName).orElse(Role.OTHER);
                        double gainDb = s.number("gainDb", -60, 24, 0);
                        double pan = s.number("pan", -1, 1, 0);
                        s.finish();
                        stems.add(new StemFile(stemFile, stemName, role, gainDb, pan));
                    }
                    if (stems.isEmpty()) {
                        problems.add(r.location(), "the material needs at least one stem under 'stems'");
                    }
                    Optional<OwnSong> song = ownSong(r);
                    r.finish();
                    return new ImportedMaterial(name, title, kind, stems, song);
                }).orElse(null);
        problems.throwIfAny();
        return material;
    }

    /** The song's tempo and drills' stretch, when the file has them ({@code tempo:} and {@code excerpt:}). */
    private static Optional<OwnSong> ownSong(MapReader r) {
        Problems problems = r.problems();
        Optional<MapReader> tempo = r.node("tempo").flatMap(n -> MapReader.of(n, problems, "the tempo"));
        Optional<MapReader> excerpt = r.node("excerpt").flatMap(n -> MapReader.of(n, problems, "the excerpt"));
        if (tempo.isEmpty() || excerpt.isEmpty()) {
            if (tempo.isPresent() != excerpt.isPresent()) {
                problems.add(r.location(), "a song needs both 'tempo' and 'excerpt', or neither");
            }
            return Optional.empty();
        }
        MapReader t = tempo.get();
        double foundBpm = t.requiredNumber("foundBpm", 20, 400).orElse(120.0);
        Beats.Doubt doubt = t.oneOf("doubt", DOUBTS).map(w -> Beats.Doubt.values()[DOUBTS.indexOf(w)]).orElse(Beats.Doubt.NONE);
        SongTempo.Choice choice = t.oneOf("choice", SongTempo.Choice.words()).map(SongTempo.Choice::byWord).orElse(SongTempo.Choice.FOUND);
        double downbeatS = t.number("downbeatS", 0, 24 * 3600, 0);
        t.node("bpm"); // written for people to read; the tempo drills use follows from foundBpm and choice
        t.finish();
        MapReader e = excerpt.get();
        double startS = e.number("startS", 0, 24 * 3600, 0);
        double lengthS = e.number("lengthS", 1, 24 * 3600, OwnSong.SHORTEST_EXCERPT_S);
        e.finish();
        return Optional.of(new OwnSong(new SongTempo(foundBpm, doubt, choice, downbeatS), startS, lengthS));
    }

    /** The words for {@link Beats.Doubt} in material.yaml, in its order. */
    private static final List<String> DOUBTS = List.of("none", "maybe-double", "maybe-half");

    /** This material with its song's tempo choice or stretch changed. */
    ImportedMaterial withSong(OwnSong changed) {
        return new ImportedMaterial(name, title, kind, stems, Optional.of(changed));
    }

    /** The editable text of {@code material.yaml}. */
    String toYaml() {
        StringBuilder text = new StringBuilder();
        text.append("# Imported by MixDojo. Edit the title, roles, gains (dB) and pans (-1 left … +1 right) freely.\n");
        text.append("# Roles: ").append(String.join(", ", Arrays.stream(Role.values()).map(Role::fileName).toList())).append('\n');
        text.append("title: ").append(quote(title)).append('\n');
        text.append("kind: ").append(kind).append('\n');
        text.append("stems:\n");
        for (StemFile stem : stems) {
            text.append("  - file: ").append(quote(stem.file())).append('\n');
            text.append("    name: ").append(quote(stem.name())).append('\n');
            text.append("    role: ").append(stem.role().fileName()).append('\n');
            text.append("    gainDb: ").append(format(stem.gainDb())).append('\n');
            text.append("    pan: ").append(format(stem.pan())).append('\n');
        }
        song.ifPresent(own -> {
            SongTempo tempo = own.tempo();
            text.append("# The tempo MixDojo found (foundBpm) and your choice: found, kept, halved or doubled;\n");
            text.append("# bpm is the tempo drills use. The excerpt is the stretch drills play (startS on a bar line).\n");
            text.append("tempo:\n");
            text.append("  bpm: ").append(String.format(Locale.ROOT, "%.2f", tempo.bpm())).append('\n');
            text.append("  foundBpm: ").append(String.format(Locale.ROOT, "%.3f", tempo.foundBpm())).append('\n');
            text.append("  doubt: ").append(DOUBTS.get(tempo.doubt().ordinal())).append('\n');
            text.append("  choice: ").append(tempo.choice().word()).append('\n');
            text.append("  downbeatS: ").append(String.format(Locale.ROOT, "%.4f", tempo.downbeatS())).append('\n');
            text.append("excerpt:\n");
            text.append("  startS: ").append(String.format(Locale.ROOT, "%.4f", own.excerptStartS())).append('\n');
            text.append("  lengthS: ").append(String.format(Locale.ROOT, "%.4f", own.excerptLengthS())).append('\n');
        });
        return text.toString();
    }

    byte[] toYamlBytes() {
        return toYaml().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads the stems (resampled to 48 kHz when someone replaced a file, padded to one length) and
     * makes the rough mix; a song gives only the stretch its drills play.
     */
    Multitrack load(Path folder, Warnings warnings) {
        List<AudioBuffer> audio = new ArrayList<>();
        int frames = 0;
        for (StemFile stem : stems) {
            AudioBuffer buffer = AudioFiles.read(folder.resolve(stem.file()), warnings);
            if (buffer.sampleRateHz() != SynthMath.SAMPLE_RATE_HZ) {
                buffer = Resampler.resample(buffer, SynthMath.SAMPLE_RATE_HZ);
            }
            if (song.isPresent()) {
                buffer = stretch(folder, buffer, song.get());
            }
            audio.add(buffer);
            frames = Math.max(frames, buffer.frames());
        }
        List<Stem> loaded = new ArrayList<>();
        for (int s = 0; s < stems.size(); s++) {
            StemFile stem = stems.get(s);
            loaded.add(new Stem(stem.name(), stem.role(), padded(audio.get(s), frames), stem.gainDb(), stem.pan()));
        }
        return new Multitrack(name, loaded, RoughMix.mix(loaded));
    }

    /** The stretch of {@code buffer} that the song's drills play (or from its start to the song's end). */
    private static AudioBuffer stretch(Path folder, AudioBuffer buffer, OwnSong song) {
        long from = Math.round(song.excerptStartS() * buffer.sampleRateHz());
        if (from >= buffer.frames()) {
            throw new BadInputException(folder.resolve(FILE_NAME), String.format(Locale.ROOT,
                    "the excerpt starts at %.1f s, after the song's end (%.1f s); move it with 'mixdojo material set'.",
                    song.excerptStartS(), buffer.durationS()));
        }
        int to = (int) Math.min(buffer.frames(), from + Math.round(song.excerptLengthS() * buffer.sampleRateHz()));
        float[][] channels = new float[buffer.channelCount()][];
        for (int c = 0; c < channels.length; c++) {
            channels[c] = Arrays.copyOfRange(buffer.channel(c), (int) from, to);
        }
        return new AudioBuffer(channels, buffer.sampleRateHz());
    }

    /** The buffer lengthened with silence to {@code frames} (stems start together and end together). */
    private static AudioBuffer padded(AudioBuffer buffer, int frames) {
        if (buffer.frames() == frames) {
            return buffer;
        }
        float[][] channels = new float[buffer.channelCount()][];
        for (int c = 0; c < channels.length; c++) {
            channels[c] = Arrays.copyOf(buffer.channel(c), frames);
        }
        return new AudioBuffer(channels, buffer.sampleRateHz());
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
