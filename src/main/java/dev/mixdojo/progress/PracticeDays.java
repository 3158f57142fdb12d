package dev.mixdojo.progress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the attempt log says about a learner's days, and nothing else does: today's practice
 * against the daily goal, the streak of days the goal was met, and the last seven days. Pure; the
 * clock says which day it is and in which time zone days begin.
 *
 * <p>Time practised is counted from the log: within a sitting (answers at most
 * {@value #SITTING_GAP_S} s apart) each answer counts the time since the one before, at most
 * {@value #LONGEST_ANSWER_S} s (a learner who left the room does not practise); the first answer
 * of a sitting counts its own response time, at most as long.
 *
 * <p>The streak forgives one missed day: a day without the goal met between two days with it does
 * not break the streak (nor count in it); two missed days in a row end it. Today counts once its
 * goal is met; until then the streak runs to yesterday.
 *
 * @param today     today's practice
 * @param streakDays days in the streak (days the goal was met)
 * @param forgiven  missed days the streak forgave
 * @param week      the last seven days, oldest first, today last
 */
public record PracticeDays(Day today, int streakDays, int forgiven, List<Day> week) {
    /** Longest gap between two answers of one sitting, in seconds. */
    static final long SITTING_GAP_S = 300;
    /** Most one answer counts toward the time practised, in seconds. */
    static final long LONGEST_ANSWER_S = 120;

    /** Copies the list. */
    public PracticeDays {
        week = List.copyOf(week);
    }

    /**
     * One day's practice.
     *
     * @param date      the day
     * @param questions answers given
     * @param right     answers that counted as right
     * @param minutes   time practised
     * @param goalMet   whether the daily goal was met
     */
    public record Day(LocalDate date, int questions, int right, double minutes, boolean goalMet) {
        /** Share of right answers, 0…1 (0 without answers). */
        public double accuracy() {
            return questions == 0 ? 0 : right / (double) questions;
        }

        /** How far toward {@code goal}, 0…1. */
        public double shareOf(DailyGoal goal) {
            double done = goal.unit() == DailyGoal.Unit.QUESTIONS ? questions : minutes;
            return Math.min(1, done / goal.amount());
        }
    }

    /** The days of {@code attempts} (in any order) against {@code goal}, as of {@code clock}'s day in its time zone. */
    public static PracticeDays of(List<Attempt> attempts, DailyGoal goal, Clock clock) {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Map<LocalDate, double[]> byDay = new TreeMap<>(); // questions, right, seconds
        Instant previous = null;
        List<Attempt> inOrder = attempts.stream().sorted(Comparator.comparing(Attempt::at)).toList();
        for (Attempt a : inOrder) {
            long seconds = previous != null && Duration.between(previous, a.at()).getSeconds() <= SITTING_GAP_S
                    ? Duration.between(previous, a.at()).getSeconds() : a.responseTimeMs() / 1000;
            double[] day = byDay.computeIfAbsent(LocalDate.ofInstant(a.at(), zone), d -> new double[3]);
            day[0]++;
            day[1] += a.correct() ? 1 : 0;
            day[2] += Math.min(LONGEST_ANSWER_S, Math.max(0, seconds));
            previous = a.at();
        }
        List<Day> week = new ArrayList<>();
        for (int back = 6; back >= 0; back--) {
            week.add(day(today.minusDays(back), byDay, goal));
        }
        Day now = week.get(6);
        int streak = 0;
        int forgiven = 0;
        LocalDate date = now.goalMet() ? today : today.minusDays(1);
        LocalDate first = byDay.isEmpty() ? today : byDay.keySet().iterator().next();
        while (!date.isBefore(first)) {
            if (day(date, byDay, goal).goalMet()) {
                streak++;
            } else if (streak > 0 || date.equals(today.minusDays(1))) {
                // One missed day is forgiven when the day before it met the goal; two in a row end the streak.
                if (date.minusDays(1).isBefore(first) || !day(date.minusDays(1), byDay, goal).goalMet()) {
                    break;
                }
                forgiven++;
            } else {
                break;
            }
            date = date.minusDays(1);
        }
        return new PracticeDays(now, streak, streak == 0 ? 0 : forgiven, week);
    }

    private static Day day(LocalDate date, Map<LocalDate, double[]> byDay, DailyGoal goal) {
        double[] d = byDay.getOrDefault(date, new double[3]);
        double minutes = d[2] / 60;
        boolean met = goal.unit() == DailyGoal.Unit.QUESTIONS ? d[0] >= goal.amount() : minutes >= goal.amount();
        return new Day(date, (int) d[0], (int) d[1], minutes, met);
    }
}
