package dev.mixdojo.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.lesson.Lesson;
import dev.mixdojo.lesson.LessonLibrary;
import dev.mixdojo.progress.Attempt;
import dev.mixdojo.progress.StaircaseSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plan over the real curriculum in {@code lessons/}. */
class PracticePlanTest {
    private static final QuestionKinds KINDS = new QuestionKinds();
    private static LessonLibrary library;

    @BeforeAll
    static void loadTheCurriculum() {
        Problems problems = new Problems();
        library = LessonLibrary.load(Path.of("lessons"), KINDS.checksWithoutMaterial(), problems).orElseThrow();
        assertThat(problems.all()).isEmpty();
    }

    @Test
    void aNewLearnerHasOnlyTheLessonsWithoutPrerequisitesUnlockedAndStartsAtTheFirst() {
        PracticePlan plan = PracticePlan.of(library, KINDS, List.of(), 3);
        assertThat(plan.lessons()).filteredOn(PracticePlan.LessonProgress::unlocked)
                .extracting(p -> p.lesson().id())
                .containsExactlyElementsOf(library.lessons().stream().filter(l -> l.requires().isEmpty())
                        .map(Lesson::id).toList())
                .contains("eq-octave-boosts-noise", "panning-positions", "compression-hearing-gain-reduction");
        assertThat(plan.continueWith()).hasValueSatisfying(p -> assertThat(p.lesson().id()).isEqualTo("eq-octave-boosts-noise"));
        assertThat(plan.suggestions()).singleElement().satisfies(s -> {
            assertThat(s.skill()).isEqualTo("eq.frequency");
            assertThat(s.reason()).startsWith("New:");
        });
    }

    @Test
    void aRoundThatBringsTheLevelHalfwayToTheHardestMastersTheLessonAndUnlocksWhatRequiresOnlyIt() {
        // Octave boosts: start 12 dB, easiest 15, hardest 2, so mastery is at 8.5 dB; every three right
        // answers move the level 2 dB harder until the second reversal: 12, 10, 8 after six.
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            attempts.add(attempt("eq-octave-boosts-noise", "eq.frequency", 12, true, i));
        }
        PracticePlan.LessonProgress nine = progress(PracticePlan.of(library, KINDS, attempts, 3), "eq-octave-boosts-noise");
        assertThat(nine.finished()).as("a round is ten questions").isFalse();
        assertThat(nine.skills()).singleElement().satisfies(skill -> {
            assertThat(skill.masteryLevel()).isEqualTo(8.5);
            assertThat(skill.level()).isEqualTo(6);
        });
        attempts.add(attempt("eq-octave-boosts-noise", "eq.frequency", 12, false, 9));
        PracticePlan plan = PracticePlan.of(library, KINDS, attempts, 3);
        PracticePlan.LessonProgress noise = progress(plan, "eq-octave-boosts-noise");
        assertThat(noise.finished()).isTrue();
        assertThat(noise.fractionDone()).isEqualTo(1.0);
        assertThat(noise.accuracy()).hasValueSatisfying(a -> assertThat(a).isCloseTo(9 / 10.0, within(1e-12)));
        assertThat(progress(plan, "eq-cuts").unlocked()).isTrue();
        assertThat(progress(plan, "eq-octave-boosts-music").unlocked()).isTrue();
        // Third octaves need the music lesson and the cuts lesson, neither mastered yet.
        assertThat(progress(plan, "eq-third-octaves").unlocked()).isFalse();
        assertThat(plan.continueWith()).hasValueSatisfying(p -> assertThat(p.lesson().id()).isEqualTo("eq-cuts"));
    }

    @Test
    void aRoundAnsweredHalfRightDoesNotMasterALessonAndMasteryOnceReachedStays() {
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            attempts.add(attempt("eq-octave-boosts-noise", "eq.frequency", 12, i % 2 == 0, i));
        }
        PracticePlan.LessonProgress halfRight = progress(PracticePlan.of(library, KINDS, attempts, 3), "eq-octave-boosts-noise");
        assertThat(halfRight.finished()).isFalse();
        assertThat(halfRight.fractionDone()).as("a round answered, the level no nearer the goal").isEqualTo(0.5);
        assertThat(progress(PracticePlan.of(library, KINDS, attempts, 3), "eq-cuts").unlocked()).isFalse();

        // From the easiest level, 15 dB, in 1 dB steps now: seven moves, three right answers each.
        for (int i = 20; i < 41; i++) {
            attempts.add(attempt("eq-octave-boosts-noise", "eq.frequency", 12, true, i));
        }
        assertThat(progress(PracticePlan.of(library, KINDS, attempts, 3), "eq-octave-boosts-noise").finished()).isTrue();
        for (int i = 41; i < 60; i++) {
            attempts.add(attempt("eq-octave-boosts-noise", "eq.frequency", 12, false, i));
        }
        PracticePlan after = PracticePlan.of(library, KINDS, attempts, 3);
        assertThat(progress(after, "eq-octave-boosts-noise").finished()).as("mastery stays after a bad day").isTrue();
        assertThat(progress(after, "eq-cuts").unlocked()).isTrue();
    }

    @Test
    void everyDrillOfTheCurriculumStartsEasierThanItsMasteryLevel() {
        // Otherwise answering a round wrong would master it.
        for (Lesson lesson : library.lessons()) {
            for (var drill : lesson.drills()) {
                StaircaseSettings settings = drill.difficulty();
                assertThat(PracticePlan.weakness(settings, settings.startLevel()))
                        .as("%s: %s", lesson.id(), drill.id()).isGreaterThan(PracticePlan.MASTERY_WEAKNESS);
            }
        }
    }

    @Test
    void halfARoundOnTheWayToMasteryShowsHowFarAndContinuesThatLesson() {
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            attempts.add(attempt("panning-positions", "pan.position", 20, true, i));
        }
        PracticePlan plan = PracticePlan.of(library, KINDS, attempts, 3);
        // Two pan drills of ten questions make a round of twenty: half of it answered (a quarter of the
        // way), and the level (20 % to 5 %, past the mastery level of 17.5 %) the other half.
        PracticePlan.LessonProgress pan = progress(plan, "panning-positions");
        assertThat(pan.fractionDone()).isEqualTo(0.75);
        assertThat(pan.finished()).isFalse();
        assertThat(plan.continueWith()).hasValueSatisfying(p -> assertThat(p.lesson().id()).isEqualTo("panning-positions"));
    }

    @Test
    void theSkillWhoseStaircaseSitsNearestItsEasiestLevelIsSuggestedFirst() {
        List<Attempt> attempts = new ArrayList<>();
        // Pan: start 20, one wrong answer moves one initial step (2 × 2.5) easier, to 25 of 5…30.
        attempts.add(attempt("panning-positions", "pan.position", 20, false, 0));
        // Saturation: start 24, three right answers move one initial step (2 × 3) harder, to 18 of 3…30.
        for (int i = 1; i <= 3; i++) {
            attempts.add(attempt("saturation-even-odd", "saturation.harmonics", 24, true, i));
        }
        PracticePlan plan = PracticePlan.of(library, KINDS, attempts, 2);
        assertThat(plan.suggestions()).extracting(PracticePlan.Suggestion::skill)
                .containsExactly("pan.position", "saturation.harmonics");
        assertThat(plan.suggestions().get(0).weakness()).isCloseTo((25 - 5) / 25.0, within(1e-12));
        assertThat(plan.suggestions().get(1).weakness()).isCloseTo((18 - 3) / 27.0, within(1e-12));
        assertThat(plan.suggestions().get(0).reason())
                .isEqualTo("Level 25 (tolerance in % of the way to one side), between 30 (easiest) and 5 (hardest); 0 % right lately.");
    }

    @Test
    void weaknessOnALogarithmicStaircaseIsMeasuredInOctavesOfTheLevel() {
        StaircaseSettings attack = StaircaseSettings.logarithmic(30, 32, 2, 1.4);
        // 8 lies two octaves above 2 and two below 32: the middle of the range on a log scale.
        assertThat(PracticePlan.weakness(attack, 8)).isCloseTo(0.5, within(1e-12));
        assertThat(PracticePlan.weakness(attack, 2)).isZero();
        assertThat(PracticePlan.weakness(attack, 32)).isEqualTo(1.0);
    }

    @Test
    void skillsOfLockedLessonsAreNotSuggested() {
        List<Attempt> attempts = List.of(attempt("eq-how-many-db", "eq.gain", 3, false, 0));
        PracticePlan plan = PracticePlan.of(library, KINDS, attempts, 3);
        assertThat(progress(plan, "eq-how-many-db").unlocked()).isFalse();
        assertThat(plan.suggestions()).extracting(PracticePlan.Suggestion::skill).doesNotContain("eq.gain");
    }

    private static PracticePlan.LessonProgress progress(PracticePlan plan, String id) {
        return plan.lessons().stream().filter(p -> p.lesson().id().equals(id)).findFirst().orElseThrow();
    }

    private static Attempt attempt(String lesson, String skill, double level, boolean correct, int index) {
        return new Attempt("a" + index, Instant.parse("2026-11-20T10:00:00Z").plusSeconds(60L * index), lesson, skill,
                level, index, 0, correct ? 0 : 10, "%", "centre", correct ? "centre" : "left", correct,
                correct ? 1 : 0, 3000);
    }
}
