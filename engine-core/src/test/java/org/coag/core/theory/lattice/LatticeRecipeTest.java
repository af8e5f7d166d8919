package org.coag.core.theory.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.coag.core.model.ModelException;
import org.junit.jupiter.api.Test;

/** The lattice recipe beta = kappa / (1 + kappa G_d / D), checked without simulating. */
class LatticeRecipeTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    /**
     * The pair problem on boxes of radius R = 4, 8, 16 (no Green's function used): the flux exceeds beta by
     * O(R^(2-d)) (the box's Green's function misses the time spent after leaving it), so the excess halves with R
     * in d = 3 (quarters in d = 4) and the Richardson value closes in on beta, its error shrinking by 2.5 or more.
     */
    @Test
    void boxFluxConvergesToTheRecipeInThreeDimensions() {
        for (double kappa : new double[] {0.5, 5, INF}) {
            checkBox(3, kappa, new int[] {4, 8, 16}, 1.5e-3);
        }
    }

    @Test
    void boxFluxConvergesToTheRecipeInFourDimensions() {
        checkBox(4, INF, new int[] {2, 4, 8}, 2e-3);
    }

    /** The Smoluchowski-regime rate and the Kingman time scale are one quantity: L^d / E_pi T on T_64^3. */
    @Test
    void torusMeetingTimeGivesTheSameRate() {
        for (double kappa : new double[] {0.5, INF}) {
            double torus = Math.pow(64, 3) / TorusMeeting.of(3, 64, 2, kappa).spectralFromStationary();
            double beta = LatticeRecipe.rate(3, kappa, 2);
            assertEquals(beta, torus, 0.02 * beta, "kappa = " + kappa);
        }
    }

    /** kappa = infinity is the escape-rate form D / G_d = D (1 - F_d), the limit of large kappa; small kappa is naive. */
    @Test
    void limitsAreTheEscapeRateAndTheNaiveRate() {
        for (int d = 3; d <= 4; d++) {
            double escape = 2 * LatticeGreen.escapeProbability(d);
            assertEquals(escape, LatticeRecipe.rate(d, INF, 2), 1e-15);
            assertEquals(escape, LatticeRecipe.rate(d, 1e9, 2), 1e-8 * escape);
            double kappa = 1e-6;
            assertEquals(LatticeRecipe.naive(kappa), LatticeRecipe.rate(d, kappa, 2), 1e-6 * kappa);
            assertEquals(0, LatticeRecipe.contactCorrelation(d, INF, 2));
            assertEquals(LatticeRecipe.rate(d, 3, 2) / 3, LatticeRecipe.contactCorrelation(d, 3, 2), 1e-15);
        }
        assertEquals(1.318925341, LatticeRecipe.rate(3, INF, 2), 1e-9, "2 / 1.516386059");
    }

    /**
     * Walkers of jump rates a, b enter only through D = a + b; running time c times faster (all rates times c)
     * multiplies beta by c.
     */
    @Test
    void ratesScaleWithThePairsJumpRate() {
        assertEquals(LatticeRecipe.rate(3, 2.5, 1.5), LatticeRecipe.rate(3, 2.5, 0.4, 1.1), 1e-15);
        double c = 3.7;
        assertEquals(c * LatticeRecipe.rate(3, 2.5, 1.5), LatticeRecipe.rate(3, c * 2.5, c * 1.5), 1e-13);
        assertThrows(ModelException.class, () -> LatticeRecipe.rate(3, 0, 2));
        assertThrows(ModelException.class, () -> LatticeRecipe.rate(2, 1, 2));
        assertThrows(ModelException.class, () -> LatticeRecipe.rate(3, 1, 0, 1));
    }

    /** n(t) solves n' = -c beta n^2 (c = 1/2 coagulation, 1 annihilation): centred difference against the right side. */
    @Test
    void meanFieldDensitySolvesTheConstantKernelOde() {
        double beta = 1.3;
        for (boolean annihilation : new boolean[] {false, true}) {
            double c = annihilation ? 1 : 0.5;
            double t = 2.0;
            double h = 1e-4;
            double n = LatticeRecipe.meanFieldDensity(0.8, beta, t, annihilation);
            double slope = (LatticeRecipe.meanFieldDensity(0.8, beta, t + h, annihilation)
                    - LatticeRecipe.meanFieldDensity(0.8, beta, t - h, annihilation)) / (2 * h);
            assertEquals(-c * beta * n * n, slope, 1e-7);
        }
    }

    private static void checkBox(int d, double kappa, int[] radii, double richardsonTolerance) {
        double beta = LatticeRecipe.rate(d, kappa, 2);
        double[] flux = new double[radii.length];
        for (int i = 0; i < radii.length; i++) {
            flux[i] = KilledBoxFlux.flux(d, radii[i], 2, kappa);
            assertTrue(flux[i] > beta, "the finite box holds the density up: more flux, R = " + radii[i]);
        }
        String where = "d = " + d + ", kappa = " + kappa + ", beta = " + beta + ", fluxes " + java.util.Arrays.toString(flux);
        double order = Math.pow(2, d - 2);
        double ratio = (flux[1] - beta) / (flux[2] - beta);
        assertTrue(ratio > 0.8 * order && ratio < 1.15 * order, where);
        double coarse = (order * flux[1] - flux[0]) / (order - 1) - beta;
        double fine = (order * flux[2] - flux[1]) / (order - 1) - beta;
        assertTrue(Math.abs(fine) < richardsonTolerance * beta && Math.abs(fine) < Math.abs(coarse) / 2.5, where);
    }
}
