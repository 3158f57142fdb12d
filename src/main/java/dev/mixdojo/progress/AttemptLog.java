package dev.mixdojo.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixdojo.base.AtomicFiles;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The append-only progress log: one JSON line per attempt, the source of truth from which skill
 * state is rebuilt. An append writes one whole line and forces it to disk before returning, so
 * a crash can at worst leave the line being written incomplete; reading skips such a line (and
 * any other damaged line) with a warning and keeps every other attempt. Not for the audio thread.
 */
public final class AttemptLog {
    /** File name of the log inside the data directory. */
    public static final String FILE_NAME = "attempts.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    /** The log at the given path (created on the first append). */
    public AttemptLog(Path file) {
        this.file = file;
    }

    /** The log in a data directory. */
    public static AttemptLog inDataDirectory(Path dataDirectory) {
        return new AttemptLog(dataDirectory.resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /**
     * Appends one attempt and forces it to disk. If an earlier crash left an unfinished last line,
     * it is closed first so the new line stays readable. Throws BadInputException naming the file
     * when the disk is full or the file cannot be written; nothing written before is touched.
     */
    public void append(Attempt attempt) {
        appendAll(List.of(attempt));
    }

    /** Appends attempts in order, in one write forced to disk. */
    public void appendAll(List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (Attempt attempt : attempts) {
            lines.append(toJson(AttemptLine.of(attempt))).append('\n');
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
                    FileLock ignored = channel.lock()) {
                long size = channel.size();
                if (size > 0 && !endsWithNewline(channel, size)) {
                    lines.insert(0, '\n');
                }
                ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
                long position = size;
                while (bytes.hasRemaining()) {
                    position += channel.write(bytes, position);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new BadInputException(file, "could not save the attempt (" + describe(e) + "); earlier attempts are kept", e);
        }
    }

    /** Every readable attempt in file order; damaged lines are skipped with one warning each. */
    public List<Attempt> readAll(Warnings warnings) {
        if (!Files.exists(file)) {
            return List.of();
        }
        // Decoding replaces broken bytes, so a damaged line stays one damaged line.
        String[] lines;
        try {
            lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n", -1);
        } catch (IOException e) {
            throw new BadInputException(file, "could not read the progress log (" + describe(e) + ")", e);
        }
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                AttemptLine parsed = JSON.readValue(line, AttemptLine.class);
                if (parsed.schemaVersion() > AttemptLine.SCHEMA_VERSION) {
                    warnings.add(file + ": line " + (i + 1) + " was written by a newer MixDojo (schema "
                            + parsed.schemaVersion() + ") and was skipped.");
                    continue;
                }
                attempts.add(parsed.toAttempt());
            } catch (JsonProcessingException | IllegalArgumentException | NullPointerException
                    | java.time.format.DateTimeParseException e) {
                warnings.add(file + ": line " + (i + 1) + " is damaged and was skipped.");
            }
        }
        return attempts;
    }

    /** Writes every readable attempt of this log to another file (JSON lines), atomically. */
    public int exportTo(Path target, Warnings warnings) {
        List<Attempt> attempts = readAll(warnings);
        StringBuilder text = new StringBuilder();
        for (Attempt attempt : attempts) {
            text.append(toJson(AttemptLine.of(attempt))).append('\n');
        }
        AtomicFiles.writeString(target, text.toString());
        return attempts.size();
    }

    /**
     * Appends the attempts of an exported log that this log does not have yet (by id); returns how
     * many were added. The exported file is read with the same tolerance as this log.
     */
    public int importFrom(Path exported, Warnings warnings) {
        if (!Files.isRegularFile(exported)) {
            throw new BadInputException(exported, "no such progress file");
        }
        Map<String, Attempt> known = new LinkedHashMap<>();
        for (Attempt attempt : readAll(warnings)) {
            known.put(attempt.id(), attempt);
        }
        List<Attempt> fresh = new ArrayList<>();
        for (Attempt attempt : new AttemptLog(exported).readAll(warnings)) {
            if (known.putIfAbsent(attempt.id(), attempt) == null) {
                fresh.add(attempt);
            }
        }
        appendAll(fresh);
        return fresh.size();
    }

    private static boolean endsWithNewline(FileChannel channel, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        return last.get(0) == '\n';
    }

    private static String toJson(AttemptLine line) {
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.contains("No space left") ? "the disk is full" : message;
    }
}
