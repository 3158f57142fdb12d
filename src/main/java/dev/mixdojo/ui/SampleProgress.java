package dev.mixdojo.ui;

import dev.mixdojo.exercise.Quantity;
import dev.mixdojo.progress.Attempt;
import dev.mixdojo.progress.Staircase;
import dev.mixdojo.progress.StaircaseSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Two weeks of answers by a simulated learner, for screenshots: adaptive staircases as the
 * lessons set them, a listener who improves day by day, confuses neighbouring octaves and hears
 * high boosts a little too high. Seeded, so every screenshot shows the same history.
 */
final class SampleProgress {
    private static final String[] OCTAVES = {"63 Hz", "125 Hz", "250 Hz", "500 Hz", "1 kHz", "2 kHz", "4 kHz", "8 kHz"};
    private static final int DAYS = 12;

    private SampleProgress() {
    }

    /** The attempts, oldest first, ending on the day before {@code now}. */
    static List<Attempt> attempts(Instant now, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Attempt> attempts = new ArrayList<>();
        Staircase octave = Staircase.start(StaircaseSettings.linear(12, 15, 2, 1));
        Staircase direction = Staircase.start(StaircaseSettings.linear(9, 12, 1, 1));
        Staircase pan = Staircase.start(StaircaseSettings.linear(20, 30, 5, 2.5));
        Instant firstDay = now.minus(Duration.ofDays(DAYS));
        for (int day = 0; day < DAYS; day++) {
            Instant at = firstDay.plus(Duration.ofDays(day)).plus(Duration.ofHours(18));
            // The ear improves: the level heard 50 % of the time above chance falls from 9 dB to 4 dB.
            double octaveThresholdDb = 9 - 5.0 * day / (DAYS - 1);
            for (int q = 0; q < 12; q++) {
                int truth = 1 + random.nextInt(OCTAVES.length - 1);
                boolean right = random.nextDouble() < heard(octave.level(), octaveThresholdDb, 2, 1.0 / OCTAVES.length);
                // Wrong answers land on a neighbour, upward more often in the top octaves (a common bias).
                int answer = right ? truth : neighbour(truth, random, truth >= 5 ? 0.75 : 0.4);
                String lesson = day < 5 ? "eq-octave-boosts-noise" : "eq-octave-boosts-music";
                attempts.add(new Attempt("sample-oct-" + day + "-" + q, at.plusSeconds(40L * q), lesson, "eq.frequency",
                        octave.level(), random.nextLong(), truth, answer, "oct", OCTAVES[truth], OCTAVES[answer], right,
                        right ? 1 : 0.5, 2000 + random.nextInt(4000), day < 5 ? "octave-boost" : "octave-boost-pop"));
                octave = octave.next(right);
            }
            if (day >= 4) {
                for (int q = 0; q < 8; q++) {
                    boolean cut = random.nextBoolean();
                    boolean right = random.nextDouble() < heard(direction.level(), 4 - 0.2 * day, 1.5, 0.5);
                    boolean saidCut = right == cut;
                    attempts.add(new Attempt("sample-dir-" + day + "-" + q, at.plusSeconds(600L + 30L * q), "eq-cuts",
                            "eq.direction", direction.level(), random.nextLong(), cut ? -1 : 1, saidCut ? -1 : 1, "sign",
                            cut ? "Cut" : "Boost", saidCut ? "Cut" : "Boost", right, right ? 1 : 0, 1500 + random.nextInt(2000),
                            "boost-or-cut"));
                    direction = direction.next(right);
                }
            }
            if (day >= 7) {
                for (int q = 0; q < 6; q++) {
                    // A free position from hard left to hard right, answered on the pan slider.
                    double truth = Math.round((random.nextDouble() * 2 - 1) * 100) / 100.0;
                    double errorPercent = random.nextGaussian() * 9 + 3; // heard slightly right of where it is
                    double answer = Math.max(-1, Math.min(1, truth + errorPercent / 100));
                    double error = 100 * (answer - truth);
                    boolean right = Math.abs(error) <= pan.level();
                    attempts.add(new Attempt("sample-pan-" + day + "-" + q, at.plusSeconds(900L + 30L * q),
                            "panning-positions", "pan.position", pan.level(), random.nextLong(), 100 * truth, 100 * answer,
                            "%", Quantity.PAN.format(truth), Quantity.PAN.format(answer), right,
                            right ? 1 : Math.max(0, 1 - (Math.abs(error) - pan.level()) / 40), 2500 + random.nextInt(3000),
                            "pan-vocal"));
                    pan = pan.next(right);
                }
            }
        }
        return attempts;
    }

    /** Chance of a right answer at {@code level}: a logistic psychometric function above the guess rate. */
    private static double heard(double level, double thresholdLevel, double spread, double guessRate) {
        return guessRate + (1 - guessRate) / (1 + Math.exp(-(level - thresholdLevel) / spread));
    }

    private static int neighbour(int truth, SplittableRandom random, double upwardShare) {
        boolean up = random.nextDouble() < upwardShare;
        int answer = up ? truth + 1 : truth - 1;
        return answer < 0 || answer >= OCTAVES.length ? (up ? truth - 1 : truth + 1) : answer;
    }
}
