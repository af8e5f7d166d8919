package org.coag.core.theory.fragmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.coag.core.model.MassFunction;
import org.coag.core.model.ModelSpec;
import org.coag.core.theory.BetaRecipe;
import org.junit.jupiter.api.Test;

/**
 * The coagulation-fragmentation ODE with the dual kernels relaxes from a monodisperse start to the
 * detailed-balance equilibrium, which is computed by two other routes: the closed form
 * f*_k theta^k and the recursion from the kernels, both fixed by the mass density.
 */
class CoagFragOdeTest {
    private static final int MAX_MASS = 30;
    private static final double RHO = 1.0;
    private static final MassFunction SHAPE = MassFunction.power(0.5, -1.5);

    private static double maxRelative(double[] a, double[] b) {
        double worst = 0;
        for (int k = 0; k < a.length; k++) {
            worst = Math.max(worst, Math.abs(a[k] / b[k] - 1));
        }
        return worst;
    }

    @Test
    void closedFormAndRecursionAgree() {
        ModelSpec spec = DetailedBalanceTest.spec("dim = 3\nradii = { type = \"power\", coefficient = 0.5, exponent = 0.3333333333333333 }", 0.01);
        BetaRecipe recipe = BetaRecipe.of(spec);
        DualFragmentation frag = new DualFragmentation(spec, SHAPE);
        double[] family = CoagFragEquilibrium.ofFamily(SHAPE::at, MAX_MASS, RHO);
        double[] recursion = CoagFragEquilibrium.byRecursion(recipe::naive, (n, m) -> frag.splitKernel(recipe, n, m), MAX_MASS, RHO);
        assertEquals(RHO, CoagFragOde.mass(family), 1e-12);
        assertTrue(maxRelative(recursion, family) < 1e-10, "recursion against closed form: " + maxRelative(recursion, family));
        for (int n = 1; n <= MAX_MASS; n++) {
            for (int m = 1; n + m <= MAX_MASS; m++) {
                double coag = recipe.naive(n, m) * family[n - 1] * family[m - 1];
                double split = frag.splitKernel(recipe, n, m) * family[n + m - 1];
                assertEquals(1.0, split / coag, 1e-12, "detailed balance of the ODE at n=" + n + " m=" + m);
            }
        }
    }

    /** From f_1 = rho: at late times the ODE (naive beta, dual G) sits on the equilibrium, mass kept to 1e-10. */
    @Test
    void relaxesToTheDetailedBalanceEquilibrium() {
        ModelSpec spec = DetailedBalanceTest.spec("dim = 3", 0.01);
        BetaRecipe recipe = BetaRecipe.of(spec);
        DualFragmentation frag = new DualFragmentation(spec, SHAPE);
        CoagFragOde ode = new CoagFragOde(recipe::naive, (n, m) -> frag.splitKernel(recipe, n, m), MAX_MASS);
        double[] equilibrium = CoagFragEquilibrium.ofFamily(SHAPE::at, MAX_MASS, RHO);
        double[] times = {0.1, 1, 10, 100, 1000};
        double[][] f = ode.solve(new double[] {RHO}, times, 1e-12, 1e-16);
        for (int j = 0; j < times.length; j++) {
            System.out.printf("t = %6g  f_1 %.10f  f_2 %.10f  mass %.12f  max rel. distance to equilibrium %.3e%n", times[j], f[j][0],
                    f[j][1], CoagFragOde.mass(f[j]), maxRelative(f[j], equilibrium));
            assertEquals(RHO, CoagFragOde.mass(f[j]), 1e-10);
        }
        assertTrue(maxRelative(f[0], equilibrium) > 0.1, "the start is far from equilibrium");
        assertTrue(maxRelative(f[times.length - 1], equilibrium) < 1e-7, "late state against equilibrium: "
                + maxRelative(f[times.length - 1], equilibrium));
    }

    /**
     * The recipe's beta with the fragmentation kernel scaled by beta / naive (the quasi-steady pair
     * problem with a source) has the same equilibrium; the recipe's beta with the bare dual kernel
     * does not: the equilibrium is set by the ratio beta / G, which must be the naive one.
     */
    @Test
    void equilibriumIsFixedByTheRatioOfTheKernels() {
        ModelSpec spec = DetailedBalanceTest.spec("dim = 3\nalpha = { type = \"constant\", value = 20 }", 0.01);
        BetaRecipe recipe = BetaRecipe.of(spec);
        DualFragmentation frag = new DualFragmentation(spec, SHAPE);
        double[] equilibrium = CoagFragEquilibrium.ofFamily(SHAPE::at, MAX_MASS, RHO);
        double[] times = {2000};
        CoagFragOde corrected = new CoagFragOde(recipe::at,
                (n, m) -> frag.splitKernel(recipe, n, m) * recipe.at(n, m) / recipe.naive(n, m), MAX_MASS);
        double[] fc = corrected.solve(new double[] {RHO}, times, 1e-12, 1e-16)[0];
        CoagFragOde mixed = new CoagFragOde(recipe::at, (n, m) -> frag.splitKernel(recipe, n, m), MAX_MASS);
        double[] fm = mixed.solve(new double[] {RHO}, times, 1e-12, 1e-16)[0];
        System.out.printf("beta/naive(1,1) = %.4f; corrected pair: distance %.2e; recipe beta with bare G: distance %.2e%n",
                recipe.at(1, 1) / recipe.naive(1, 1), maxRelative(fc, equilibrium), maxRelative(fm, equilibrium));
        assertTrue(maxRelative(fc, equilibrium) < 1e-7);
        assertTrue(maxRelative(fm, equilibrium) > 0.05);
    }
}
