package org.coag.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BiFunction;
import org.coag.core.model.Mode;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * The ODE (2.1) against its classical exact solutions from f_1(0) = 1 (monodisperse). Truncations M
 * are chosen so that the exact mass beyond M is below 1e-20 at the times compared; masses n &lt;= M/2
 * with f_n &gt; 1e-12 are compared (smaller ones sit below the absolute tolerance of 1e-24 per step).
 */
class SmoluchowskiOdeTest {
    private static final double REL_TOL = 1e-12;
    private static final double ABS_TOL = 1e-24;

    /** K = k: f_n = tau^(n-1) / (1 + tau)^(n+1), tau = k t / 2. */
    @Test
    void constantKernel() {
        double k = 2;
        check(CoagulationKernel.constant(k), 400, new double[] {0.1, 1, 5}, (n, t) -> {
            double tau = k * t / 2;
            return Math.exp((n - 1) * Math.log(tau) - (n + 1) * Math.log1p(tau));
        });
    }

    /** K = n + m: f_n = (1 - tau) (n tau)^(n-1) e^(-n tau) / n!, tau = 1 - e^(-t). */
    @Test
    void additiveKernel() {
        check(CoagulationKernel.additive(1), 500, new double[] {0.1, 0.5, 1}, (n, t) -> {
            double tau = -Math.expm1(-t);
            return Math.exp(Math.log1p(-tau) + (n - 1) * Math.log(n * tau) - n * tau - Gamma.logGamma(n + 1));
        });
    }

    /** K = n m, before gelation (t &lt; 1): f_n = n^(n-3) t^(n-1) e^(-n t) / (n-1)!. */
    @Test
    void multiplicativeKernelBeforeGelation() {
        check(CoagulationKernel.multiplicative(1), 1200, new double[] {0.3, 0.6, 0.8}, (n, t) ->
                Math.exp((n - 3) * Math.log(n) + (n - 1) * Math.log(t) - n * t - Gamma.logGamma(n)));
    }

    /** After t = 1 the multiplicative kernel gels: mass leaves through the truncation, and is counted. */
    @Test
    void gelationShowsAsMassLeavingThroughTheTruncation() {
        SmoluchowskiOde ode = new SmoluchowskiOde(CoagulationKernel.multiplicative(1), 200, Mode.COAGULATION);
        SmoluchowskiOde.Solution s = ode.solve(new double[] {1}, new double[] {0.5, 2, 4}, REL_TOL, ABS_TOL, null);
        for (int k = 0; k < 3; k++) {
            System.out.printf("multiplicative M=200 t=%.1f: sol mass %.6f, lost %.6f, sum %.15f%n",
                    s.times()[k], s.mass(k), s.lost()[k], s.mass(k) + s.lost()[k]);
            assertEquals(1, s.mass(k) + s.lost()[k], 1e-12);
        }
        assertTrue(s.lost()[0] < 1e-12, "no gel before t = 1");
        assertTrue(s.lost()[2] > 0.5, "most mass is in the gel by t = 4");
    }

    /** Annihilation with one mass: f' = -beta f^2, f = f0 / (1 + beta f0 t) (MODEL.md section 3). */
    @Test
    void annihilationOfOneMass() {
        SmoluchowskiOde ode = new SmoluchowskiOde(CoagulationKernel.constant(6), 1, Mode.ANNIHILATION);
        SmoluchowskiOde.Solution s = ode.solve(new double[] {0.5}, new double[] {0.1, 1, 10}, REL_TOL, ABS_TOL, null);
        for (int k = 0; k < 3; k++) {
            double exact = 0.5 / (1 + 6 * 0.5 * s.times()[k]);
            assertEquals(exact, s.densities()[k][0], 1e-10 * exact);
        }
    }

    private static void check(CoagulationKernel kernel, int maxMass, double[] times, BiFunction<Integer, Double, Double> exact) {
        SmoluchowskiOde ode = new SmoluchowskiOde(kernel, maxMass, Mode.COAGULATION);
        SmoluchowskiOde.Solution s = ode.solve(new double[] {1}, times, REL_TOL, ABS_TOL, null);
        for (int k = 0; k < times.length; k++) {
            double worst = 0;
            int compared = 0;
            for (int n = 1; n <= maxMass / 2; n++) {
                double e = exact.apply(n, times[k]);
                if (e > 1e-12) {
                    worst = Math.max(worst, Math.abs(s.densities()[k][n - 1] / e - 1));
                    compared++;
                }
            }
            double drift = Math.abs(s.mass(k) + s.lost()[k] - 1);
            System.out.printf("%s M=%d t=%.2f: %d masses, worst relative error %.2e, mass drift %.1e, lost %.1e (%d evaluations)%n",
                    kernel.describe(), maxMass, times[k], compared, worst, drift, s.lost()[k], s.evaluations());
            assertTrue(worst <= 1e-8, "worst relative error " + worst + " at t = " + times[k]);
            assertTrue(drift <= 1e-12, "mass drift " + drift);
            assertTrue(Math.abs(s.mass(k) - 1) <= 1e-12, "no mass through the truncation before gelation");
        }
    }
}
