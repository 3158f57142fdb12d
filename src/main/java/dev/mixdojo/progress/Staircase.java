package dev.mixdojo.progress;

import dev.mixdojo.base.Scale;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The state of one skill's adaptive staircase (Levitt 1971). Immutable: {@link #next} returns the
 * state after one more answer, so the state can always be rebuilt by replaying the log.
 *
 * @param settings        the rule
 * @param level           the level of the next question, in the skill's unit
 * @param rightInARow     right answers since the last move
 * @param wrongInARow     wrong answers since the last move
 * @param lastMoveHarder  direction of the last move (empty before the first move)
 * @param reversalLevels  the level at each reversal of direction, oldest first
 * @param trials          answers so far
 */
public record Staircase(
        StaircaseSettings settings,
        double level,
        int rightInARow,
        int wrongInARow,
        Optional<Boolean> lastMoveHarder,
        List<Double> reversalLevels,
        int trials) {

    public Staircase {
        reversalLevels = List.copyOf(reversalLevels);
    }

    /** A level as the screens write it: two decimals below 10, one above, no trailing zeros (12, 12.5, 4.25, 0.5). */
    public static String format(double level) {
        return String.format(Locale.ROOT, Math.abs(level) >= 10 ? "%.1f" : "%.2f", level).replaceAll("\\.?0+$", "");
    }

    /** A fresh staircase at the settings' start level. */
    public static Staircase start(StaircaseSettings settings) {
        return new Staircase(settings, settings.startLevel(), 0, 0, Optional.empty(), List.of(), 0);
    }

    /** The state after answering the current level right or wrong. */
    public Staircase next(boolean correct) {
        int right = correct ? rightInARow + 1 : 0;
        int wrong = correct ? 0 : wrongInARow + 1;
        Optional<Boolean> move = Optional.empty();
        if (right >= settings.down()) {
            move = Optional.of(true);
        } else if (wrong >= settings.up()) {
            move = Optional.of(false);
        }
        if (move.isEmpty()) {
            return new Staircase(settings, level, right, wrong, lastMoveHarder, reversalLevels, trials + 1);
        }
        boolean harder = move.get();
        List<Double> reversals = reversalLevels;
        if (lastMoveHarder.isPresent() && lastMoveHarder.get() != harder) {
            reversals = new ArrayList<>(reversalLevels);
            reversals.add(level);
        }
        boolean initialPhase = reversals.size() < 2;
        double nextLevel = settings.move(level, harder, initialPhase);
        return new Staircase(settings, nextLevel, 0, 0, move, reversals, trials + 1);
    }

    /**
     * The threshold estimate: the mean of the last reversals (geometric mean on a logarithmic
     * scale) with a 95 % confidence interval; empty until there are at least four reversals.
     */
    public Optional<Threshold> threshold() {
        int n = Math.min(settings.reversalsForThreshold(), reversalLevels.size());
        if (n < 4) {
            return Optional.empty();
        }
        List<Double> last = reversalLevels.subList(reversalLevels.size() - n, reversalLevels.size());
        double[] values = last.stream().mapToDouble(v -> settings.scale() == Scale.LOGARITHMIC ? Math.log(v) : v).toArray();
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double variance = 0;
        for (double v : values) {
            variance += (v - mean) * (v - mean);
        }
        double standardError = Math.sqrt(variance / (n - 1) / n);
        double half = StudentT.quantile975(n - 1) * standardError;
        if (settings.scale() == Scale.LOGARITHMIC) {
            return Optional.of(new Threshold(Math.exp(mean), Math.exp(mean - half), Math.exp(mean + half), n));
        }
        return Optional.of(new Threshold(mean, mean - half, mean + half, n));
    }
}
