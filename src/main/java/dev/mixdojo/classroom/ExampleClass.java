package dev.mixdojo.classroom;

import dev.mixdojo.exercise.Grade;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A made-up class for the app to show before a teacher opens their own: an exam on two built-in
 * lessons and the signed results of six invented students (one late, one with a results file
 * edited by hand), so every column and flag of the gradebook has something in it.
 */
public final class ExampleClass {
    /** The example pack's file name. */
    public static final String PACK_FILE = "example-assignment.mixdojo";
    /** The folder of the example's results files. */
    public static final String RESULTS_FOLDER = "example-results";

    private static final List<AssignmentDrill> DRILLS = List.of(
            new AssignmentDrill("eq-octave-boosts-noise", "octave-boost", "eq", "eq-band"),
            new AssignmentDrill("panning-positions", "pan-noise", "panning", "pan-position"));
    private static final List<String> STUDENTS = List.of("Ana Souza", "Ben Okafor", "Chen Wei", "Dana Kowalski",
            "Eli Haddad", "Freya Lund");
    /** How likely each student is to answer right, so the class spreads from failing to top marks. */
    private static final double[] SKILL = {0.95, 0.8, 0.65, 0.5, 0.85, 0.35};

    private ExampleClass() {
    }

    /**
     * The due time {@code days} days after (or, negative, before) the clock's day, at 17:00 UTC: an
     * example a student opens is due in a week, not already overdue; a class to grade was due yesterday.
     */
    public static Instant dueAfterDays(Clock clock, int days) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(days).atTime(17, 0).toInstant(ZoneOffset.UTC);
    }

    /**
     * Writes the example pack, due at {@code due}, and results handed in around it under
     * {@code folder} (replacing an earlier example) and returns the pack; the results are in
     * {@code folder/}{@value #RESULTS_FOLDER}.
     */
    public static OpenedPack write(Path folder, Instant due) {
        try {
            Files.createDirectories(folder);
            Path results = folder.resolve(RESULTS_FOLDER);
            if (Files.exists(results)) {
                dev.mixdojo.base.AtomicFiles.deleteTree(results);
            }
            Files.createDirectories(results);
            Assignment assignment = Assignment.create("example-week-3", "Example class: EQ and panning, week 3", DRILLS,
                    4, 20261201L, AssignmentMode.EXAM, 60, Optional.of(OffsetDateTime.ofInstant(due, ZoneOffset.UTC)),
                    new SecureRandom());
            Path packFile = folder.resolve(PACK_FILE);
            AssignmentPack.write(packFile, assignment, List.of());
            OpenedPack pack = AssignmentPack.open(packFile);
            ResultsWriter writer = new ResultsWriter(pack);
            Random random = new Random(7);
            for (int s = 0; s < STUDENTS.size(); s++) {
                List<AnsweredQuestion> answers = new ArrayList<>();
                for (PlannedQuestion q : assignment.questionPlan()) {
                    answers.add(answer(q, random.nextDouble() < SKILL[s], 2500 + random.nextInt(9000)));
                }
                // Dana hands in an hour after the due time.
                Instant finished = due.minusSeconds(s == 3 ? -3600 : 86_400L * (s + 1));
                Results signed = writer.sign(STUDENTS.get(s), finished.minusSeconds(420 + 60L * s), finished, answers);
                Path file = ResultsWriter.writeInto(results, signed);
                if (s == 5) {
                    // Freya "improved" her score in a text editor: the gradebook must flag it.
                    Files.writeString(file, Files.readString(file).replaceFirst("\"scorePercent\": [0-9.]+",
                            "\"scorePercent\": 100"));
                }
            }
            return pack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AnsweredQuestion answer(PlannedQuestion q, boolean right, long responseTimeMs) {
        boolean eq = q.kind().equals("eq-band");
        String truth = eq ? "1 kHz" : "30 % left";
        String wrong = eq ? "2 kHz" : "centre";
        Grade grade = new Grade(right ? 1 : 0, right, right ? 0 : (eq ? 1 : 0.3), eq ? "oct" : "pan",
                right ? "spot on" : (eq ? "1 octave high" : "30 % too far right"));
        return new AnsweredQuestion(q, right ? truth : wrong, truth, grade, responseTimeMs);
    }
}
