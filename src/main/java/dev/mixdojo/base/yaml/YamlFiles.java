package dev.mixdojo.base.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mixdojo.base.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads YAML (JSON is YAML too) into {@link YamlNode}s that keep their locations. Bounded: only
 * regular files of at most {@link #MAX_BYTES}, words and comments of at most {@link #MAX_RUN_CHARS}, one
 * document per file, so reading takes time linear in the file's size. Numbers are plain finite
 * decimals (hexadecimal {@code 0x10} and octal {@code 0o17} are read as the decimal they mean);
 * YAML's {@code .nan}, {@code .inf}, {@code 1_000} and numbers beyond the double range are read as
 * text, which the readers then refuse where they want a number.
 */
public final class YamlFiles {
    /** Largest YAML file read: lessons, sessions, curricula and assignment manifests are a few kilobytes. */
    public static final long MAX_BYTES = 1L << 20;
    /**
     * Longest word (a run without spaces, quotes or flow brackets) or comment read: SnakeYAML's
     * reader copies its buffer for every kilobyte of one such run, so time grows with the square
     * of its length, while text made of shorter runs reads in time linear in its size.
     */
    public static final int MAX_RUN_CHARS = 16_384;
    private static final YAMLFactory FACTORY = new YAMLFactory();
    /** A YAML 1.2 decimal as MixDojo reads it: 12, -3.5, .5, 1e-3, +4. */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern HEX = Pattern.compile("[-+]?0x[0-9a-fA-F]{1,15}");
    private static final Pattern OCTAL = Pattern.compile("[-+]?0o[0-7]{1,20}");

    private YamlFiles() {
    }

    /**
     * Reads a file; syntax errors, duplicate keys, a file that is not a regular file (a folder, a
     * device, a pipe) or is larger than {@link #MAX_BYTES} go to {@code problems} (the result is
     * then empty or partial). A missing or unreadable file is a BadInputException naming it.
     */
    public static Optional<YamlNode> read(Path file, Problems problems) {
        Optional<String> text = readText(file, problems);
        return text.isEmpty() ? Optional.empty() : parse(file, text.get(), problems);
    }

    /**
     * The text of a YAML file, after checking (before reading anything) that it is a regular file of
     * at most {@link #MAX_BYTES}; else a problem at its first line. A missing or unreadable file is a
     * BadInputException naming it.
     */
    public static Optional<String> readText(Path file, Problems problems) {
        Location start = new Location(file, 1, 1);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                problems.add(start, "is not a regular file (it is " + (attributes.isDirectory() ? "a folder" : "a device, pipe"
                        + " or socket") + "), so it was not read");
                return Optional.empty();
            }
            if (attributes.size() > MAX_BYTES) {
                problems.add(start, tooLarge(attributes.size()));
                return Optional.empty();
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                problems.add(start, tooLarge(bytes.length));
                return Optional.empty();
            }
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BadInputException(file, "no such file.", e);
        } catch (CharacterCodingException e) {
            throw new BadInputException(file, "is not UTF-8 text.", e);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot be read (" + e.getMessage() + ").", e);
        }
    }

    private static String tooLarge(long bytes) {
        return "the file is " + (bytes > MAX_BYTES ? "larger than " + (MAX_BYTES >> 20) + " MiB" : bytes + " bytes")
                + ", more than a MixDojo YAML file may be (" + (MAX_BYTES >> 20) + " MiB), so it was not read";
    }

    /** Parses text as if it were the given file (one YAML document). */
    public static Optional<YamlNode> parse(Path file, String text, Problems problems) {
        if (text.length() > MAX_BYTES) {
            problems.add(new Location(file, 1, 1), tooLarge(text.length()));
            return Optional.empty();
        }
        Optional<Location> longRun = longRun(file, text);
        if (longRun.isPresent()) {
            problems.add(longRun.get(), "a word or comment here runs past the " + MAX_RUN_CHARS
                    + " characters MixDojo reads in one piece; break it with spaces or onto more lines");
            return Optional.empty();
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(new Location(file, 1, 1), "the file is empty");
                return Optional.empty();
            }
            YamlNode root = node(file, parser, problems);
            if (parser.nextToken() != null) {
                problems.add(documentStart(file, text, parser.currentTokenLocation().getLineNr()), "a second YAML document starts here; a MixDojo"
                        + " file holds one document, so remove the '---' line or put the rest in a file of its own");
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Location location = at == null ? new Location(file, 1, 1)
                    : new Location(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
            String problem = syntaxProblem(e.getOriginalMessage());
            if (problem.startsWith("a tab")) {
                location = firstTab(file, text).orElse(location);
            }
            problems.add(location, "not valid YAML: " + problem);
            return Optional.empty();
        } catch (IOException e) {
            throw new BadInputException(file, "cannot be read (" + e.getMessage() + ").", e);
        }
    }

    /** SnakeYAML's message in a person's words: its first line, or what a tab means when a tab caused it. */
    private static String syntaxProblem(String message) {
        if (message.contains("\\t") || message.contains("\t") || message.contains("TAB")) {
            return "a tab character is here, and YAML indents with spaces only; replace the tab with spaces";
        }
        return message.lines().findFirst().orElse("");
    }

    /** The '---' line that starts the document whose first token is on {@code tokenLine}, else that line. */
    private static Location documentStart(Path file, String text, int tokenLine) {
        String[] lines = text.split("\n", -1);
        for (int line = Math.min(tokenLine, lines.length); line >= 1; line--) {
            if (lines[line - 1].startsWith("---")) {
                return new Location(file, line, 1);
            }
        }
        return new Location(file, Math.max(1, tokenLine), 1);
    }

    /** Where the first tab of the text stands. */
    private static Optional<Location> firstTab(Path file, String text) {
        int tab = text.indexOf('\t');
        if (tab < 0) {
            return Optional.empty();
        }
        int line = 1 + (int) text.substring(0, tab).chars().filter(c -> c == '\n').count();
        return Optional.of(new Location(file, line, tab - text.lastIndexOf('\n', tab)));
    }

    /** Where the first word or comment longer than {@link #MAX_RUN_CHARS} passes the limit, if any does. */
    private static Optional<Location> longRun(Path file, String text) {
        int line = 1;
        int lineStart = 0;
        int runStart = 0;
        boolean comment = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                runStart = i + 1;
                comment = false;
                continue;
            }
            if (c == '#' && !comment && (i == lineStart || Character.isWhitespace(text.charAt(i - 1)))) {
                comment = true;
                runStart = i;
            } else if (!comment && (Character.isWhitespace(c) || ",[]{}\"'".indexOf(c) >= 0)) {
                runStart = i + 1;
            }
            if (i - runStart >= MAX_RUN_CHARS) {
                return Optional.of(new Location(file, line, runStart - lineStart + MAX_RUN_CHARS + 1));
            }
        }
        return Optional.empty();
    }

    /**
     * A number scalar as MixDojo reads it: a finite decimal as written, hexadecimal or octal as the
     * decimal it means; anything else YAML calls a number (.nan, .inf, 1_000, 1e999, 1:30) is text.
     */
    static YamlNode.ScalarNode number(Location location, String text) {
        try {
            if (DECIMAL.matcher(text).matches() && Double.isFinite(Double.parseDouble(text))) {
                return new YamlNode.ScalarNode(location, text, YamlNode.ScalarNode.Type.NUMBER);
            }
            if (HEX.matcher(text).matches() || OCTAL.matcher(text).matches()) {
                boolean negative = text.startsWith("-");
                String digits = text.replaceFirst("^[-+]?0[xo]", "");
                long value = Long.parseLong(digits, text.contains("x") ? 16 : 8);
                return new YamlNode.ScalarNode(location, Long.toString(negative ? -value : value),
                        YamlNode.ScalarNode.Type.NUMBER);
            }
        } catch (NumberFormatException e) {
            // Falls through to text: the readers say what they want instead.
        }
        return new YamlNode.ScalarNode(location, text, YamlNode.ScalarNode.Type.STRING);
    }

    private static YamlNode node(Path file, JsonParser parser, Problems problems) throws IOException {
        Location location = locate(file, parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                List<YamlNode.Entry> entries = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Location keyLocation = locate(file, parser.currentTokenLocation());
                    parser.nextToken();
                    YamlNode value = node(file, parser, problems);
                    if (!seen.add(key)) {
                        problems.add(keyLocation, "the key '" + key + "' appears twice");
                        continue;
                    }
                    entries.add(new YamlNode.Entry(key, keyLocation, value));
                }
                return new YamlNode.MapNode(location, entries);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(file, parser, problems));
                }
                return new YamlNode.ListNode(location, items);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> { return number(location, parser.getText()); }
            case VALUE_TRUE, VALUE_FALSE ->
                    { return new YamlNode.ScalarNode(location, parser.getText(), YamlNode.ScalarNode.Type.BOOLEAN); }
            case VALUE_NULL -> { return new YamlNode.ScalarNode(location, null, YamlNode.ScalarNode.Type.NULL); }
            default -> { return new YamlNode.ScalarNode(location, parser.getText(), YamlNode.ScalarNode.Type.STRING); }
        }
    }

    private static Location locate(Path file, JsonLocation at) {
        return new Location(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
    }
}
