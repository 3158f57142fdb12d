package dev.mixdojo.grading;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What an EQ band applied to one stem of a mix would do to every stem's estimated band gains, worked out from the
 * estimate's own least-squares fit: with the stems' cross-spectra C_ij(k) per bin and the band's Gram matrix A
 * (their sum over the band's bins), a filter F on stem a changes the mix by (F(k) − 1)·T_a(k)·X_a(k), the fitted
 * projections by Δy_i = Σ_k (F(k) − 1)·T_a(k)·C_ia(k), and the gains by ΔG = A⁻¹·Δy. The stem's transfer T_a is
 * its fitted band gain, flat within the band when the target holds the band's difference, or shaped by the
 * inverse band when the mix does ({@link EqShape.Side}). The filtered stem's own change comes out as the
 * estimator would average it, and so does what spills onto the stems it shares the band with: a fit cannot tell
 * such stems apart perfectly, so a real change on one shows a little on the others. Thread-safe: several stems'
 * fits may ask at once.
 */
final class FixResponse {
    private final BandLayout layout;
    private final CrossSpectra cross;
    private final ComplexGains gains;
    private final int stems;
    private final int channels;
    /**
     * [channel·bands + band] → {re[][], im[][]} of A⁻¹, made when first needed (by whichever thread asks first; a
     * value made twice is the same).
     */
    private final AtomicReferenceArray<double[][][]> inverse;
    /** [(channel·bands + band)·stems² + i·stems + a] → {re[], im[]} of W_ia per bin ({@link #spread}), made when first needed. */
    private final AtomicReferenceArray<double[][]> spreads;
    /** [channel][band][stem]: the band Gram's diagonal. */
    private final double[][][] power;
    /** Per band, its fitted bins' frequencies and where they start among all fitted bins. */
    private final double[][] binsHz;
    private final int[] offsets;

    /** The response model of {@code mix}'s fit, over its first {@code stems} stems' band gains. */
    FixResponse(MixEstimate mix) {
        this.layout = mix.model().bands();
        this.cross = mix.model().cross();
        this.gains = mix.model().gains();
        this.stems = cross.stems();
        this.channels = gains.channels();
        this.inverse = new AtomicReferenceArray<>(channels * layout.bands());
        this.spreads = new AtomicReferenceArray<>(channels * layout.bands() * stems * stems);
        this.power = new double[channels][layout.bands()][stems];
        this.binsHz = new double[layout.bands()][];
        this.offsets = new int[layout.bands()];
        for (int b = 0, at = 0; b < layout.bands(); b++) {
            binsHz[b] = layout.binsHz(b);
            offsets[b] = at;
            at += binsHz[b].length;
        }
        for (int c = 0; c < channels; c++) {
            for (int b = 0; b < layout.bands(); b++) {
                for (int i = 0; i < stems; i++) {
                    for (int k = offset(b); k < offset(b) + binsHz[b].length; k++) {
                        power[c][b][i] += cross.re(c, i, i, k);
                    }
                }
            }
        }
    }

    /** How much stems i and j share in band b: |A_ij|²/(A_ii·A_jj) over the left channel, 0…1. */
    double coherence(int b, int i, int j) {
        double re = 0;
        double im = 0;
        for (int k = offset(b); k < offset(b) + binsHz[b].length; k++) {
            re += cross.re(0, i, j, k);
            im += cross.im(0, i, j, k);
        }
        double p = power[0][b][i] * power[0][b][j];
        return p > 0 ? Math.min(1, (re * re + im * im) / p) : 0;
    }

    /**
     * The change (dB) of stem {@code i}'s power gain in every band when {@code shape} is applied to stem {@code a} of
     * the mix; NaN where stem {@code i} has no gain.
     */
    double[] responseDb(int a, EqShape shape, int i) {
        int bands = layout.bands();
        double[] before = new double[bands];
        double[] after = new double[bands];
        boolean mixSide = shape.side() == EqShape.Side.MIX;
        // The shape's response, and its inverse's, on every band's bins: the same for every channel.
        double[][][] fixes = new double[bands][][];
        double[][][] inverses = new double[bands][][];
        EqShape inverseShape = shape.withGainDb(-shape.gainDb());
        for (int b = 0; b < bands; b++) {
            fixes[b] = shape.responses(binsHz[b]);
            inverses[b] = mixSide ? inverseShape.responses(binsHz[b]) : null;
        }
        for (int c = 0; c < channels; c++) {
            for (int b = 0; b < bands; b++) {
                double g0r = gains.re(c, b, i);
                double g0i = gains.im(c, b, i);
                double unchanged = g0r * g0r + g0i * g0i;
                before[b] += unchanged;
                int count = binsHz[b].length;
                if (count == 0 || !(power[c][b][a] > 0)) {
                    after[b] += unchanged;
                    continue;
                }
                // The stem's transfer within the band is T = s·transfer: transfer is 1 when the target holds the
                // band's difference, the inverse band when the mix does, and s scales its band average to the fitted
                // gain g_a.
                double sr = gains.re(c, b, a);
                double si = gains.im(c, b, a);
                double[] transferRe = mixSide ? inverses[b][0] : null;
                double[] transferIm = mixSide ? inverses[b][1] : null;
                if (mixSide) {
                    double meanRe = 0;
                    double meanIm = 0;
                    double weights = 0;
                    for (int k = 0; k < count; k++) {
                        double w = cross.re(c, a, a, offset(b) + k);
                        meanRe += w * transferRe[k];
                        meanIm += w * transferIm[k];
                        weights += w;
                    }
                    if (weights > 0) {
                        double mr = meanRe / weights;
                        double mi = meanIm / weights;
                        double m2 = mr * mr + mi * mi;
                        double gr = sr;
                        sr = (gr * mr + si * mi) / m2;
                        si = (si * mr - gr * mi) / m2;
                    }
                }
                double[] fixRe = fixes[b][0];
                double[] fixIm = fixes[b][1];
                double[][] spread = spread(c, b, i, a);
                double dr = 0;
                double di = 0;
                for (int k = 0; k < count; k++) {
                    double tr = mixSide ? sr * transferRe[k] - si * transferIm[k] : sr;
                    double ti = mixSide ? sr * transferIm[k] + si * transferRe[k] : si;
                    // (F − 1)·T, carried to stem i's gain by W_ia.
                    double fr = fixRe[k] - 1;
                    double fi = fixIm[k];
                    double vr = fr * tr - fi * ti;
                    double vi = fr * ti + fi * tr;
                    dr += spread[0][k] * vr - spread[1][k] * vi;
                    di += spread[0][k] * vi + spread[1][k] * vr;
                }
                after[b] += (g0r + dr) * (g0r + dr) + (g0i + di) * (g0i + di);
            }
        }
        double[] out = new double[bands];
        for (int b = 0; b < bands; b++) {
            out[b] = before[b] > 0 ? 10 * Math.log10(after[b] / before[b]) : Double.NaN;
        }
        return out;
    }

    /** The sum of {@link #responseDb} of stem {@code i} over several bands on stem {@code a}. */
    double[] spillDb(int a, List<EqShape> shapes, int i) {
        double[] out = new double[layout.bands()];
        for (EqShape shape : shapes) {
            double[] row = responseDb(a, shape, i);
            for (int b = 0; b < out.length; b++) {
                out[b] += Double.isFinite(row[b]) ? row[b] : 0;
            }
        }
        return out;
    }

    /**
     * W_ia(k) = Σ_j (A⁻¹)_ij·C_ja(k) over band b's bins of channel c, {re[], im[]}: how a change of the mix at bin k
     * along stem a moves stem i's fitted gain (ΔG_i = Σ_k W_ia(k)·v(k)). Made once per pair and band, when first
     * needed, so that a trial band costs one pass over the bins.
     */
    private double[][] spread(int c, int b, int i, int a) {
        int slot = ((c * layout.bands() + b) * stems + i) * stems + a;
        double[][] w = spreads.get(slot);
        if (w == null) {
            int count = binsHz[b].length;
            double[][][] inv = inverse(c, b);
            w = new double[2][count];
            for (int k = 0; k < count; k++) {
                int bin = offset(b) + k;
                double wr = 0;
                double wi = 0;
                for (int j = 0; j < stems; j++) {
                    double ar = inv[0][i][j];
                    double ai = inv[1][i][j];
                    double cr = cross.re(c, j, a, bin);
                    double ci = cross.im(c, j, a, bin);
                    wr += ar * cr - ai * ci;
                    wi += ar * ci + ai * cr;
                }
                w[0][k] = wr;
                w[1][k] = wi;
            }
            spreads.set(slot, w);
        }
        return w;
    }

    private int offset(int b) {
        return offsets[b];
    }

    /** A⁻¹ of channel c, band b: the band Gram's inverse (a tiny diagonal load keeps a silent stem from making it singular). */
    private double[][][] inverse(int c, int b) {
        double[][][] made = inverse.get(c * layout.bands() + b);
        if (made == null) {
            double[][] aRe = new double[stems][stems];
            double[][] aIm = new double[stems][stems];
            for (int k = offset(b); k < offset(b) + binsHz[b].length; k++) {
                for (int i = 0; i < stems; i++) {
                    for (int j = 0; j < stems; j++) {
                        aRe[i][j] += cross.re(c, i, j, k);
                        aIm[i][j] += cross.im(c, i, j, k);
                    }
                }
            }
            double[][] re = new double[stems][stems];
            double[][] im = new double[stems][stems];
            for (int j = 0; j < stems; j++) {
                double[] unit = new double[stems];
                unit[j] = 1;
                double[][] column = ComplexLeastSquares.solve(aRe, aIm, unit, new double[stems]);
                for (int i = 0; i < stems; i++) {
                    re[i][j] = column[0][i];
                    im[i][j] = column[1][i];
                }
            }
            made = new double[][][] {re, im};
            inverse.set(c * layout.bands() + b, made);
        }
        return made;
    }
}
