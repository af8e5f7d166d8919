package org.coag.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.coag.core.adaptive.BridgeBound;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorPairScreens} decides as {@link BridgeBound#safe} on every interval: random relative
 * positions at scales from far inside the range to far beyond sqrt(D T ln(1/tol)), with D T tuned so
 * that the bound sits near the threshold (where the passage bracket defers to the logarithm and the
 * half-space bound matters), stationary pairs (b = a, the projection's t undefined), segments
 * through the ball, and batch sizes that leave lane tails.
 */
class VectorPairScreensTest {
    @Test
    void decisionsEqualTheScalarScreen() {
        SplittableRandom r = new SplittableRandom(3);
        double logInvTol = 11.5;
        int safeCount = 0;
        int n = 100_003;
        double[][] a = new double[3][n];
        double[][] b = new double[3][n];
        double[] rho = new double[n];
        double[] dt = new double[n];
        for (int i = 0; i < n; i++) {
            double scale = Math.pow(10, -6 + 5 * r.nextDouble());
            rho[i] = scale * Math.pow(10, -3 + 3 * r.nextDouble());
            for (int k = 0; k < 3; k++) {
                a[k][i] = scale * (2 * r.nextDouble() - 1);
                b[k][i] = i % 7 == 0 ? a[k][i] : i % 11 == 0 ? -a[k][i] : scale * (2 * r.nextDouble() - 1);
            }
            double ra = Math.sqrt(a[0][i] * a[0][i] + a[1][i] * a[1][i] + a[2][i] * a[2][i]);
            dt[i] = ra * ra / logInvTol * Math.pow(10, -1 + 2 * r.nextDouble());
        }
        boolean[] got = new boolean[n];
        new VectorPairScreens().screen(n, 3, a, b, rho, dt, logInvTol, got);
        for (int i = 0; i < n; i++) {
            boolean want = BridgeBound.safe(new double[] {a[0][i], a[1][i], a[2][i]}, new double[] {b[0][i], b[1][i], b[2][i]}, 3,
                    rho[i], dt[i], logInvTol);
            assertEquals(want, got[i], "interval " + i);
            safeCount += want ? 1 : 0;
        }
        assertTrue(safeCount > n / 10 && safeCount < n * 9 / 10, "both decisions well represented: " + safeCount + " safe of " + n);
    }
}
