package dev.mixdojo.grading;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.delivery.StemNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The stems of a folder, with the files that are not stems set aside: a reference track or a click (by name), and
 * a rough mix, the mix itself or a print master (by being, nearly, a sum of the other files: a least-squares fit
 * of the file from the others, on a 16-fold block average of their mono fold-downs, explains at least
 * {@value #SUM_EXPLAINED} of it with at least two of them, all added in, none taken away — a stem written as the mix
 * less the other stems takes them away). A stem that is a sum of others would be counted twice in
 * a mix, and a mix among its stems makes every fit degenerate. Immutable.
 *
 * @param stems    the stems, in the order given
 * @param setAside the files left out, each with the reason, in the order given
 */
public record StemSet(List<StemAudio> stems, List<SetAside> setAside) {
    /** Share of a file's energy the others must explain for it to be their sum. */
    public static final double SUM_EXPLAINED = 0.9;
    /** Samples averaged into one for the sum test: what is left (below about 1.5 kHz at 48 kHz) carries most energy. */
    static final int DECIMATION = 16;
    /** A sum takes away less than this share of its energy (a few parts in opposite polarity, a pan law's error). */
    private static final double TAKEN_AWAY = 0.05;
    /** Another file counts towards a sum when it brings this share of the file's energy. */
    private static final double PART_SHARE = 0.01;

    /**
     * A file that is not a stem.
     *
     * @param name   the file's name without extension
     * @param reason why, ending without a full stop, e.g. "the sum of the other files (a rough mix or the mix itself)"
     */
    public record SetAside(String name, String reason) {
    }

    /** Copies the lists. */
    public StemSet {
        stems = List.copyOf(stems);
        setAside = List.copyOf(setAside);
    }

    /** The files sorted into stems and the rest. */
    public static StemSet of(List<StemAudio> files) {
        List<StemAudio> kept = new ArrayList<>();
        List<SetAside> aside = new ArrayList<>();
        for (StemAudio f : files) {
            if (StemNames.isReferenceOrClick(f.name())) {
                aside.add(new SetAside(f.name(), "a reference or a click by its name, not a part of the mix"));
            } else {
                kept.add(f);
            }
        }
        while (kept.size() >= 3) {
            int sum = sumOfOthers(kept);
            if (sum < 0) {
                break;
            }
            StemAudio f = kept.remove(sum);
            aside.add(new SetAside(f.name(), StemNames.isRoughMix(f.name())
                    ? "a rough mix or master by its name, and the sum of the other files"
                    : "the sum of the other files (a rough mix, the mix itself or a print master)"));
        }
        List<SetAside> ordered = new ArrayList<>();
        for (StemAudio f : files) {
            aside.stream().filter(a -> a.name().equals(f.name())).findFirst().ifPresent(ordered::add);
        }
        return new StemSet(kept, ordered);
    }

    /** The stems' names and the set-aside files in one sentence, e.g. "mix.wav … left out: …", or empty. */
    public String setAsideSentence() {
        if (setAside.isEmpty()) {
            return "";
        }
        List<String> parts = setAside.stream().map(a -> a.name() + " (" + a.reason() + ")").toList();
        return String.format(Locale.ROOT, "Left out as not %s: %s.", setAside.size() == 1 ? "a stem" : "stems",
                String.join("; ", parts));
    }

    /**
     * The file that the others explain best, if they explain at least {@link #SUM_EXPLAINED} of it with at least two
     * of them; −1 when none is a sum. A file named like a rough mix wins a tie.
     */
    private static int sumOfOthers(List<StemAudio> files) {
        int k = files.size();
        double[][] x = new double[k][];
        for (int i = 0; i < k; i++) {
            x[i] = decimatedMono(files.get(i).audio());
        }
        double[][] gram = gram(x);
        int best = -1;
        double bestExplained = SUM_EXPLAINED;
        for (int i = 0; i < k; i++) {
            if (!(gram[i][i] > 0)) {
                continue;
            }
            Sum sum = sum(gram, i);
            // A bounce may lag its stems (DAW latency): a file named like a mix, or half explained as it lies, is
            // aligned with the others' sum and tried again.
            if (sum.explained < SUM_EXPLAINED && (StemNames.isRoughMix(files.get(i).name()) || sum.explained > 0.3)) {
                double[] shifted = aligned(files, i);
                double[][] trial = new double[k][];
                for (int j = 0; j < k; j++) {
                    trial[j] = j == i ? shifted : x[j];
                }
                sum = sum(gram(trial), i);
            }
            boolean named = StemNames.isRoughMix(files.get(i).name());
            boolean better = best < 0 ? sum.explained >= bestExplained
                    : sum.explained > bestExplained + 1e-3 || (Math.abs(sum.explained - bestExplained) <= 1e-3 && named);
            if (sum.parts >= 2 && sum.takenAway < TAKEN_AWAY && better) {
                best = i;
                bestExplained = sum.explained;
            }
        }
        return best;
    }

    /** How file i is made of the others: the share explained, how many add to it, the share taken away. */
    private record Sum(double explained, int parts, double takenAway) {
    }

    private static Sum sum(double[][] gram, int i) {
        double[] coefficients = regression(gram, i);
        double explained = 0;
        int parts = 0;
        double takenAway = 0;
        for (int j = 0; j < gram.length; j++) {
            if (j != i) {
                explained += coefficients[j] * gram[i][j];
                double share = coefficients[j] * coefficients[j] * gram[j][j] / gram[i][i];
                parts += share >= PART_SHARE && coefficients[j] > 0 ? 1 : 0;
                takenAway += coefficients[j] < 0 ? share : 0;
            }
        }
        return new Sum(explained / gram[i][i], parts, takenAway);
    }

    private static double[][] gram(double[][] x) {
        int k = x.length;
        double[][] gram = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                double sum = 0;
                int n = Math.min(x[i].length, x[j].length);
                for (int t = 0; t < n; t++) {
                    sum += x[i][t] * x[j][t];
                }
                gram[i][j] = sum;
                gram[j][i] = sum;
            }
        }
        return gram;
    }

    /**
     * File i moved (at the full rate, so a shift of any number of samples is exact) to line up with the sum of the
     * others (cross-correlation, {@link Alignment}), then decimated.
     */
    private static double[] aligned(List<StemAudio> files, int i) {
        List<StemAudio> others = new ArrayList<>(files);
        StemAudio file = others.remove(i);
        float[] sum = StemEstimator.monoSum(others);
        float[] mono = StemEstimator.monoSum(List.of(file));
        int delay = Alignment.mixDelayFrames(sum, mono);
        float[] shifted = new float[mono.length];
        for (int t = 0; t < shifted.length; t++) {
            int from = t + delay;
            shifted[t] = from >= 0 && from < mono.length ? mono[from] : 0;
        }
        return decimatedMono(new AudioBuffer(new float[][] {shifted}, file.audio().sampleRateHz()));
    }

    /** The least-squares coefficients of file {@code i} on all the others (its own is 0), from the Gram matrix. */
    private static double[] regression(double[][] gram, int i) {
        int k = gram.length;
        int m = k - 1;
        double[][] a = new double[m][m];
        double[] y = new double[m];
        double largest = 0;
        for (int r = 0; r < k; r++) {
            largest = Math.max(largest, gram[r][r]);
        }
        for (int r = 0, rr = 0; r < k; r++) {
            if (r == i) {
                continue;
            }
            for (int c = 0, cc = 0; c < k; c++) {
                if (c == i) {
                    continue;
                }
                a[rr][cc] = gram[r][c] + (r == c ? 1e-9 * largest : 0);
                cc++;
            }
            y[rr] = gram[r][i];
            rr++;
        }
        double[] solution = SparseFit.solve(a, y);
        double[] out = new double[k];
        for (int r = 0, rr = 0; r < k; r++) {
            if (r != i) {
                out[r] = solution[rr++];
            }
        }
        return out;
    }

    /** The channels summed and averaged over blocks of {@link #DECIMATION} samples (a linear map, so sums stay sums). */
    private static double[] decimatedMono(AudioBuffer audio) {
        int blocks = audio.frames() / DECIMATION;
        double[] out = new double[blocks];
        for (float[] channel : audio.channels()) {
            for (int b = 0; b < blocks; b++) {
                double sum = 0;
                for (int n = b * DECIMATION; n < (b + 1) * DECIMATION; n++) {
                    sum += channel[n];
                }
                out[b] += sum;
            }
        }
        return out;
    }
}
