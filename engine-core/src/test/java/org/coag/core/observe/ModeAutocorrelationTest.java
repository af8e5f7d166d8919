package org.coag.core.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pooled autocorrelation estimator and its jackknife error, by hand and on a process with a known autocorrelation. */
class ModeAutocorrelationTest {
    /**
     * re = 1, 2, 3, 4 (im = 0), two blocks {0, 1}, {2, 3}: C(1) = (2 + 6 + 12) / 3 / (30 / 4) = 8/9;
     * leaving out block 0 gives (12 / 1) / (25 / 2) = 0.96, block 1 (8 / 2) / (5 / 2) = 1.6, so the
     * error is sqrt(1/2 (0.32^2 + 0.32^2)) = 0.32.
     */
    @Test
    void handComputedSeries() {
        ModeAutocorrelation c = ModeAutocorrelation.of(new double[][] {{1, 2, 3, 4}}, new double[][] {{0, 0, 0, 0}}, 1, 2);
        assertEquals(1.0, c.values()[0], 1e-15);
        assertEquals(8.0 / 9, c.values()[1], 1e-15);
        assertEquals(0.32, c.errors()[1], 1e-14);
    }

    /** z(i) = exp(i w i): Re(z(i) conj z(i + l)) = cos(w l) at every i, so C(l) = cos(w l) with no spread. */
    @Test
    void rotatingPhaseGivesTheCosine() {
        int n = 400;
        double w = 0.3;
        double[][] re = new double[2][n];
        double[][] im = new double[2][n];
        for (int i = 0; i < n; i++) {
            re[0][i] = Math.cos(w * i);
            im[0][i] = Math.sin(w * i);
            re[1][i] = 2 * Math.cos(w * i + 1);
            im[1][i] = 2 * Math.sin(w * i + 1);
        }
        ModeAutocorrelation c = ModeAutocorrelation.of(re, im, 10, 8);
        for (int l = 0; l <= 10; l++) {
            assertEquals(Math.cos(w * l), c.values()[l], 1e-12);
            assertEquals(0, c.errors()[l], 1e-12);
        }
    }

    /** A complex AR(1) series z(i+1) = a z(i) + noise has C(l) = a^l: within 4 jackknife errors at lags 1..8. */
    @Test
    void autoregressiveSeriesWithinItsErrors() {
        Random random = new Random(12345);
        double a = 0.9;
        int n = 20000;
        double[][] re = new double[3][n];
        double[][] im = new double[3][n];
        for (int j = 0; j < 3; j++) {
            double x = random.nextGaussian() / Math.sqrt(1 - a * a);
            double y = random.nextGaussian() / Math.sqrt(1 - a * a);
            for (int i = 0; i < n; i++) {
                re[j][i] = x;
                im[j][i] = y;
                x = a * x + random.nextGaussian();
                y = a * y + random.nextGaussian();
            }
        }
        ModeAutocorrelation c = ModeAutocorrelation.of(re, im, 8, 10);
        for (int l = 1; l <= 8; l++) {
            assertTrue(c.errors()[l] > 0 && c.errors()[l] < 0.05, "error " + c.errors()[l]);
            assertEquals(Math.pow(a, l), c.values()[l], 4 * c.errors()[l], "lag " + l);
        }
    }

    @Test
    void refusesTooFewSamples() {
        assertThrows(IllegalArgumentException.class, () -> ModeAutocorrelation.of(new double[][] {{1, 2, 3}}, new double[][] {{0, 0, 0}}, 2, 2));
    }
}
