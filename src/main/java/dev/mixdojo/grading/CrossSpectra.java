package dev.mixdojo.grading;

/**
 * The stems' cross-spectra bin by bin, summed over the song: Σ conj(X_i(k))·X_j(k) for every two stems, every mix
 * channel and every bin a band is fitted on. A band's Gram matrix is their sum over its bins; kept apart, they tell
 * how a filter on one stem would move every stem's estimated gains, the one filtered and those it shares the band
 * with ({@link FixResponse}). Immutable once made; shared by the estimates of one estimation.
 */
public final class CrossSpectra {
    private final int stems;
    private final int channels;
    private final int bins;
    private final int pairs;
    private final int[] pairAt;
    private final double[] re;
    private final double[] im;

    /** Cross-spectra of {@code stems} stems on {@code channels} channels over {@code bins} fitted bins, all zero. */
    CrossSpectra(int stems, int channels, int bins) {
        this.stems = stems;
        this.channels = channels;
        this.bins = bins;
        this.pairs = stems * (stems + 1) / 2;
        this.pairAt = new int[stems * stems];
        for (int i = 0, p = 0; i < stems; i++) {
            for (int j = i; j < stems; j++, p++) {
                pairAt[i * stems + j] = p;
                pairAt[j * stems + i] = p;
            }
        }
        this.re = new double[channels * pairs * bins];
        this.im = new double[re.length];
    }

    /** Where pair p (upper triangle, i ≤ j) of channel c starts. */
    int at(int c, int p) {
        return (c * pairs + p) * bins;
    }

    /** Adds conj(X_i)·X_j at {@code index}: {@link #at}(c, p) plus the fitted bin. */
    void addAt(int index, double sumRe, double sumIm) {
        re[index] += sumRe;
        im[index] += sumIm;
    }

    /** Adds another's sums to these. */
    void add(CrossSpectra other) {
        for (int k = 0; k < re.length; k++) {
            re[k] += other.re[k];
            im[k] += other.im[k];
        }
    }

    /** Copies channel 0's sums of the pairs of two one-channel stems to the other channels, where they are the same. */
    void copyMonoPairs(boolean[] stereo) {
        for (int c = 1; c < channels; c++) {
            for (int i = 0; i < stems; i++) {
                for (int j = i; j < stems; j++) {
                    if (!stereo[i] && !stereo[j]) {
                        int p = pairAt[i * stems + j];
                        System.arraycopy(re, at(0, p), re, at(c, p), bins);
                        System.arraycopy(im, at(0, p), im, at(c, p), bins);
                    }
                }
            }
        }
    }

    int stems() {
        return stems;
    }

    int channels() {
        return channels;
    }

    /** Σ conj(X_i(k))·X_j(k) at fitted bin {@code bin} of channel c, {re, im}. */
    double re(int c, int i, int j, int bin) {
        return re[at(c, pairAt[i * stems + j]) + bin];
    }

    /** The imaginary part; conj(X_i)·X_j is the conjugate of conj(X_j)·X_i. */
    double im(int c, int i, int j, int bin) {
        double v = im[at(c, pairAt[i * stems + j]) + bin];
        return i <= j ? v : -v;
    }
}
