package dev.mixdojo.grading;

import dev.mixdojo.dsp.eq.FilterType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The fewest fader and EQ moves that explain one stem's band-gain difference d (mix minus target, dB per
 * third-octave band, with its standard errors σ): the fix F (what to apply to the mix) minimises
 * χ² = Σ (d + F)²/σ², and a move (a fader, or a bell or shelf) joins the fix only while it lowers χ² by more
 * than its parameters cost under the Bayesian information criterion (ln n per parameter for n bands). Bells and
 * shelves are screened on a grid with a linear model of their shape, then their gain, frequency and Q are fitted
 * exactly. Single use; not thread-safe.
 */
final class SparseFit {
    /** Bell Qs the screening tries. */
    private static final double[] QS = {0.5, 0.7, 1, 1.4, 2, 2.8};
    /** The shelf Q: a maximally flat shelf. */
    static final double SHELF_Q = Math.sqrt(0.5);
    /** Gain at which the screening shapes are computed, in dB. */
    private static final double SCREEN_GAIN_DB = 6;
    /** Below this largest band difference (dB) there is nothing to explain that could be reported. */
    private static final double NOTHING_DB = 0.25;
    private static final Map<BandLayout, List<Candidate>> GRIDS = new ConcurrentHashMap<>();
    /** The least χ² a parameter must explain to join the fix. */
    static final double MIN_PENALTY = 4;
    /** The narrowest and widest bells: what mixing EQs offer and engineers reach for. */
    private static final double MIN_Q = 0.3;
    private static final double MAX_Q = 4;

    private final double[] d;
    private final double[] weight;
    private final BandLayout layout;
    private final Function<EqShape, double[]> response;
    private final int valid;
    private boolean withFader;
    private double faderDb;
    private final List<EqShape> shapes = new ArrayList<>();
    private final List<double[]> responses = new ArrayList<>();

    /** A screening shape: a band at {@link #SCREEN_GAIN_DB}, and its response per dB of gain. */
    private record Candidate(EqShape shape, double[] perDb) {
    }

    /**
     * A fit of {@code d} (NaN: no estimate) with standard errors {@code sigma}, over the bands of {@code layout};
     * {@code response} says how a band applied to the stem moves its estimated band gains (dB per band).
     */
    SparseFit(double[] d, double[] sigma, BandLayout layout, Function<EqShape, double[]> response) {
        this.d = d;
        this.layout = layout;
        // A band without an estimate has no response to weigh: 0, not NaN.
        this.response = shape -> java.util.Arrays.stream(response.apply(shape)).map(v -> Double.isFinite(v) ? v : 0).toArray();
        this.weight = new double[d.length];
        int count = 0;
        for (int b = 0; b < d.length; b++) {
            weight[b] = Double.isFinite(d[b]) && sigma[b] > 0 ? 1 / (sigma[b] * sigma[b]) : 0;
            count += weight[b] > 0 ? 1 : 0;
        }
        this.valid = count;
    }

    /** The fader part of the fix, in dB (0 when the fit has no fader move). */
    double faderDb() {
        return withFader ? faderDb : 0;
    }

    /** The EQ bands of the fix. */
    List<EqShape> shapes() {
        return List.copyOf(shapes);
    }

    /** The largest effect (dB, signed as the fix) of EQ band {@code k} on any of the {@code audible} bands. */
    double largestEffectDb(int k, boolean[] audible) {
        double[] r = responses.get(k);
        double largest = 0;
        for (int b = 0; b < r.length; b++) {
            if (weight[b] > 0 && audible[b] && Math.abs(r[b]) > Math.abs(largest)) {
                largest = r[b];
            }
        }
        return largest;
    }

    void run() {
        double largest = 0;
        for (int b = 0; b < d.length; b++) {
            if (weight[b] > 0) {
                largest = Math.max(largest, Math.abs(d[b]));
            }
        }
        if (valid == 0 || largest < NOTHING_DB) {
            return;
        }
        // BIC's ln n per parameter, at least 4 for the few bands of a narrow stem: fewer moves win close calls.
        double perParameter = Math.max(MIN_PENALTY, Math.log(valid));
        List<Candidate> grid = grid();
        for (int step = 0; step <= Diagnosis.MAX_EQ_BANDS; step++) {
            double now = cost();
            double bestGain = 0;
            Runnable bestMove = null;
            if (!withFader) {
                double f = optimalFader(residual(-1, true));
                double gain = now - costWith(f, -1, null) - perParameter;
                if (gain > bestGain) {
                    bestGain = gain;
                    bestMove = () -> {
                        withFader = true;
                        faderDb = f;
                    };
                }
            }
            if (shapes.size() < Diagnosis.MAX_EQ_BANDS) {
                for (EqShape shape : screen(grid, residual(-1, false), 3)) {
                    EqShape refined = refine(shape, -1);
                    double[] r = response.apply(refined);
                    double params = refined.type() == FilterType.PEAK ? 3 : 2;
                    double gain = now - costWith(faderDb(), -1, r) - params * perParameter;
                    if (gain > bestGain) {
                        bestGain = gain;
                        bestMove = () -> {
                            shapes.add(refined);
                            responses.add(r);
                        };
                    }
                }
            }
            if (bestMove == null) {
                return;
            }
            bestMove.run();
            for (int round = 0; round < 2; round++) {
                for (int k = 0; k < shapes.size(); k++) {
                    EqShape refined = refine(shapes.get(k), k);
                    shapes.set(k, refined);
                    responses.set(k, response.apply(refined));
                }
                if (withFader) {
                    faderDb = optimalFader(residual(-1, true));
                }
            }
        }
    }

    /**
     * The fix's linear parameters refitted on each row of {@code segments} (a segment's d), its EQ bands' shapes held:
     * [0] the fader per segment (zeros without a fader move), [1 + k] band k's gain per segment.
     */
    double[][] linearRefits(double[][] segments) {
        double[][] x = regressors();
        double[][] out = new double[x[0].length][segments.length];
        for (int s = 0; s < segments.length; s++) {
            double[] row = segments[s];
            double[][] a = normalMatrix(x, b -> Double.isFinite(row[b]));
            double[] y = new double[x[0].length];
            for (int b = 0; b < d.length; b++) {
                if (weight[b] > 0 && Double.isFinite(row[b])) {
                    for (int p = 0; p < y.length; p++) {
                        y[p] -= weight[b] * x[b][p] * row[b];
                    }
                }
            }
            double[] solution = solve(a, y);
            for (int p = 0; p < y.length; p++) {
                out[p][s] = solution[p];
            }
        }
        return out;
    }

    /**
     * The standard errors of the fix's linear parameters, [0] the fader (1 without a fader move) and [1 + k] band k's
     * gain, in dB: √((XᵀWX)⁻¹) from the bands' standard errors, the shapes held.
     */
    double[] linearSigmas() {
        double[][] x = regressors();
        double[][] a = normalMatrix(x, b -> true);
        double[] out = new double[x[0].length];
        for (int p = 0; p < out.length; p++) {
            double[] unit = new double[out.length];
            unit[p] = 1;
            out[p] = Math.sqrt(Math.max(0, solve(a, unit)[p]));
        }
        return out;
    }

    /** Per band, how each linear parameter moves it: [band][0] the fader (1, or 0 without one), [band][1 + k] band k per dB. */
    private double[][] regressors() {
        int k = shapes.size();
        double[][] x = new double[d.length][1 + k];
        for (int b = 0; b < d.length; b++) {
            x[b][0] = withFader ? 1 : 0;
            for (int j = 0; j < k; j++) {
                x[b][1 + j] = responses.get(j)[b] / shapes.get(j).gainDb();
            }
        }
        return x;
    }

    /** XᵀWX over the weighted bands {@code use} keeps; a fit without a fader has 1 in the fader's place. */
    private double[][] normalMatrix(double[][] x, java.util.function.IntPredicate use) {
        int params = x[0].length;
        double[][] a = new double[params][params];
        for (int b = 0; b < d.length; b++) {
            if (weight[b] == 0 || !use.test(b)) {
                continue;
            }
            for (int p = 0; p < params; p++) {
                for (int q = 0; q < params; q++) {
                    a[p][q] += weight[b] * x[b][p] * x[b][q];
                }
            }
        }
        if (!withFader) {
            a[0][0] = 1;
        }
        return a;
    }

    /** d plus the fix, leaving out EQ band {@code skip} (−1: none) and, when asked, the fader. */
    private double[] residual(int skip, boolean withoutFader) {
        double[] e = new double[d.length];
        for (int b = 0; b < d.length; b++) {
            if (weight[b] == 0) {
                continue;
            }
            e[b] = d[b] + (withoutFader ? 0 : faderDb());
            for (int k = 0; k < responses.size(); k++) {
                if (k != skip) {
                    e[b] += responses.get(k)[b];
                }
            }
        }
        return e;
    }

    private double cost() {
        double[] e = residual(-1, false);
        double sum = 0;
        for (int b = 0; b < e.length; b++) {
            sum += weight[b] * e[b] * e[b];
        }
        return sum;
    }

    /** The cost with the fader at {@code fader}, EQ band {@code skip} left out and {@code extra} added. */
    private double costWith(double fader, int skip, double[] extra) {
        double[] e = residual(skip, true);
        double sum = 0;
        for (int b = 0; b < e.length; b++) {
            double v = e[b] + fader + (extra == null ? 0 : extra[b]);
            sum += weight[b] * v * v;
        }
        return sum;
    }

    private double optimalFader(double[] e) {
        double num = 0;
        double den = 0;
        for (int b = 0; b < e.length; b++) {
            num += weight[b] * e[b];
            den += weight[b];
        }
        return den > 0 ? -num / den : 0;
    }

    /** The {@code count} grid shapes that would lower the cost most with the best gain under the linear model. */
    private List<EqShape> screen(List<Candidate> grid, double[] e, int count) {
        List<EqShape> best = new ArrayList<>();
        List<Double> gains = new ArrayList<>();
        for (Candidate c : grid) {
            double num = 0;
            double den = 0;
            for (int b = 0; b < e.length; b++) {
                num += weight[b] * c.perDb()[b] * e[b];
                den += weight[b] * c.perDb()[b] * c.perDb()[b];
            }
            if (den <= 0) {
                continue;
            }
            double lowered = num * num / den;
            double gainDb = Math.max(-30, Math.min(30, -num / den));
            int at = 0;
            while (at < gains.size() && gains.get(at) >= lowered) {
                at++;
            }
            if (at < count) {
                gains.add(at, lowered);
                best.add(at, c.shape().withGainDb(gainDb));
                if (gains.size() > count) {
                    gains.remove(count);
                    best.remove(count);
                }
            }
        }
        return best;
    }

    /** The shape's gain, frequency, Q and side fitted to the residual without EQ band {@code k} (−1: a new band). */
    private EqShape refine(EqShape start, int k) {
        double[] e = residual(k, false);
        EqShape best = bestGain(start, e);
        double bestCost = costOf(best, e);
        EqShape other = bestGain(start.otherSide(), e);
        if (costOf(other, e) < bestCost) {
            best = other;
            bestCost = costOf(other, e);
        }
        for (double octaves : new double[] {1 / 6.0, 1 / 12.0, 1 / 24.0}) {
            boolean moved = true;
            for (int tries = 0; moved && tries < 4; tries++) {
                moved = false;
                List<EqShape> trials = new ArrayList<>();
                for (int sign = -1; sign <= 1; sign += 2) {
                    double hz = best.frequencyHz() * Math.pow(2, sign * octaves);
                    if (hz >= 20 && hz <= 20000) {
                        trials.add(new EqShape(best.type(), hz, best.gainDb(), best.q(), best.side()));
                    }
                    if (best.type() == FilterType.PEAK) {
                        double q = best.q() * Math.pow(2, sign * octaves * 2);
                        if (q >= MIN_Q && q <= MAX_Q) {
                            trials.add(new EqShape(best.type(), best.frequencyHz(), best.gainDb(), q, best.side()));
                        }
                    }
                }
                for (EqShape trial : trials) {
                    EqShape fitted = bestGain(trial, e);
                    double cost = costOf(fitted, e);
                    if (cost < bestCost - 1e-9) {
                        best = fitted;
                        bestCost = cost;
                        moved = true;
                    }
                }
            }
        }
        return best;
    }

    /** The shape with the gain (within ±30 dB) that best fits the residual, by golden-section search. */
    private EqShape bestGain(EqShape shape, double[] e) {
        double g0 = shape.gainDb();
        double span = Math.max(3, Math.abs(g0));
        double lo = Math.max(-30, g0 - span);
        double hi = Math.min(30, g0 + span);
        double ratio = (Math.sqrt(5) - 1) / 2;
        double a = hi - ratio * (hi - lo);
        double b = lo + ratio * (hi - lo);
        double fa = costOf(shape.withGainDb(a), e);
        double fb = costOf(shape.withGainDb(b), e);
        for (int it = 0; it < 22; it++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - ratio * (hi - lo);
                fa = costOf(shape.withGainDb(a), e);
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + ratio * (hi - lo);
                fb = costOf(shape.withGainDb(b), e);
            }
        }
        return shape.withGainDb((lo + hi) / 2);
    }

    private double costOf(EqShape shape, double[] e) {
        double[] r = response.apply(shape);
        double sum = 0;
        for (int b = 0; b < e.length; b++) {
            if (weight[b] > 0) {
                double v = e[b] + r[b];
                sum += weight[b] * v * v;
            }
        }
        return sum;
    }

    /** The screening grid for these bands: bells over centres a sixth of an octave apart and the Qs, and shelves. */
    private List<Candidate> grid() {
        return GRIDS.computeIfAbsent(layout, k -> {
            List<Candidate> grid = new ArrayList<>();
            for (double hz = 25; hz <= 16000; hz *= Math.pow(2, 1 / 6.0)) {
                for (double q : QS) {
                    grid.add(candidate(new EqShape(FilterType.PEAK, hz, SCREEN_GAIN_DB, q, EqShape.Side.TARGET)));
                }
                grid.add(candidate(new EqShape(FilterType.LOW_SHELF, hz, SCREEN_GAIN_DB, SHELF_Q, EqShape.Side.TARGET)));
                grid.add(candidate(new EqShape(FilterType.HIGH_SHELF, hz, SCREEN_GAIN_DB, SHELF_Q, EqShape.Side.TARGET)));
            }
            return List.copyOf(grid);
        });
    }

    private Candidate candidate(EqShape shape) {
        double[] r = shape.bandGainsDb(layout, null);
        for (int b = 0; b < r.length; b++) {
            r[b] /= SCREEN_GAIN_DB;
        }
        return new Candidate(shape, r);
    }

    /** Solves a small symmetric positive system by Gaussian elimination (a singular one gives zeros where undetermined). */
    static double[] solve(double[][] a, double[] y) {
        int n = y.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][i] += 1e-12 * Math.max(1, a[i][i]);
            m[i][n] = y[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            if (m[col][col] == 0) {
                continue;
            }
            for (int r = col + 1; r < n; r++) {
                double factor = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= factor * m[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = m[r][n];
            for (int c = r + 1; c < n; c++) {
                sum -= m[r][c] * x[c];
            }
            x[r] = m[r][r] == 0 ? 0 : sum / m[r][r];
        }
        return x;
    }
}
