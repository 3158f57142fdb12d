package dev.mixdojo.classroom;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An assignment a teacher hands out: which drills, how many questions each, the seed that fixes
 * every question, practice or exam, the pass mark, an optional due time, and the key that signs
 * the students' results. Immutable; its question plan depends on nothing but these fields.
 *
 * @param formatVersion     the assignment format, {@link #FORMAT_VERSION} when written by this code
 * @param id                lower-case words joined by hyphens, e.g. {@code eq-week-3}
 * @param title             what students see
 * @param drills            the drills in the order they are asked, at least one, no repeats
 * @param questionsPerDrill questions asked from each drill, 1–{@value #MAX_QUESTIONS_PER_DRILL}
 * @param seed              the assignment's seed; every question's seed is derived from it
 * @param mode              practice or exam
 * @param passMarkPercent   the score (0–100 %) at or above which a student passes
 * @param due               when results are due, if ever (finishing after it marks results late)
 * @param resultsKeyBase64  the 256-bit HMAC key for results, base64
 * @param mixChallenge      the homework mix to hand in with the results, if any
 */
public record Assignment(
        int formatVersion,
        String id,
        String title,
        List<AssignmentDrill> drills,
        int questionsPerDrill,
        long seed,
        AssignmentMode mode,
        double passMarkPercent,
        Optional<OffsetDateTime> due,
        String resultsKeyBase64,
        Optional<AssignmentMixChallenge> mixChallenge) {

    /** The assignment format this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** Most questions one drill may contribute. */
    public static final int MAX_QUESTIONS_PER_DRILL = 100;
    /** Length of the results key in bytes (256 bits, the HMAC-SHA256 block-safe size of RFC 2104). */
    public static final int KEY_BYTES = 32;

    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public Assignment {
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("assignment format " + formatVersion + " is not " + FORMAT_VERSION);
        }
        if (!ID.matcher(Objects.requireNonNull(id, "id")).matches()) {
            throw new IllegalArgumentException("assignment id '" + id + "' should be lower-case words joined by hyphens");
        }
        if (Objects.requireNonNull(title, "title").isBlank()) {
            throw new IllegalArgumentException("an assignment needs a title");
        }
        drills = List.copyOf(drills);
        if (drills.isEmpty()) {
            throw new IllegalArgumentException("an assignment needs at least one drill");
        }
        Set<String> seen = new HashSet<>();
        for (AssignmentDrill drill : drills) {
            if (!seen.add(drill.reference())) {
                throw new IllegalArgumentException("the drill " + drill.reference() + " is listed twice");
            }
        }
        if (questionsPerDrill < 1 || questionsPerDrill > MAX_QUESTIONS_PER_DRILL) {
            throw new IllegalArgumentException("questions per drill must be between 1 and " + MAX_QUESTIONS_PER_DRILL
                    + ", got " + questionsPerDrill);
        }
        Objects.requireNonNull(mode, "mode");
        if (!(passMarkPercent >= 0 && passMarkPercent <= 100)) {
            throw new IllegalArgumentException("the pass mark must be between 0 and 100 %, got " + passMarkPercent);
        }
        Objects.requireNonNull(due, "due");
        if (decodeKey(resultsKeyBase64).length != KEY_BYTES) {
            throw new IllegalArgumentException("the results key must be " + KEY_BYTES + " bytes in base64");
        }
        Objects.requireNonNull(mixChallenge, "mixChallenge");
    }

    /** A new assignment with a fresh random results key drawn from {@code random}. */
    public static Assignment create(String id, String title, List<AssignmentDrill> drills, int questionsPerDrill,
            long seed, AssignmentMode mode, double passMarkPercent, Optional<OffsetDateTime> due, SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return new Assignment(FORMAT_VERSION, id, title, drills, questionsPerDrill, seed, mode, passMarkPercent, due,
                Base64.getEncoder().encodeToString(key), Optional.empty());
    }

    /** This assignment with {@code challenge} as its homework mix. */
    public Assignment withMixChallenge(AssignmentMixChallenge challenge) {
        return new Assignment(formatVersion, id, title, drills, questionsPerDrill, seed, mode, passMarkPercent, due,
                resultsKeyBase64, Optional.of(challenge));
    }

    /**
     * Every question in the order asked: the drills in order, {@code questionsPerDrill} each.
     * A question's seed is the first 8 bytes (big-endian) of SHA-256 over
     * {@code "<seed>\n<lessonId>\n<drillId>\n<index>"} in UTF-8, so it depends only on the file's
     * contents, is the same on every Java version, and adding a drill leaves the others alone.
     */
    public List<PlannedQuestion> questionPlan() {
        List<PlannedQuestion> plan = new ArrayList<>();
        for (AssignmentDrill drill : drills) {
            for (int index = 1; index <= questionsPerDrill; index++) {
                plan.add(new PlannedQuestion(plan.size() + 1, drill.lessonId(), drill.drillId(), drill.area(),
                        drill.kind(), index, questionSeed(seed, drill, index)));
            }
        }
        return plan;
    }

    /** The results key's bytes (a copy). */
    public byte[] resultsKey() {
        return decodeKey(resultsKeyBase64);
    }

    /** Whether results finished at {@code finishedAt} are late (to the second; never without a due time). */
    public boolean isLate(Instant finishedAt) {
        return isLate(due, finishedAt);
    }

    static boolean isLate(Optional<OffsetDateTime> due, Instant finishedAt) {
        return due.map(d -> finishedAt.truncatedTo(ChronoUnit.SECONDS).isAfter(d.toInstant())).orElse(false);
    }

    /**
     * Reads a due time as a teacher types it: an ISO date ({@code 2026-12-01}, meaning the end of
     * that day), a local date-time ({@code 2026-12-01T17:00}) — both in {@code zone} — or a
     * date-time with an offset ({@code 2026-12-01T17:00+01:00}, {@code …Z}). Empty when unreadable.
     */
    public static Optional<OffsetDateTime> parseDue(String text, ZoneId zone) {
        String trimmed = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(trimmed));
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(LocalDateTime.parse(trimmed).atZone(zone).toOffsetDateTime());
            } catch (DateTimeParseException notLocal) {
                try {
                    return Optional.of(LocalDate.parse(trimmed).atTime(LocalTime.of(23, 59, 59)).atZone(zone)
                            .toOffsetDateTime());
                } catch (DateTimeParseException notDate) {
                    return Optional.empty();
                }
            }
        }
    }

    private static long questionSeed(long seed, AssignmentDrill drill, int index) {
        String text = seed + "\n" + drill.lessonId() + "\n" + drill.drillId() + "\n" + index;
        return ByteBuffer.wrap(Digests.sha256().digest(text.getBytes(StandardCharsets.UTF_8))).getLong();
    }

    private static byte[] decodeKey(String base64) {
        try {
            return Base64.getDecoder().decode(Objects.requireNonNull(base64, "resultsKeyBase64"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the results key is not base64", e);
        }
    }
}
