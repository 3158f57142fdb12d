package dev.mixdojo.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.lesson.Lesson;
import dev.mixdojo.lesson.LessonLibrary;
import dev.mixdojo.progress.Attempt;
import dev.mixdojo.progress.Staircase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a round comes to, over the real curriculum in {@code lessons/}. */
class RoundSummaryTest {
    private static final QuestionKinds KINDS = new QuestionKinds();
    private static LessonLibrary library;

    @BeforeAll
    static void loadTheCurriculum() {
        library = LessonLibrary.load(Path.of("lessons"), KINDS.checksWithoutMaterial(), new Problems()).orElseThrow();
    }

    @Test
    void aRoundNotYetMasteringItsLessonSuggestsAnotherAndListsItsMixUpsMostFirst() {
        List<Attempt> round = new ArrayList<>();
        String[][] answers = {{"1 kHz", "2 kHz"}, {"1 kHz", "2 kHz"}, {"4 kHz", "8 kHz"}, {"1 kHz", "1 kHz"}};
        for (int i = 0; i < answers.length; i++) {
            boolean right = answers[i][0].equals(answers[i][1]);
            round.add(new Attempt("r" + i, Instant.parse("2026-12-07T10:00:00Z").plusSeconds(i), "eq-octave-boosts-noise",
                    "eq.frequency", 12, i, 5.6, right ? 5.6 : 6.6, "oct", answers[i][0], answers[i][1], right, right ? 1 : 0.5, 2000,
                    "octave-boost"));
        }
        Lesson lesson = library.lesson("eq-octave-boosts-noise").orElseThrow();
        PracticePlan before = PracticePlan.of(library, KINDS, List.of(), 3);
        PracticePlan after = PracticePlan.of(library, KINDS, round, 3);
        Staircase start = Staircase.start(lesson.drills().get(0).difficulty());
        RoundSummary summary = RoundSummary.of(lesson, lesson.drills().get(0), new Practice.Session(4, 1, 3, 2.5), start, start,
                round, before, after);
        assertThat(summary.mastered()).isFalse();
        assertThat(summary.unlocked()).isEmpty();
        assertThat(summary.next().step()).isEqualTo(RoundSummary.Step.ANOTHER_ROUND);
        assertThat(summary.mixUps()).containsExactly(new RoundSummary.MixUp("1 kHz", "2 kHz", 2),
                new RoundSummary.MixUp("4 kHz", "8 kHz", 1));
    }
}
