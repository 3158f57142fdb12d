package dev.mixdojo.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Days, goals and streaks from the attempt log alone, on an injected clock in Berlin's time zone. */
class PracticeDaysTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");
    private static final DailyGoal TEN = new DailyGoal(10, DailyGoal.Unit.QUESTIONS);

    /** {@code count} answers on the day {@code daysAgo} before today, 30 s apart from 19:00 local time. */
    private static List<Attempt> answers(int daysAgo, int count) {
        List<Attempt> day = new ArrayList<>();
        Instant start = TODAY.minusDays(daysAgo).atTime(19, 0).atZone(BERLIN).toInstant();
        for (int i = 0; i < count; i++) {
            day.add(new Attempt(daysAgo + "-" + i, start.plusSeconds(30L * i), "eq-octave-boosts-noise", "eq.frequency", 12, i,
                    5.6, 5.6, "oct", "1 kHz", "1 kHz", i % 4 != 0, 1, 4000));
        }
        return day;
    }

    private static PracticeDays days(DailyGoal goal, List<List<Attempt>> log) {
        return PracticeDays.of(log.stream().flatMap(List::stream).toList(), goal,
                Clock.fixed(TODAY.atTime(21, 30).atZone(BERLIN).toInstant(), BERLIN));
    }

    @Test
    void aDayCountsItsAnswersTheirTimeInASittingAndWhetherTheGoalIsMet() {
        PracticeDays days = days(TEN, List.of(answers(0, 12)));
        // The first answer counts its 4 s of listening, each next one the 30 s since the one before.
        assertThat(days.today().questions()).isEqualTo(12);
        assertThat(days.today().minutes()).isCloseTo((4 + 11 * 30) / 60.0, within(1e-9));
        assertThat(days.today().goalMet()).isTrue();
        assertThat(days.today().accuracy()).isCloseTo(9 / 12.0, within(1e-12));
        assertThat(days.week()).hasSize(7).last().isEqualTo(days.today());
        assertThat(days(new DailyGoal(10, DailyGoal.Unit.MINUTES), List.of(answers(0, 12))).today().goalMet()).isFalse();
    }

    @Test
    void aStreakForgivesOneMissedDayButNotTwo() {
        // Met three days ago, two days ago and today; yesterday missed: forgiven.
        PracticeDays one = days(TEN, List.of(answers(3, 10), answers(2, 10), answers(1, 3), answers(0, 10)));
        assertThat(one.streakDays()).isEqualTo(3);
        assertThat(one.forgiven()).isEqualTo(1);
        // Two missed days in a row end it: only today counts.
        PracticeDays two = days(TEN, List.of(answers(3, 10), answers(2, 2), answers(0, 10)));
        assertThat(two.streakDays()).isEqualTo(1);
        assertThat(two.forgiven()).isZero();
    }

    @Test
    void beforeTodaysGoalIsMetTheStreakRunsToYesterdayAndAnAnswerAfterMidnightIsTomorrows() {
        PracticeDays days = days(TEN, List.of(answers(2, 10), answers(1, 10), answers(0, 4)));
        assertThat(days.streakDays()).isEqualTo(2);
        assertThat(days.today().shareOf(TEN)).isCloseTo(0.4, within(1e-12));
        // Days begin at midnight in the clock's zone: 00:30 in Berlin is still yesterday in UTC, but today here.
        Attempt afterMidnight = new Attempt("late", TODAY.atTime(0, 30).atZone(BERLIN).toInstant(), "l", "s", 1, 1, 0, 0,
                "", "", "", true, 1, 2000);
        assertThat(PracticeDays.of(List.of(afterMidnight), TEN, Clock.fixed(TODAY.atTime(10, 0).atZone(BERLIN).toInstant(),
                BERLIN)).today().questions()).isEqualTo(1);
        assertThat(days(TEN, List.of()).streakDays()).isZero();
    }
}
