package org.coag.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The weak-error exponent: fitted with an error from three or more N, a labelled two-point slope from two, none from one. */
class PowerLawFitTest {
    @Test
    void anExactPowerLawIsFittedWithNoScatter() {
        long[] n = {1000, 3000, 10000, 30000};
        double[] e = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            e[i] = 2.0 * Math.pow(n[i], -0.5);
        }
        PowerLawFit f = PowerLawFit.of(n, e);
        assertTrue(f.fitted());
        assertEquals(-0.5, f.exponent(), 1e-12);
        assertEquals(0, f.se(), 1e-12);
        assertEquals("N^-0.50 +- 0.00 (4 N)", f.describe());
    }

    /**
     * Three points at log10 N = 3, 4, 5 with log10 error -3 + {0, -0.5 + d, -1}: the line's slope is
     * -0.5 in log10 units whatever d is (the middle point does not move it), the residuals are
     * d/3, -2d/3, d/3 (in log10), so the slope's standard error is sqrt((6 d^2 / 9) / 1 / 2) in
     * log10 units over log10 units, the same in natural logs.
     */
    @Test
    void scatterAboutTheLineGivesTheTextbookError() {
        double d = 0.1;
        long[] n = {1000, 10000, 100000};
        double[] e = {1e-3, Math.pow(10, -3.5 + d), 1e-4};
        PowerLawFit f = PowerLawFit.of(n, e);
        assertEquals(-0.5, f.exponent(), 1e-12);
        assertEquals(Math.sqrt(6 * d * d / 9 / 2), f.se(), 1e-12);
    }

    @Test
    void twoNGiveALabelledTwoPointSlopeAndOneNNone() {
        PowerLawFit two = PowerLawFit.of(new long[] {2000, 4000}, new double[] {1e-4, 8e-4});
        assertFalse(two.fitted());
        assertEquals(3.0, two.exponent(), 1e-12);
        assertTrue(Double.isNaN(two.se()));
        assertEquals("N^3.00 (two-point slope, not a fit)", two.describe());
        PowerLawFit one = PowerLawFit.of(new long[] {2000}, new double[] {1e-4});
        assertEquals("n/a (one N)", one.describe());
        assertEquals("n/a (an error of 0)", PowerLawFit.of(new long[] {2000, 4000, 8000}, new double[] {1e-4, 0, 1e-5}).describe());
    }
}
