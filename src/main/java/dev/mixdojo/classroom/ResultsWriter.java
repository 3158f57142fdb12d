package dev.mixdojo.classroom;

import dev.mixdojo.base.AtomicFiles;
import dev.mixdojo.base.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a student's answers to an opened assignment into signed results and writes them. The
 * app calls it when a student finishes; one per assignment, usable from any one thread at a time.
 */
public final class ResultsWriter {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final OpenedPack pack;
    private final List<PlannedQuestion> plan;

    /** A writer for results of this pack's assignment. */
    public ResultsWriter(OpenedPack pack) {
        this.pack = pack;
        this.plan = pack.assignment().questionPlan();
    }

    /**
     * Signed results: the score is the mean credit of the first answer to each planned question
     * (unanswered ones count 0), passed when it reaches the pass mark. Every answer must be to a
     * question of the plan, and in exam mode at most one per question (IllegalArgumentException
     * otherwise); a blank or over-long name is a BadInputException with a sentence for the student.
     */
    public Results sign(String student, Instant startedAt, Instant finishedAt, List<AnsweredQuestion> answers) {
        String name = studentName(student);
        if (finishedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("finished " + finishedAt + " before starting " + startedAt);
        }
        Set<Integer> answered = new HashSet<>();
        for (AnsweredQuestion answer : answers) {
            PlannedQuestion q = answer.question();
            if (q.number() > plan.size() || !plan.get(q.number() - 1).equals(q)) {
                throw new IllegalArgumentException("question " + q + " is not in the plan of " + pack.assignment().id());
            }
            if (!answered.add(q.number()) && !pack.assignment().mode().retriesAllowed()) {
                throw new IllegalArgumentException("question " + q.number() + " was answered twice in an exam");
            }
        }
        Assignment a = pack.assignment();
        double score = Results.scorePercentOf(answers, plan.size());
        Results unsigned = new Results(Results.FORMAT_VERSION, name, a.id(), pack.sha256(), startedAt, finishedAt,
                a.passMarkPercent(), a.due(), answers, score, score >= a.passMarkPercent(), "");
        return unsigned.withSignature(signature(unsigned, a.resultsKey()));
    }

    /** Writes results to {@code file} atomically, in their canonical text. */
    public static void write(Path file, Results results) {
        AtomicFiles.write(file, ResultsJson.write(results, true).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes results into {@code folder} under {@link #fileName}; returns the file. */
    public static Path writeInto(Path folder, Results results) {
        Path file = folder.resolve(fileName(results));
        write(file, results);
        return file;
    }

    /** {@code <assignment>-<name>-<finished, UTC>.results.json}, the name kept to safe characters. */
    public static String fileName(Results results) {
        return results.assignmentId() + "-" + slug(results.student()) + "-" + STAMP.format(results.finishedAt())
                + ".results.json";
    }

    /**
     * The results a live session keeps for one student, rewritten after every answer:
     * {@code <assignment>-<name>-<8 hex digits>-live.results.json}. The digits come from the
     * student's {@link #nameKey}, so two names that share their safe characters ("Ana!" and "Ana?")
     * still get files of their own, and the same name always gets the same file.
     */
    public String liveFileName(String student) {
        String digits = Digests.sha256Hex(nameKey(student).getBytes(StandardCharsets.UTF_8)).substring(0, 8);
        return pack.assignment().id() + "-" + slug(student) + "-" + digits + "-live.results.json";
    }

    /** A name as a file name part: letters and digits in lower case, the rest as single hyphens; never empty. */
    static String slug(String student) {
        String name = student.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return name.isEmpty() ? "student" : name;
    }

    /**
     * What makes two typed names the same student: Unicode compatibility forms folded (NFKC), spaces
     * trimmed and collapsed, lower case. The gradebook's duplicate check and a live session's
     * "name taken" use it.
     */
    public static String nameKey(String student) {
        return Normalizer.normalize(student, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }

    /**
     * The results in {@code file} when they are this pack's and signed with its key (as this writer
     * signs them); empty for a missing, unreadable, foreign or edited file.
     */
    public Optional<Results> readOwn(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            if (Files.size(file) > Gradebook.MAX_RESULTS_BYTES) {
                return Optional.empty();
            }
            Results saved = ResultsJson.parse(Files.readAllBytes(file));
            boolean ours = saved.assignmentSha256().equals(pack.sha256()) && Digests.sameDigest(
                    signature(saved, pack.assignment().resultsKey()), saved.signature());
            return ours ? Optional.of(saved) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** HMAC-SHA256 over the canonical text without the signature (see {@link ResultsJson}). */
    static String signature(Results results, byte[] key) {
        return Digests.hmacSha256Hex(key, ResultsJson.write(results, false).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The name as results store it (without surrounding spaces); a blank or over-long name, or one
     * with control characters, is a BadInputException with a sentence for the student.
     */
    public static String studentName(String student) {
        String name = student == null ? "" : student.strip();
        if (name.isEmpty()) {
            throw new BadInputException("Please type your name, so your teacher knows whose results these are.");
        }
        if (name.codePointCount(0, name.length()) > Results.MAX_NAME_LENGTH) {
            throw new BadInputException("Your name is longer than " + Results.MAX_NAME_LENGTH + " characters; please"
                    + " shorten it.");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new BadInputException("Your name contains a control character; please type it again.");
        }
        return name;
    }
}
