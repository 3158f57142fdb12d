package dev.mixdojo.classroom;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a student hands back: who, for which assignment pack, when, every answer with its grade,
 * the score and the signature over all of it. Built and signed by {@link ResultsWriter}; read
 * and checked by the gradebook. Times are kept to the millisecond, the precision of the file.
 *
 * @param formatVersion    the results format, {@link #FORMAT_VERSION} when written by this code
 * @param student          the name the student typed
 * @param assignmentId     the assignment's id
 * @param assignmentSha256 SHA-256 of the assignment pack file the student opened, lower-case hex
 * @param startedAt        when the student started
 * @param finishedAt       when the student finished
 * @param passMarkPercent  the assignment's pass mark, 0–100 %
 * @param due              the assignment's due time, if any
 * @param answers          every answer, in the order given
 * @param scorePercent     the total score, 0–100 %
 * @param passed           whether the score reached the pass mark
 * @param signature        HMAC-SHA256 (hex) of everything else, keyed with the assignment's results key
 */
public record Results(
        int formatVersion,
        String student,
        String assignmentId,
        String assignmentSha256,
        Instant startedAt,
        Instant finishedAt,
        double passMarkPercent,
        Optional<OffsetDateTime> due,
        List<AnsweredQuestion> answers,
        double scorePercent,
        boolean passed,
        String signature) {

    /** The results format this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** Longest student name, in characters. */
    public static final int MAX_NAME_LENGTH = 100;

    public Results {
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(assignmentSha256, "assignmentSha256");
        startedAt = Objects.requireNonNull(startedAt, "startedAt").truncatedTo(ChronoUnit.MILLIS);
        finishedAt = Objects.requireNonNull(finishedAt, "finishedAt").truncatedTo(ChronoUnit.MILLIS);
        Objects.requireNonNull(due, "due");
        answers = List.copyOf(answers);
        passMarkPercent = Decimals.round(passMarkPercent);
        scorePercent = Decimals.round(scorePercent);
        Objects.requireNonNull(signature, "signature");
    }

    /** The same results with another signature. */
    Results withSignature(String newSignature) {
        return new Results(formatVersion, student, assignmentId, assignmentSha256, startedAt, finishedAt,
                passMarkPercent, due, answers, scorePercent, passed, newSignature);
    }

    /**
     * The score these answers earn against a plan of {@code planSize} questions: the mean credit of
     * the first answer to each question (practice retries do not raise it), unanswered questions
     * counting 0, in percent to two decimals.
     */
    static double scorePercentOf(List<AnsweredQuestion> answers, int planSize) {
        if (planSize == 0) {
            return 0;
        }
        double total = firstAnswers(answers).stream().mapToDouble(a -> a.grade().score()).sum();
        return Math.round(10_000 * total / planSize) / 100.0;
    }

    /** The first answer to each question, in the order given. */
    static List<AnsweredQuestion> firstAnswers(List<AnsweredQuestion> answers) {
        Set<Integer> seen = new HashSet<>();
        return answers.stream().filter(a -> seen.add(a.question().number())).toList();
    }
}
