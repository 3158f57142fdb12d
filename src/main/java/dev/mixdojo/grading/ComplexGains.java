package dev.mixdojo.grading;

/**
 * The complex gain of every stem in one mix, per mix channel and band, as the song-level least-squares fit found
 * it. Immutable (the array is copied).
 */
public final class ComplexGains {
    private final double[][][] re;
    private final double[][][] im;

    /** From the fit's gains [channel][band (and the broadband fit after the bands)][re/im][stem]; the broadband fit is left out. */
    ComplexGains(double[][][][] gains, int bands) {
        re = new double[gains.length][bands][];
        im = new double[gains.length][bands][];
        for (int c = 0; c < gains.length; c++) {
            for (int b = 0; b < bands; b++) {
                re[c][b] = gains[c][b][0].clone();
                im[c][b] = gains[c][b][1].clone();
            }
        }
    }

    /** The mix channels fitted. */
    int channels() {
        return re.length;
    }

    double re(int c, int band, int stem) {
        return re[c][band][stem];
    }

    double im(int c, int band, int stem) {
        return im[c][band][stem];
    }
}
