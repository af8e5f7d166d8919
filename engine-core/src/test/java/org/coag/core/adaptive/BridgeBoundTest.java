package org.coag.core.adaptive;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The screen of the adaptive scheme on cases with known answers, and the candidate test's promise. */
class BridgeBoundTest {
    @Test
    void knownCases() {
        double rho = 1;
        double threshold = 13.8;
        assertFalse(BridgeBound.safe(new double[] {-2, 0.5, 0}, new double[] {2, 0.5, 0}, 3, rho, threshold),
                "a segment through the ball is never safe");
        assertFalse(BridgeBound.safe(new double[] {0.5, 0, 0}, new double[] {5, 0, 0}, 3, rho, threshold), "an end inside the ball");
        double far = rho + Math.sqrt(threshold) * 1.001;
        assertTrue(BridgeBound.safe(new double[] {far, 0, 0}, new double[] {far, 0, 0}, 3, rho, threshold),
                "(a.e - rho)(b.e - rho) just above D T ln(1/tol)");
        double near = rho + Math.sqrt(threshold) * 0.999;
        assertFalse(BridgeBound.safe(new double[] {near, 0, 0}, new double[] {near, 0, 0}, 3, rho, threshold), "just below");
        assertTrue(BridgeBound.safe(new double[] {0, far, 0}, new double[] {0, 0, far}, 3, rho, 0.25 * threshold),
                "the closest point of the segment, not an end, sets the plane");
    }

    /** Whenever the candidate test rejects a pair, the screen over the whole interval accepts it (200000 random segments). */
    @Test
    void aRejectedCandidateIsAlwaysSafe() {
        SplittableRandom r = new SplittableRandom(11);
        int rejected = 0;
        for (int t = 0; t < 200_000; t++) {
            double rho = 0.01 + r.nextDouble();
            double threshold = r.nextDouble() * 4;
            double[] si = point(r, 6);
            double[] ei = point(r, 6);
            double[] sj = point(r, 6);
            double[] ej = point(r, 6);
            double[] a = new double[3];
            double[] b = new double[3];
            double d2 = 0;
            double li = 0;
            double lj = 0;
            for (int c = 0; c < 3; c++) {
                a[c] = si[c] - sj[c];
                b[c] = ei[c] - ej[c];
                double m = 0.5 * (si[c] + ei[c]) - 0.5 * (sj[c] + ej[c]);
                d2 += m * m;
                li += (ei[c] - si[c]) * (ei[c] - si[c]);
                lj += (ej[c] - sj[c]) * (ej[c] - sj[c]);
            }
            if (!BridgeBound.candidate(d2, rho, Math.sqrt(threshold), 0.5 * Math.sqrt(li), 0.5 * Math.sqrt(lj))) {
                rejected++;
                assertTrue(BridgeBound.safe(a, b, 3, rho, threshold), "case " + t);
            }
        }
        assertTrue(rejected > 10_000, "enough rejected cases: " + rejected);
    }

    private static double[] point(SplittableRandom r, double scale) {
        return new double[] {scale * (r.nextDouble() - 0.5), scale * (r.nextDouble() - 0.5), scale * (r.nextDouble() - 0.5)};
    }
}
