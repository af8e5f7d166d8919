package org.coag.cli;

import java.util.Arrays;
import org.hipparchus.stat.inference.MannWhitneyUTest;

/**
 * Whether a benchmark got slower than its baseline by more than a threshold, beyond the noise of
 * its raw samples: a one-sided Mann-Whitney U test (Hipparchus; exact for small samples) of the
 * hypothesis that the current speeds are stochastically smaller than the baseline speeds scaled by
 * (1 - threshold). Speeds are the samples themselves for throughputs and their reciprocals for times
 * per operation. Ranks make it robust to the odd disturbed iteration; a shift by the threshold makes
 * a real but small change (or a consistent slowdown smaller than the threshold) pass.
 *
 * <p>The estimate shown beside the verdict is the Hodges-Lehmann ratio: exp of the median of all
 * log(current / baseline) over sample pairs (1 = unchanged, 0.8 = 20 % slower).
 */
final class SlowdownCheck {
    /** Fewer samples per side than this cannot be tested (a one-sided exact p is then above 0.05). */
    static final int MIN_SAMPLES = 3;

    private SlowdownCheck() {
    }

    /**
     * @param ratio Hodges-Lehmann estimate of current / baseline speed
     * @param p one-sided p-value of "slower by more than the threshold" (NaN when untestable)
     * @param regression whether p is below alpha
     */
    record Verdict(double ratio, double p, boolean regression) {
        boolean tested() {
            return !Double.isNaN(p);
        }
    }

    /**
     * @param baseline baseline samples
     * @param current current samples
     * @param higherIsBetter throughput (true) or time per operation (false)
     * @param threshold tolerated slowdown, a fraction (0.1 = 10 %)
     * @param alpha significance level of the one-sided test
     * @return the verdict
     */
    static Verdict test(double[] baseline, double[] current, boolean higherIsBetter, double threshold, double alpha) {
        double[] b = speeds(baseline, higherIsBetter);
        double[] c = speeds(current, higherIsBetter);
        double ratio = hodgesLehmannRatio(b, c);
        if (b.length < MIN_SAMPLES || c.length < MIN_SAMPLES) {
            return new Verdict(ratio, Double.NaN, false);
        }
        double[] shifted = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            shifted[i] = b[i] * (1 - threshold);
        }
        double twoSided = new MannWhitneyUTest().mannWhitneyUTest(shifted, c, b.length * c.length < 400);
        double p = currentBelow(shifted, c) ? twoSided / 2 : 1 - twoSided / 2;
        return new Verdict(ratio, p, p < alpha);
    }

    private static double[] speeds(double[] v, boolean higherIsBetter) {
        double[] s = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = higherIsBetter ? v[i] : 1 / v[i];
        }
        return s;
    }

    /** U of the pairs with the current sample below the shifted baseline, against its null mean. */
    private static boolean currentBelow(double[] shifted, double[] c) {
        double u = 0;
        for (double x : shifted) {
            for (double y : c) {
                u += y < x ? 1 : y == x ? 0.5 : 0;
            }
        }
        return u > 0.5 * shifted.length * c.length;
    }

    static double hodgesLehmannRatio(double[] b, double[] c) {
        if (b.length == 0 || c.length == 0) {
            return Double.NaN;
        }
        double[] d = new double[b.length * c.length];
        int k = 0;
        for (double x : b) {
            for (double y : c) {
                d[k++] = Math.log(y / x);
            }
        }
        Arrays.sort(d);
        int m = d.length / 2;
        return Math.exp(d.length % 2 == 1 ? d[m] : 0.5 * (d[m - 1] + d[m]));
    }
}
