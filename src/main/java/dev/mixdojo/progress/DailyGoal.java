package dev.mixdojo.progress;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How much a learner means to practise each day: a number of questions or of minutes.
 *
 * @param amount how many, 1…{@link Unit#most()}
 * @param unit   questions or minutes
 */
public record DailyGoal(int amount, Unit unit) {
    /** What a learner gets before choosing: two rounds of ten questions. */
    public static final DailyGoal DEFAULT = new DailyGoal(20, Unit.QUESTIONS);

    /** What a goal counts. */
    public enum Unit {
        QUESTIONS(500), MINUTES(240);

        private final int most;

        Unit(int most) {
            this.most = most;
        }

        /** The largest goal offered in this unit. */
        public int most() {
            return most;
        }

        /** The unit's word, e.g. "questions". */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Checks the amount's range. */
    public DailyGoal {
        Objects.requireNonNull(unit, "unit");
        if (amount < 1 || amount > unit.most()) {
            throw new IllegalArgumentException("a daily goal is 1 to " + unit.most() + " " + unit.word() + ", got " + amount);
        }
    }

    /** The goal as written in the settings file and shown, e.g. "20 questions". */
    @Override
    public String toString() {
        return amount + " " + unit.word();
    }

    /** The goal written as {@link #toString()} writes it, if it is one. */
    public static Optional<DailyGoal> parse(String text) {
        String[] parts = text.strip().split("\\s+");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            int amount = Integer.parseInt(parts[0]);
            for (Unit unit : Unit.values()) {
                if (unit.word().equals(parts[1]) && amount >= 1 && amount <= unit.most()) {
                    return Optional.of(new DailyGoal(amount, unit));
                }
            }
        } catch (NumberFormatException e) {
            // not a number: not a goal
        }
        return Optional.empty();
    }
}
