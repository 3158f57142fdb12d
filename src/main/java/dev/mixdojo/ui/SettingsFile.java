package dev.mixdojo.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixdojo.base.AtomicFiles;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.UserDirectories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The learner's settings file, {@value #FILE_NAME} in the data folder: one small JSON object with
 * a schema version. Reading never fails: what cannot be used falls back to its default and is
 * described in one sentence naming the file. Writing replaces the file atomically.
 */
public final class SettingsFile {
    /** The file's name in the user's data folder. */
    public static final String FILE_NAME = "settings.json";
    /** The schema this version writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    private static final String VERSION = "schemaVersion";
    private static final String ROVE = "levelRoveDb";
    private static final String LARGE = "largeScale";
    private static final String THEME = "theme";
    private static final String DEVICE = "outputDevice";
    private static final String OFF = "soundOff";
    private static final String BUFFER = "bufferFrames";
    private static final Set<String> KEYS = Set.of(VERSION, ROVE, LARGE, THEME, DEVICE, OFF, BUFFER);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What was read: the settings to use, and a sentence naming the file and what could not be used
     * (empty when the file was fine or absent).
     */
    public record Reading(SavedSettings settings, Optional<String> notice) {
    }

    private final Path file;

    /** The settings file at {@code file}. */
    public SettingsFile(Path file) {
        this.file = file;
    }

    /** The settings file in the user's data folder. */
    public static SettingsFile in(UserDirectories directories) {
        return new SettingsFile(directories.data().resolve(FILE_NAME));
    }

    /** Where the file is. */
    public Path path() {
        return file;
    }

    /** Reads the settings; a missing file gives the defaults silently, a damaged one the defaults for what is damaged. */
    public Reading read() {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException absent) {
            return new Reading(SavedSettings.DEFAULTS, Optional.empty());
        } catch (JsonProcessingException e) {
            return allDefaults("is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            return allDefaults("could not be read (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
        if (root == null || !root.isObject()) {
            return allDefaults("does not hold a settings object");
        }
        JsonNode version = root.get(VERSION);
        if (version == null || !version.isIntegralNumber()) {
            return allDefaults("has no whole-number " + VERSION);
        }
        if (version.asInt() != SCHEMA_VERSION) {
            return allDefaults("has " + VERSION + " " + version.asText() + ", which this MixDojo does not read (it reads "
                    + SCHEMA_VERSION + ")");
        }
        List<String> problems = new ArrayList<>();
        SavedSettings d = SavedSettings.DEFAULTS;
        double roveDb = number(root, ROVE, d.levelRoveDb(), problems);
        if (!SavedSettings.isRove(roveDb)) {
            problems.add(ROVE + " " + root.get(ROVE).asText() + " is outside 0 to "
                    + format(LearnerSettings.MAX_LEVEL_ROVE_DB) + " dB");
            roveDb = d.levelRoveDb();
        }
        boolean large = flag(root, LARGE, d.largeScale(), problems);
        Theme theme = theme(root, d.theme(), problems);
        Optional<String> device = device(root, problems);
        boolean off = flag(root, OFF, d.soundOff(), problems);
        double bufferValue = number(root, BUFFER, d.bufferFrames(), problems);
        int buffer = d.bufferFrames();
        if (bufferValue == Math.rint(bufferValue) && SavedSettings.isBufferSize((int) bufferValue)) {
            buffer = (int) bufferValue;
        } else {
            problems.add(BUFFER + " " + root.get(BUFFER).asText() + " is not one of the offered sizes "
                    + java.util.Arrays.toString(AudioOutput.BUFFER_SIZES_FRAMES));
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                problems.add("\"" + name + "\" is not a setting (ignored)");
            }
        }
        SavedSettings settings = new SavedSettings(roveDb, large, theme, device, off, buffer);
        return new Reading(settings, problems.isEmpty() ? Optional.empty()
                : Optional.of(sentence(joined(problems) + ", so MixDojo uses the default there")));
    }

    /** Replaces the file with {@code settings}; a BadInputException says why it could not be written. */
    public void write(SavedSettings settings) {
        ObjectNode root = JSON.createObjectNode();
        root.put(VERSION, SCHEMA_VERSION);
        root.put(ROVE, settings.levelRoveDb());
        root.put(LARGE, settings.largeScale());
        root.put(THEME, settings.theme().name().toLowerCase(Locale.ROOT));
        settings.outputDevice().ifPresentOrElse(name -> root.put(DEVICE, name), () -> root.putNull(DEVICE));
        root.put(OFF, settings.soundOff());
        root.put(BUFFER, settings.bufferFrames());
        AtomicFiles.write(file, out -> JSON.writeValue(out, root));
    }

    private Reading allDefaults(String problem) {
        return new Reading(SavedSettings.DEFAULTS, Optional.of(sentence(problem + ", so MixDojo uses the default settings")));
    }

    private String sentence(String problem) {
        return new BadInputException(file, problem + ".").getMessage();
    }

    /** A field's number, or {@code fallback} (with a problem noted) when it is there but not a number. */
    private static double number(JsonNode root, String name, double fallback, List<String> problems) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isNumber()) {
            problems.add(name + " " + node + " is not a number");
            return fallback;
        }
        return node.asDouble();
    }

    private static boolean flag(JsonNode root, String name, boolean fallback, List<String> problems) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            problems.add(name + " " + node + " is not true or false");
            return fallback;
        }
        return node.asBoolean();
    }

    private static Theme theme(JsonNode root, Theme fallback, List<String> problems) {
        JsonNode node = root.get(THEME);
        if (node == null || node.isNull()) {
            return fallback;
        }
        for (Theme theme : Theme.values()) {
            if (theme.name().equalsIgnoreCase(node.asText()) && node.isTextual()) {
                return theme;
            }
        }
        problems.add(THEME + " " + node + " is not \"light\" or \"dark\"");
        return fallback;
    }

    private static Optional<String> device(JsonNode root, List<String> problems) {
        JsonNode node = root.get(DEVICE);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            problems.add(DEVICE + " " + node + " is not a device name");
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }

    /** "a", "a and b", "a, b and c". */
    private static String joined(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
