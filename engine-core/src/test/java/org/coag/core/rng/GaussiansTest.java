package org.coag.core.rng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GaussiansTest {
    /**
     * Standard normal quantiles from tables (Abramowitz and Stegun 26.2, and Wichura 1988, table 1),
     * one per branch of AS241: central (|p - 1/2| <= 0.425), tail r <= 5, far tail r > 5.
     */
    @Test
    void quantilesMatchTables() {
        assertEquals(0.0, Gaussians.inverseCdf(0.5), 0.0);
        assertEquals(1.2815515655446004, Gaussians.inverseCdf(0.9), 1e-15);
        assertEquals(-0.6744897501960817, Gaussians.inverseCdf(0.25), 1e-15);
        assertEquals(1.959963984540054, Gaussians.inverseCdf(0.975), 1e-14);
        assertEquals(3.090232306167813, Gaussians.inverseCdf(0.999), 1e-14);
        assertEquals(-3.719016485455709, Gaussians.inverseCdf(1e-4), 1e-13);
        assertEquals(-5.997807015007686, Gaussians.inverseCdf(1e-9), 1e-12);
        assertEquals(-7.941345326170997, Gaussians.inverseCdf(1e-15), 1e-12);
        for (double p = 0.001; p < 1; p += 0.001) {
            assertEquals(-Gaussians.inverseCdf(p), Gaussians.inverseCdf(1 - p), 1e-13, "symmetry at " + p);
        }
    }

    /**
     * Moments of 4e6 normals from the engine's stream (MOVE, fixed seed). Standard errors: mean
     * 5e-4, variance sqrt(2/n) = 7.1e-4, third moment sqrt(15/n) = 1.94e-3, fourth moment sqrt(96/n) = 4.9e-3
     * (n = 4e6; E z^6 = 15, E z^8 = 105); each bound is 5 standard
     * errors, so the chance that a correct generator fails any of them is below 3e-6.
     * Tails: P(|z| > 3) = 2.6998e-3, expected count 10799, sd 104; the bound 6 sd gives odds below 2e-9.
     */
    @Test
    void momentsAndTailsOfTheEngineStream() {
        CounterRng rng = new CounterRng(20261124L);
        double[] z = new double[2];
        int n = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        long tail = 0;
        double max = 0;
        for (int id = 0; id < 2_000_000; id++) {
            rng.normals(Purpose.MOVE, 3, id, 2, z);
            for (double v : z) {
                s1 += v;
                s2 += v * v;
                s3 += v * v * v;
                s4 += v * v * v * v;
                tail += Math.abs(v) > 3 ? 1 : 0;
                max = Math.max(max, Math.abs(v));
                n++;
            }
        }
        assertEquals(0, s1 / n, 5 * 5e-4);
        assertEquals(1, s2 / n, 5 * 7.1e-4);
        assertEquals(0, s3 / n, 5 * 1.94e-3);
        assertEquals(3, s4 / n, 5 * 4.9e-3);
        assertEquals(2.6998e-3 * n, tail, 6 * 104);
        assertTrue(max < 8.3, "no normal beyond the range of the 53-bit uniforms");
    }
}
