package org.coag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The regression test of {@code coag bench compare} on synthetic samples with fixed seeds. Samples
 * are lognormal with 3 % spread (the JMH iterations of one quiet run here spread 1-3 %). With 10
 * samples a side, a planted 20 % slowdown gives one-sided p near 1e-5 against the 10 % threshold;
 * for equal distributions, p below 0.01 against the shifted baseline would need the two samples'
 * medians to differ by about 10 %, which 3 % noise gives with odds far below 1e-9.
 */
class SlowdownCheckTest {
    private static double[] samples(long seed, int n, double median, double spread) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double u1 = r.nextDouble();
            double u2 = r.nextDouble();
            double z = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
            v[i] = median * Math.exp(spread * z);
        }
        return v;
    }

    @Test
    void plantedTwentyPercentSlowdownIsFlagged() {
        double[] base = samples(1, 10, 4.0e7, 0.03);
        double[] slow = samples(2, 10, 0.8 * 4.0e7, 0.03);
        SlowdownCheck.Verdict v = SlowdownCheck.test(base, slow, true, 0.10, 0.01);
        System.out.printf("planted 20%% slowdown (throughput): ratio %.3f, p %.2g%n", v.ratio(), v.p());
        assertTrue(v.regression(), "p = " + v.p());
        assertEquals(0.8, v.ratio(), 0.04);
    }

    @Test
    void plantedSlowdownInTimesPerOperationIsFlagged() {
        double[] base = samples(3, 5, 20.1, 0.02);
        double[] slow = samples(4, 5, 20.1 / 0.8, 0.02);
        SlowdownCheck.Verdict v = SlowdownCheck.test(base, slow, false, 0.10, 0.01);
        System.out.printf("planted 20%% slowdown (s/op, 5 samples a side): ratio %.3f, p %.2g%n", v.ratio(), v.p());
        assertTrue(v.regression(), "p = " + v.p());
    }

    @Test
    void sameDistributionIsNotFlagged() {
        for (long seed = 10; seed < 30; seed += 2) {
            SlowdownCheck.Verdict v = SlowdownCheck.test(samples(seed, 10, 4.0e7, 0.03), samples(seed + 1, 10, 4.0e7, 0.03), true, 0.10, 0.01);
            assertFalse(v.regression(), "seed " + seed + ": p = " + v.p());
        }
    }

    @Test
    void aSlowdownWithinTheThresholdIsNotARegression() {
        SlowdownCheck.Verdict v = SlowdownCheck.test(samples(5, 10, 1.0, 0.01), samples(6, 10, 0.95, 0.01), true, 0.10, 0.01);
        assertFalse(v.regression(), "a clear 5 % slowdown passes a 10 % threshold: p = " + v.p());
        SlowdownCheck.Verdict tight = SlowdownCheck.test(samples(5, 10, 1.0, 0.01), samples(6, 10, 0.95, 0.01), true, 0.02, 0.01);
        assertTrue(tight.regression(), "and fails a 2 % one: p = " + tight.p());
    }

    @Test
    void fasterIsNeverARegressionAndTooFewSamplesAreUntested() {
        assertFalse(SlowdownCheck.test(samples(7, 10, 1.0, 0.03), samples(8, 10, 1.5, 0.03), true, 0.0, 0.01).regression());
        SlowdownCheck.Verdict few = SlowdownCheck.test(new double[] {1, 1.01}, new double[] {0.5, 0.51}, true, 0.1, 0.01);
        assertFalse(few.tested());
        assertFalse(few.regression());
    }
}
