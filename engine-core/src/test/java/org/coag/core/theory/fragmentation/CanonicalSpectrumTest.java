package org.coag.core.theory.fragmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The conditioned Poisson spectrum against brute-force enumeration and its grand-canonical limit. */
class CanonicalSpectrumTest {
    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    /** All count vectors N_1..N_M with sum k N_k = M. */
    private static void partitions(int remaining, int largest, int[] counts, List<int[]> out) {
        if (remaining == 0) {
            out.add(counts.clone());
            return;
        }
        for (int k = Math.min(largest, remaining); k >= 1; k--) {
            counts[k - 1]++;
            partitions(remaining - k, k, counts, out);
            counts[k - 1]--;
        }
    }

    @Test
    void matchesEnumerationOfSmallSystems() {
        double[] mu = {2.0, 0.7, 1.3, 0.2, 0.9, 0.05, 0.4};
        for (int total = 1; total <= mu.length; total++) {
            List<int[]> all = new ArrayList<>();
            partitions(total, total, new int[total], all);
            double norm = 0;
            double[] sums = new double[total];
            for (int[] c : all) {
                double w = 1;
                for (int k = 1; k <= total; k++) {
                    w *= Math.pow(mu[k - 1], c[k - 1]) / factorial(c[k - 1]);
                }
                norm += w;
                for (int k = 1; k <= total; k++) {
                    sums[k - 1] += w * c[k - 1];
                }
            }
            double[] exact = CanonicalSpectrum.meanCounts(n -> mu[n - 1], total, total);
            for (int k = 1; k <= total; k++) {
                assertEquals(sums[k - 1] / norm, exact[k - 1], 1e-12 * (1 + sums[k - 1] / norm), "M = " + total + ", k = " + k);
            }
        }
    }

    /** M = 20000 with mu_k = 10000 (any theta): within 1e-3 of 10000 theta^k, theta from the mass. */
    @Test
    void approachesTheGrandCanonicalSpectrum() {
        int total = 20000;
        double[] counts = CanonicalSpectrum.meanCounts(n -> 10000.0, total, 6);
        double[] grand = CoagFragEquilibrium.ofFamily(n -> 10000.0, 2000, total);
        for (int k = 1; k <= 6; k++) {
            assertEquals(1.0, counts[k - 1] / grand[k - 1], 1e-3, "k = " + k);
        }
    }
}
