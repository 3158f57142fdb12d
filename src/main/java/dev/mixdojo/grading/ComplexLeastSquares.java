package dev.mixdojo.grading;

/**
 * Solves the normal equations A·g = y of a complex least-squares fit (A Hermitian, stored as
 * separate real and imaginary K×K arrays) by Gaussian elimination with partial pivoting; a small
 * diagonal load keeps a silent regressor from making A singular (its gain comes out 0). Pure.
 */
final class ComplexLeastSquares {
    /** Diagonal load relative to the largest diagonal entry. */
    static final double LOAD = 1e-12;

    private ComplexLeastSquares() {
    }

    /** Returns g as {re[], im[]}; the inputs are not changed. */
    static double[][] solve(double[][] aRe, double[][] aIm, double[] yRe, double[] yIm) {
        int k = yRe.length;
        double[][] mr = new double[k][k + 1];
        double[][] mi = new double[k][k + 1];
        double largest = 0;
        for (int i = 0; i < k; i++) {
            largest = Math.max(largest, aRe[i][i]);
        }
        if (!(largest > 0)) {
            return new double[][] {new double[k], new double[k]};  // nothing to fit (a band without bins, silence)
        }
        double load = Math.max(largest * LOAD, Double.MIN_NORMAL);
        for (int i = 0; i < k; i++) {
            System.arraycopy(aRe[i], 0, mr[i], 0, k);
            System.arraycopy(aIm[i], 0, mi[i], 0, k);
            mr[i][i] += load;
            mr[i][k] = yRe[i];
            mi[i][k] = yIm[i];
        }
        for (int col = 0; col < k; col++) {
            int pivot = col;
            for (int r = col + 1; r < k; r++) {
                if (abs2(mr[r][col], mi[r][col]) > abs2(mr[pivot][col], mi[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = mr[col];
            mr[col] = mr[pivot];
            mr[pivot] = t;
            t = mi[col];
            mi[col] = mi[pivot];
            mi[pivot] = t;
            double pr = mr[col][col];
            double pi = mi[col][col];
            double p2 = abs2(pr, pi);
            for (int r = col + 1; r < k; r++) {
                // factor = m[r][col] / pivot
                double fr = (mr[r][col] * pr + mi[r][col] * pi) / p2;
                double fi = (mi[r][col] * pr - mr[r][col] * pi) / p2;
                for (int c = col; c <= k; c++) {
                    double xr = mr[col][c];
                    double xi = mi[col][c];
                    mr[r][c] -= fr * xr - fi * xi;
                    mi[r][c] -= fr * xi + fi * xr;
                }
            }
        }
        double[] gr = new double[k];
        double[] gi = new double[k];
        for (int r = k - 1; r >= 0; r--) {
            double sr = mr[r][k];
            double si = mi[r][k];
            for (int c = r + 1; c < k; c++) {
                sr -= mr[r][c] * gr[c] - mi[r][c] * gi[c];
                si -= mr[r][c] * gi[c] + mi[r][c] * gr[c];
            }
            double pr = mr[r][r];
            double pi = mi[r][r];
            double p2 = abs2(pr, pi);
            gr[r] = (sr * pr + si * pi) / p2;
            gi[r] = (si * pr - sr * pi) / p2;
        }
        return new double[][] {gr, gi};
    }

    private static double abs2(double re, double im) {
        return re * re + im * im;
    }
}
