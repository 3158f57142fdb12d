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
    void finishingARoundOfALessonUnlocksWhatRequiresOnlyIt() {
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            attempts.add(attempt("eq-octave-boosts-noise", "eq.frequency", 12, i % 4 != 0, i));
        }
        PracticePlan plan = PracticePlan.of(library, KINDS, attempts, 3);
        PracticePlan.LessonProgress noise = progress(plan, "eq-octave-boosts-noise");
        assertThat(noise.finished()).isTrue();
        assertThat(noise.accuracy()).hasValueSatisfying(a -> assertThat(a).isCloseTo(7 / 10.0, within(1e-12)));
        assertThat(progress(plan, "eq-cuts").unlocked()).isTrue();
        assertThat(progress(plan, "eq-octave-boosts-music").unlocked()).isTrue();
        // Third octaves need the music lesson and the cuts lesson, neither finished yet.
        assertThat(progress(plan, "eq-third-octaves").unlocked()).isFalse();
        assertThat(plan.continueWith()).hasValueSatisfying(p -> assertThat(p.lesson().id()).isEqualTo("eq-cuts"));
    }

    @Test
    void halfARoundShowsHalfDoneAndContinuesThatLesson() {
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            attempts.add(attempt("panning-positions", "pan.position", 20, true, i));
        }
        PracticePlan plan = PracticePlan.of(library, KINDS, attempts, 3);
        // Two drills of ten questions make a round of twenty.
        assertThat(progress(plan, "panning-positions").fractionDone()).isEqualTo(0.5);
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
