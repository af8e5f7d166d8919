package org.coag.core.theory.lattice;

/**
 * The discrete-time return series u = sum_{n &gt;= 0} P(S_2n = 0) of the simple random walk on Z^4, from
 * binomial coefficients alone: a step moves in the coordinate pair (1, 2) or (3, 4) with probability 1/2
 * each, and in Z^2 P(S_2j = 0) = (C(2j, j) / 4^j)^2 (the rotated coordinates x + y, x - y are two
 * independent one-dimensional walks). So P_4(S_2n = 0) = sum_j C(2n, 2j) 4^-n P_2(2j) P_2(2n - 2j).
 * Partial sums S_N = u - c1/N - c2/N^2 - ... (the terms fall like n^-2 with a series in 1/n), so
 * Richardson extrapolation over N, 2N, 4N, 8N removes three orders.
 */
final class ReturnSeries {
    private ReturnSeries() {
    }

    /**
     * @param n0 the smallest partial sum's length
     * @return the extrapolated u for Z^4
     */
    static double fourDimensional(int n0) {
        int nMax = 8 * n0;
        double[] central = new double[nMax + 1];
        central[0] = 1;
        for (int j = 1; j <= nMax; j++) {
            central[j] = central[j - 1] * (2.0 * j - 1) / (2.0 * j);
        }
        double[] partial = new double[4];
        double sum = 0;
        double[] weights = new double[2 * nMax + 1];
        for (int n = 0; n <= nMax; n++) {
            binomialHalf(2 * n, central[n], weights);
            double p = 0;
            for (int j = 0; j <= n; j++) {
                double a = central[j] * central[j];
                double b = central[n - j] * central[n - j];
                p += weights[2 * j] * a * b;
            }
            sum += p;
            for (int k = 0; k < 4; k++) {
                if (n == n0 << k) {
                    partial[k] = sum;
                }
            }
        }
        double[] r = partial.clone();
        for (int level = 1; level < 4; level++) {
            double factor = 1 << level;
            for (int k = 0; k + level < 4; k++) {
                r[k] = (factor * r[k + 1] - r[k]) / (factor - 1);
            }
        }
        return r[0];
    }

    /** Binomial(m, 1/2) probabilities, m even, from the central one outwards by the ratio of neighbours. */
    private static void binomialHalf(int m, double centralValue, double[] out) {
        int mid = m / 2;
        out[mid] = centralValue;
        for (int k = mid; k < m; k++) {
            out[k + 1] = out[k] * (m - k) / (k + 1.0);
        }
        for (int k = mid; k > 0; k--) {
            out[k - 1] = out[k] * k / (m - k + 1.0);
        }
    }
}
