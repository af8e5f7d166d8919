package org.coag.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;
import org.coag.core.model.ModelException;
import org.junit.jupiter.api.Test;

/**
 * The limit of a fragmentation study against closed forms computed here, not by the ODE code: with two masses
 * (theory.masses = 2) and f*_n = a the ODE is the Riccati equation f_1' = -beta f_1^2 + G f_2, f_2 = (rho - f_1) / 2,
 * with G = beta a for the corrected split kernel and G = naive a for the bare one; beta from the Doi kernel's closed
 * form in d = 3; at late time the many-mass ODE reaches the dual rule's equilibrium a theta^n.
 */
class FragmentationStudyTest {
    private static final double Z = 20.0;
    private static final double A = 10.0;

    private static RunConfig config(int masses, double tEnd) {
        return ConfigReader.read(String.join("\n", "[model]", "dim = 3", "particles = 1000", "Z = " + Z, "[model.fragmentation]",
                "rule = \"dual\"", "equilibrium = { type = \"constant\", value = " + A + " }", "[time]", "dt_over_eps2 = 0.01",
                "t_end = " + tEnd, "[theory]", "masses = " + masses, "[study]", "particles = [500, 1000]"), List.of());
    }

    /** f_1(t) of the two-mass ODE from f_1(0) = rho: the Riccati solution through the roots of beta x^2 + G x / 2 - G rho / 2. */
    private static double twoMass(double beta, double g, double rho, double t) {
        double disc = Math.sqrt(g * g / 4 + 2 * beta * g * rho);
        double plus = (-g / 2 + disc) / (2 * beta);
        double minus = (-g / 2 - disc) / (2 * beta);
        double c = (rho - plus) / (rho - minus) * Math.exp(-beta * (plus - minus) * t);
        return (plus - minus * c) / (1 - c);
    }

    @Test
    void twoMassesFollowTheRiccatiClosedForm() {
        double[] times = {0, 0.005, 0.01, 0.03, 0.1};
        StudyTheoryData t = FragmentationStudy.theory(config(2, 0.1), "k", times);
        double k = Math.sqrt(0.5);
        double beta = 4 * Math.PI * 2 * (1 - Math.tanh(k) / k);
        double naive = 4 * Math.PI / 3;
        assertEquals(beta, t.beta11(), 1e-9 * beta, "Doi kernel, d = 3, alpha = 1, D = 2: 4 pi D (1 - tanh(k) / k), k = sqrt(alpha / D)");
        assertEquals(naive, t.naive11(), 1e-12);
        for (int j = 0; j < times.length; j++) {
            assertEquals(twoMass(beta, beta * A, Z, times[j]), t.totals()[j][0], 1e-7 * Z, "corrected G = beta a, t = " + times[j]);
            assertEquals((Z - t.totals()[j][0]) / 2, t.totals()[j][1], 1e-7 * Z, "the mass is conserved");
            assertEquals(twoMass(naive, naive * A, Z, times[j]), t.naiveTotals()[j][0], 1e-7 * Z, "naive beta, bare G = naive a");
        }
        assertTrue(Math.abs(t.totals()[2][0] - t.naiveTotals()[2][0]) > 0.1, "the two ODEs differ on the way");
    }

    @Test
    void manyMassesReachTheDualEquilibrium() {
        RunConfig cfg = config(24, 0.5);
        StudyTheoryData t = FragmentationStudy.theory(cfg, "k", new double[] {0, 0.5});
        double[] eq = FragmentationStudy.equilibriumTotals(cfg, t);
        double theta = 0.5;
        for (int n = 1; n <= 6; n++) {
            double closed = A * Math.pow(theta, n);
            assertEquals(closed, eq[n - 1], 1e-5 * closed, "a theta / (1 - theta)^2 = Z gives theta = 1/2 (up to the cut at M = 24)");
            assertEquals(eq[n - 1], t.totals()[1][n - 1], 1e-4 * eq[n - 1], "mass " + n + " at t = 0.5, about 20 relaxation times");
            assertEquals(eq[n - 1], t.naiveTotals()[1][n - 1], 1e-4 * eq[n - 1], "the naive ODE has the same equilibrium");
        }
    }

    @Test
    void needsATorusWithAUniformStart() {
        RunConfig free = ConfigReader.read(String.join("\n", "[model]", "dim = 3", "particles = 1000", "Z = " + Z,
                "[model.fragmentation]", "rule = \"dual\"", "equilibrium = { type = \"constant\", value = " + A + " }",
                "[domain]", "type = \"free\"", "side = 2.0", "[initial]", "type = \"gaussian\"", "sigma = 0.1", "[time]",
                "dt_over_eps2 = 0.01", "t_end = 0.01"), List.of());
        ModelException e = assertThrows(ModelException.class, () -> FragmentationStudy.check(free));
        assertTrue(e.getMessage().contains("needs a torus and a uniform start"), e.getMessage());
    }
}
