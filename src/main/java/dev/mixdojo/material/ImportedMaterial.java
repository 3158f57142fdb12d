package dev.mixdojo.material;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.Resampler;
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

/**
 * An imported material as its editable {@code material.yaml} describes it: title, kind
 * ({@code multitrack}, {@code song} or {@code loop}) and the stems with their files, roles and
 * default balance. Immutable.
 */
public record ImportedMaterial(String name, String title, String kind, List<StemFile> stems) {
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
                    r.finish();
                    return new ImportedMaterial(name, title, kind, stems);
                }).orElse(null);
        problems.throwIfAny();
        return material;
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
        return text.toString();
    }

    byte[] toYamlBytes() {
        return toYaml().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the stems (resampled to 48 kHz when someone replaced a file, padded to one length) and makes the rough mix. */
    Multitrack load(Path folder, Warnings warnings) {
        List<AudioBuffer> audio = new ArrayList<>();
        int frames = 0;
        for (StemFile stem : stems) {
            AudioBuffer buffer = AudioFiles.read(folder.resolve(stem.file()), warnings);
            if (buffer.sampleRateHz() != SynthMath.SAMPLE_RATE_HZ) {
                buffer = Resampler.resample(buffer, SynthMath.SAMPLE_RATE_HZ);
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
