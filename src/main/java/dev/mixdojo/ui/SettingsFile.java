package dev.mixdojo.ui;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.mixdojo.base.AtomicFiles;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.progress.DailyGoal;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private static final String GOAL = "dailyGoal";
    private static final Set<String> KEYS = Set.of(VERSION, ROVE, LARGE, THEME, DEVICE, OFF, BUFFER, GOAL);
    /**
     * Jackson's streaming layer, made on first use: it loads in a tenth of the time of an
     * ObjectMapper (about 70 against 650 ms in a cold JVM), and the window waits for it.
     */
    private static final class Json {
        static final JsonFactory FACTORY = new JsonFactory();
    }

    /** A list or object where a setting's value should be. */
    private static final Object NESTED = new Object() {
        @Override
        public String toString() {
            return "(a list or object)";
        }
    };

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
        Map<String, Object> root;
        try {
            root = fields(Files.readAllBytes(file));
        } catch (NoSuchFileException absent) {
            return new Reading(SavedSettings.DEFAULTS, Optional.empty());
        } catch (JsonProcessingException e) {
            return allDefaults("is not valid JSON" + (e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            return allDefaults("could not be read (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
        if (root == null) {
            return allDefaults("does not hold a settings object");
        }
        Object version = root.get(VERSION);
        if (!(version instanceof Integer || version instanceof Long || version instanceof BigInteger)) {
            return allDefaults("has no whole-number " + VERSION);
        }
        if (!version.toString().equals(String.valueOf(SCHEMA_VERSION))) {
            return allDefaults("has " + VERSION + " " + version + ", which this MixDojo does not read (it reads "
                    + SCHEMA_VERSION + ")");
        }
        List<String> problems = new ArrayList<>();
        SavedSettings d = SavedSettings.DEFAULTS;
        double roveDb = field(root, ROVE, Number.class, d.levelRoveDb(), "a number", problems).doubleValue();
        if (!SavedSettings.isRove(roveDb)) {
            problems.add(ROVE + " " + root.get(ROVE) + " is outside 0 to "
                    + format(LearnerSettings.MAX_LEVEL_ROVE_DB) + " dB");
            roveDb = d.levelRoveDb();
        }
        boolean large = field(root, LARGE, Boolean.class, d.largeScale(), "true or false", problems);
        Theme theme = theme(root, d.theme(), problems);
        Optional<String> device = device(root, problems);
        boolean off = field(root, OFF, Boolean.class, d.soundOff(), "true or false", problems);
        double bufferValue = field(root, BUFFER, Number.class, d.bufferFrames(), "a number", problems).doubleValue();
        int buffer = d.bufferFrames();
        if (bufferValue == Math.rint(bufferValue) && SavedSettings.isBufferSize((int) bufferValue)) {
            buffer = (int) bufferValue;
        } else {
            problems.add(BUFFER + " " + root.get(BUFFER) + " is not one of the offered sizes "
                    + Arrays.toString(AudioOutput.BUFFER_SIZES_FRAMES));
        }
        String goalText = field(root, GOAL, String.class, d.dailyGoal().toString(), "a goal such as \"20 questions\"", problems);
        DailyGoal goal = DailyGoal.parse(goalText).orElse(null);
        if (goal == null) {
            problems.add(GOAL + " \"" + goalText + "\" is not 1 to " + DailyGoal.Unit.QUESTIONS.most() + " questions or 1 to "
                    + DailyGoal.Unit.MINUTES.most() + " minutes");
            goal = d.dailyGoal();
        }
        root.keySet().stream().filter(name -> !KEYS.contains(name))
                .forEach(name -> problems.add("\"" + name + "\" is not a setting (ignored)"));
        SavedSettings settings = new SavedSettings(roveDb, large, theme, device, off, buffer, goal);
        return new Reading(settings, problems.isEmpty() ? Optional.empty()
                : Optional.of(sentence(joined(problems) + ", so MixDojo uses the default there")));
    }

    /** Where {@link #keepCopy} puts the old file. */
    public Path copyPath() {
        return file.resolveSibling(FILE_NAME + ".bak");
    }

    /**
     * Copies the file as it is to {@link #copyPath()} (replacing an older copy), before a file that
     * could not be fully used is overwritten: what a newer MixDojo or the learner's own editing wrote
     * is kept. A BadInputException says why the copy could not be made.
     */
    public void keepCopy() {
        if (!Files.isRegularFile(file)) {
            return;  // nothing that could be read, so nothing to keep
        }
        try {
            AtomicFiles.write(copyPath(), out -> Files.copy(file, out));
        } catch (BadInputException e) {
            throw new BadInputException(e.getMessage() + " So " + file.getFileName() + " is left as it is.", e);
        }
    }

    /** Replaces the file with {@code settings}; a BadInputException says why it could not be written. */
    public void write(SavedSettings settings) {
        AtomicFiles.write(file, out -> {
            try (JsonGenerator json = Json.FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
                json.writeStartObject();
                json.writeNumberField(VERSION, SCHEMA_VERSION);
                json.writeNumberField(ROVE, settings.levelRoveDb());
                json.writeBooleanField(LARGE, settings.largeScale());
                json.writeStringField(THEME, settings.theme().name().toLowerCase(Locale.ROOT));
                json.writeFieldName(DEVICE);
                if (settings.outputDevice().isPresent()) {
                    json.writeString(settings.outputDevice().get());
                } else {
                    json.writeNull();
                }
                json.writeBooleanField(OFF, settings.soundOff());
                json.writeNumberField(BUFFER, settings.bufferFrames());
                json.writeStringField(GOAL, settings.dailyGoal().toString());
                json.writeEndObject();
            }
        });
    }

    /**
     * The top-level fields of a JSON object (numbers, strings, booleans, null, or {@link #NESTED}
     * for a list or object), or null when the text is not an object.
     */
    private static Map<String, Object> fields(byte[] bytes) throws IOException {
        try (JsonParser json = Json.FACTORY.createParser(bytes)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken token = json.nextToken();
                fields.put(name, switch (token) {
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> json.getNumberValue();
                    case VALUE_STRING -> json.getText();
                    case VALUE_TRUE, VALUE_FALSE -> json.getBooleanValue();
                    case VALUE_NULL -> null;
                    default -> {
                        json.skipChildren();
                        yield NESTED;
                    }
                });
            }
            return fields;
        }
    }

    private Reading allDefaults(String problem) {
        return new Reading(SavedSettings.DEFAULTS, Optional.of(sentence(problem + ", so MixDojo uses the default settings")));
    }

    private String sentence(String problem) {
        return file + ": " + problem + ".";
    }

    /**
     * A field's value of {@code type}, or {@code fallback} when it is absent or null; a value of another
     * type gives {@code fallback} too, with the problem noted ("NAME VALUE is not EXPECTED").
     */
    private static <T> T field(Map<String, Object> root, String name, Class<T> type, T fallback, String expected,
            List<String> problems) {
        Object value = root.get(name);
        if (value == null) {
            return fallback;
        }
        if (!type.isInstance(value)) {
            problems.add(name + " " + quoted(value) + " is not " + expected);
            return fallback;
        }
        return type.cast(value);
    }

    private static Theme theme(Map<String, Object> root, Theme fallback, List<String> problems) {
        String expected = "\"light\" or \"dark\"";
        String name = field(root, THEME, String.class, fallback.name(), expected, problems);
        for (Theme theme : Theme.values()) {
            if (theme.name().equalsIgnoreCase(name)) {
                return theme;
            }
        }
        problems.add(THEME + " " + quoted(name) + " is not " + expected);
        return fallback;
    }

    private static Optional<String> device(Map<String, Object> root, List<String> problems) {
        Optional<String> name = Optional.ofNullable(field(root, DEVICE, String.class, null, "a device name", problems));
        if (name.filter(String::isBlank).isPresent()) {
            problems.add(DEVICE + " " + quoted(name.get()) + " is not a device name");
            return Optional.empty();
        }
        return name;
    }

    /** A value as the file spells it: strings in quotes. */
    private static String quoted(Object value) {
        return value instanceof String text ? "\"" + text + "\"" : value.toString();
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
