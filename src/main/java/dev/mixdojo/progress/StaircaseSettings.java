package dev.mixdojo.progress;

import dev.mixdojo.base.Scale;

/**
 * How one skill's adaptive staircase moves: a transformed up-down rule (Levitt 1971) on the
 * skill's difficulty variable. The default 3-down/1-up rule converges on 79.4 % correct.
 *
 * @param startLevel   level of the first question, in the skill's unit (e.g. 12 dB of boost)
 * @param easiestLevel the level no wrong answer moves past (e.g. 15 dB)
 * @param hardestLevel the level no run of right answers moves past (e.g. 1 dB)
 * @param step         a move's size: added or subtracted on a linear scale, multiplied or divided
 *                     on a logarithmic scale (then greater than 1, e.g. 1.26 for about 2 dB of a ratio)
 * @param initialStep  the larger move used until the second reversal, to find the region quickly
 * @param scale        whether moves (and the threshold average) are linear or logarithmic
 * @param down         right answers in a row that make the next question harder (3)
 * @param up           wrong answers in a row that make it easier (1)
 * @param reversalsForThreshold how many of the last reversals the threshold averages (6–8)
 */
public record StaircaseSettings(
        double startLevel,
        double easiestLevel,
        double hardestLevel,
        double step,
        double initialStep,
        Scale scale,
        int down,
        int up,
        int reversalsForThreshold) {

    public StaircaseSettings {
        double low = Math.min(easiestLevel, hardestLevel);
        double high = Math.max(easiestLevel, hardestLevel);
        if (!(startLevel >= low && startLevel <= high)) {
            throw new IllegalArgumentException("start level " + startLevel + " must lie between " + low + " and " + high);
        }
        if (scale == Scale.LOGARITHMIC && !(low > 0 && step > 1 && initialStep > 1)) {
            throw new IllegalArgumentException("a logarithmic staircase needs positive levels and steps greater than 1");
        }
        if (scale == Scale.LINEAR && !(step > 0 && initialStep > 0)) {
            throw new IllegalArgumentException("a linear staircase needs positive steps");
        }
        if (down < 1 || up < 1 || reversalsForThreshold < 2) {
            throw new IllegalArgumentException("down and up must be at least 1, reversals at least 2");
        }
    }

    /** The 3-down/1-up rule on a linear scale: moves add or subtract {@code step} (twice it until the second reversal). */
    public static StaircaseSettings linear(double startLevel, double easiestLevel, double hardestLevel, double step) {
        return threeDownOneUp(startLevel, easiestLevel, hardestLevel, step, Scale.LINEAR);
    }

    /** The 3-down/1-up rule on a logarithmic scale: moves multiply or divide by {@code step} (greater than 1; its square at first). */
    public static StaircaseSettings logarithmic(double startLevel, double easiestLevel, double hardestLevel, double step) {
        return threeDownOneUp(startLevel, easiestLevel, hardestLevel, step, Scale.LOGARITHMIC);
    }

    /** These settings with another step until the second reversal. */
    public StaircaseSettings withInitialStep(double newInitialStep) {
        return new StaircaseSettings(startLevel, easiestLevel, hardestLevel, step, newInitialStep, scale, down, up,
                reversalsForThreshold);
    }

    /** These settings averaging the last {@code count} reversals for the threshold. */
    public StaircaseSettings withReversalsForThreshold(int count) {
        return new StaircaseSettings(startLevel, easiestLevel, hardestLevel, step, initialStep, scale, down, up, count);
    }

    /** The classic 3-down/1-up rule averaging the last 6 reversals, with a doubled step at first. */
    private static StaircaseSettings threeDownOneUp(double startLevel, double easiestLevel, double hardestLevel,
            double step, Scale scale) {
        double initial = scale == Scale.LOGARITHMIC ? step * step : 2 * step;
        return new StaircaseSettings(startLevel, easiestLevel, hardestLevel, step, initial, scale, 3, 1, 6);
    }

    /** The level one move harder (toward {@code hardestLevel}) or easier, clamped to the range. */
    double move(double level, boolean harder, boolean initialPhase) {
        double size = initialPhase ? initialStep : step;
        boolean towardLower = harder == (hardestLevel < easiestLevel);
        double next;
        if (scale == Scale.LOGARITHMIC) {
            next = towardLower ? level / size : level * size;
        } else {
            next = towardLower ? level - size : level + size;
        }
        return Math.max(Math.min(easiestLevel, hardestLevel), Math.min(Math.max(easiestLevel, hardestLevel), next));
    }
}
