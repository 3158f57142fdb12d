package dev.mixdojo.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.base.yaml.Problem;
import dev.mixdojo.base.yaml.Problems;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AssignmentTest {
    private static final Path FILE = Path.of("week3.zip!", "assignment.yaml");

    @Test
    void theManifestReadsBackToTheSameAssignmentForExtremeSeeds() {
        for (long seed : new long[] {0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 9_007_199_254_740_993L}) {
            Assignment a = ClassroomFixtures.assignment(AssignmentMode.PRACTICE, 7, seed,
                    Optional.of(OffsetDateTime.parse("2026-12-01T17:30+01:00")));
            Problems problems = new Problems();
            Optional<Assignment> back = AssignmentYaml.read(FILE, AssignmentYaml.write(a), problems);
            assertThat(problems.all()).isEmpty();
            assertThat(back).contains(a);
            assertThat(back.orElseThrow().questionPlan()).isEqualTo(a.questionPlan());
        }
    }

    @Test
    void aBrokenManifestReportsEveryProblemWithLineAndColumn() {
        Problems problems = new Problems();
        Optional<Assignment> a = AssignmentYaml.read(FILE, """
                format: 1
                id: Week 3
                title: EQ
                mode: quiz
                seed: 1.5
                questionsPerDrill: 0
                passPercent: 120
                due: next friday
                drills:
                  - { lesson: eq-octaves, drill: octave, area: eq }
                resultsKey: AAAA
                colour: red
                """, problems);
        assertThat(a).isEmpty();
        assertThat(problems.all()).extracting(Problem::toString).contains(
                FILE + ":4:7: the assignment mode must be one of practice, exam, got 'quiz'",
                FILE + ":5:7: the assignment seed must be a whole number between " + Long.MIN_VALUE + " and "
                        + Long.MAX_VALUE,
                FILE + ":6:20: the assignment questionsPerDrill must be between 1 and 100, got 0",
                FILE + ":7:14: the assignment passPercent must be between 0 and 100, got 120",
                FILE + ":8:6: the assignment due 'next friday' should be a date-time with an offset, e.g. "
                        + "2026-12-01T17:00+01:00",
                FILE + ":10:5: a drill needs 'kind'",
                FILE + ":12:1: unknown key 'colour' in the assignment");
    }

    @Test
    void aDueDateMeansTheEndOfThatDayInTheTeachersZone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertThat(Assignment.parseDue("2026-12-01", berlin)).contains(OffsetDateTime.parse("2026-12-01T23:59:59+01:00"));
        assertThat(Assignment.parseDue("2026-07-01T17:00", berlin)).contains(OffsetDateTime.parse("2026-07-01T17:00+02:00"));
        assertThat(Assignment.parseDue("2026-12-01T17:00Z", berlin)).contains(OffsetDateTime.parse("2026-12-01T17:00Z"));
        assertThat(Assignment.parseDue("1 December", berlin)).isEmpty();

        Assignment a = ClassroomFixtures.assignment(AssignmentMode.EXAM, 1, 1, Assignment.parseDue("2026-12-01", berlin));
        assertThat(a.isLate(Instant.parse("2026-12-01T22:59:59.999Z"))).isFalse();
        assertThat(a.isLate(Instant.parse("2026-12-01T23:00:00Z"))).isTrue();
        assertThat(ClassroomFixtures.assignment(AssignmentMode.EXAM, 1, 1, Optional.empty())
                .isLate(Instant.parse("2099-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void examModeTurnsOffRetriesHintsAndMetersAndFixesTheRounds() {
        assertThat(List.of(AssignmentMode.EXAM.retriesAllowed(), AssignmentMode.EXAM.hintsShown(),
                AssignmentMode.EXAM.metersAndSpectrumShown(), AssignmentMode.EXAM.fixedRounds()))
                .containsExactly(false, false, false, true);
        assertThat(List.of(AssignmentMode.PRACTICE.retriesAllowed(), AssignmentMode.PRACTICE.hintsShown(),
                AssignmentMode.PRACTICE.metersAndSpectrumShown(), AssignmentMode.PRACTICE.fixedRounds()))
                .containsExactly(true, true, true, false);
    }
}
