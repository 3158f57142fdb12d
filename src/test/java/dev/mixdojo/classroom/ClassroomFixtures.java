package dev.mixdojo.classroom;

import dev.mixdojo.exercise.Grade;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/** Lesson folders, assignments, packs and answers for the classroom tests. */
public final class ClassroomFixtures {
    /** A valid lesson (from LessonLibraryTest) with two drills of different kinds. */
    public static final String EQ_LESSON = """
            id: eq-octaves
            title: Hearing octave boosts
            area: eq
            teach: |
              A boost makes one region of the spectrum louder.
            why: Mix engineers hunt resonances by ear.
            drills:
              - id: octave
                kind: eq-band
                title: Which octave was boosted?
                material: noise/pink
                questions: 10
                options: { bands: octave }
                difficulty: { start: 12, easiest: 15, hardest: 2, step: 1 }
              - id: gain
                kind: eq-gain
                title: How much was it boosted?
                material: noise/pink
                difficulty: { start: 12, easiest: 15, hardest: 2, step: 1 }
            """;

    /** A second lesson in another area. */
    public static final String PAN_LESSON = """
            id: pan-positions
            title: Where is it panned?
            area: panning
            teach: Panning moves a sound between the speakers.
            why: Placement makes room in a mix.
            drills:
              - id: position
                kind: pan-position
                title: Where is the vocal?
                material: noise/white
                difficulty: { start: 0.5, easiest: 1, hardest: 0.05, step: 0.05 }
            """;

    private ClassroomFixtures() {
    }

    /** Writes both lessons and a curriculum into {@code folder}; returns it. */
    public static Path lessonFolder(Path folder) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("eq-octaves.yaml"), EQ_LESSON);
            Files.writeString(folder.resolve("pan-positions.yaml"), PAN_LESSON);
            Files.writeString(folder.resolve("curriculum.yaml"),
                    "units:\n  - title: Basics\n    lessons: [eq-octaves, pan-positions]\n");
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final List<AssignmentDrill> DRILLS = List.of(
            new AssignmentDrill("eq-octaves", "octave", "eq", "eq-band"),
            new AssignmentDrill("eq-octaves", "gain", "eq", "eq-gain"),
            new AssignmentDrill("pan-positions", "position", "panning", "pan-position"));

    static Assignment assignment(AssignmentMode mode, int questionsPerDrill, long seed, Optional<OffsetDateTime> due) {
        return Assignment.create("eq-week-3", "EQ and panning, week 3", DRILLS, questionsPerDrill, seed, mode, 60, due,
                new SecureRandom());
    }

    static OpenedPack pack(Path file, Assignment assignment) {
        AssignmentPack.write(file, assignment, List.of());
        return AssignmentPack.open(file);
    }

    /** One answer per planned question; question {@code n} is right when {@code right.test(n)}. */
    static List<AnsweredQuestion> answers(OpenedPack pack, IntPredicate right) {
        List<AnsweredQuestion> answers = new ArrayList<>();
        for (PlannedQuestion q : pack.assignment().questionPlan()) {
            boolean ok = right.test(q.number());
            answers.add(new AnsweredQuestion(q, ok ? "1 kHz" : "2 kHz", "1 kHz",
                    new Grade(ok ? 1 : 0, ok, ok ? 0 : 1, "oct", ok ? "spot on" : "1 octave high"), 1500 + q.number()));
        }
        return answers;
    }

    static Results results(OpenedPack pack, String student, Instant finishedAt, IntPredicate right) {
        return new ResultsWriter(pack).sign(student, finishedAt.minusSeconds(600), finishedAt, answers(pack, right));
    }
}
