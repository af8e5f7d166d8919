package org.coag.core.theory.fragmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.coag.core.model.MassFunction;
import org.coag.core.model.ModelSpec;
import org.coag.core.theory.BetaRecipe;
import org.hipparchus.linear.MatrixUtils;
import org.junit.jupiter.api.Test;

/**
 * The linearised mode dynamics without simulation: its Jacobian against finite differences of the
 * ODE, the pure diffusion limit, a two-mass system against its closed form, the symmetry that
 * detailed balance gives (and its absence off equilibrium), the exponential by a second route
 * (Hipparchus' matrix exponential of A itself) and the effect of the mass truncation.
 */
class DensityModeCorrelationTest {
    private static final MassFunction GEOMETRIC = MassFunction.constant(0.5);
    private static final double K2 = 4 * Math.PI * Math.PI;
    private static final double[] LAGS = {0, 0.003, 0.01, 0.03, 0.1, 0.3};

    private static ModelSpec model(String extra) {
        return DetailedBalanceTest.spec("dim = 3\n" + extra, 0.03);
    }

    @Test
    void jacobianMatchesFiniteDifferencesOfTheOde() {
        ModelSpec spec = model("diffusion = { type = \"power\", coefficient = 1, exponent = -0.5 }");
        BetaRecipe recipe = BetaRecipe.of(spec);
        DualFragmentation dual = new DualFragmentation(spec, DetailedBalanceTest.SHAPE);
        int size = 7;
        CoagFragOde.DoubleKernel split = (n, m) -> dual.splitKernel(recipe, n, m);
        CoagFragOde ode = new CoagFragOde(recipe::at, split, size);
        double[] f = new double[size];
        for (int n = 0; n < size; n++) {
            f[n] = 0.3 / (n + 1) + 0.01 * n * n;
        }
        double[][] jac = DensityModeCorrelation.jacobian(recipe::at, split, f);
        double worst = 0;
        for (int j = 0; j < size; j++) {
            double h = 1e-6 * f[j];
            double[] up = f.clone();
            double[] down = f.clone();
            up[j] += h;
            down[j] -= h;
            double[] dUp = new double[size];
            double[] dDown = new double[size];
            ode.derivatives(up, dUp);
            ode.derivatives(down, dDown);
            for (int k = 0; k < size; k++) {
                worst = Math.max(worst, Math.abs((dUp[k] - dDown[k]) / (2 * h) - jac[k][j]));
            }
        }
        assertTrue(worst < 1e-6, "Jacobian against central differences: " + worst);
    }

    @Test
    void pureDiffusionDecaysAsTheHeatKernel() {
        double[] d = {0.7, 0.4, 0.2};
        double[] f = {1.0, 0.5, 0.25};
        DensityModeCorrelation mode = new DensityModeCorrelation(d, f, (n, m) -> 0, (n, m) -> 0, K2);
        for (double t : LAGS) {
            assertEquals(Math.exp(-d[0] * K2 * t), mode.autocorrelation(1, t), 1e-13, "t = " + t);
            assertEquals(Math.exp(-d[2] * K2 * t), mode.autocorrelation(3, t), 1e-13, "t = " + t);
        }
    }

    /**
     * Masses 1 and 2 only: the channel 1 + 1 &lt;-&gt; 2 gives f_1' = -beta f_1^2 + G f_2 and
     * f_2' = (beta f_1^2 - G f_2) / 2, so J = [[-2 beta f_1, G], [beta f_1, -G/2]]; for a 2x2 matrix
     * exp(A t) = (l+ e^(l- t) - l- e^(l+ t)) / (l+ - l-) I + (e^(l+ t) - e^(l- t)) / (l+ - l-) A with
     * l+- the eigenvalues, and C_1(t) = exp(A t)_11 since Sigma is diagonal.
     */
    @Test
    void twoMassSystemMatchesItsClosedForm() {
        double beta = 3.0;
        double split = 5.0;
        double f1 = 0.8;
        double f2 = beta * f1 * f1 / split;
        double[] d = {0.5, 0.3};
        double a11 = -2 * beta * f1 - K2 * d[0];
        double a12 = split;
        double a21 = beta * f1;
        double a22 = -split / 2 - K2 * d[1];
        double trace = a11 + a22;
        double det = a11 * a22 - a12 * a21;
        double root = Math.sqrt(trace * trace / 4 - det);
        double lp = trace / 2 + root;
        double lm = trace / 2 - root;
        DensityModeCorrelation mode = new DensityModeCorrelation(d, new double[] {f1, f2}, (n, m) -> beta, (n, m) -> split, K2);
        for (double t : LAGS) {
            double expected = ((lp * Math.exp(lm * t) - lm * Math.exp(lp * t)) + (Math.exp(lp * t) - Math.exp(lm * t)) * a11) / (lp - lm);
            assertEquals(expected, mode.autocorrelation(1, t), 1e-12, "t = " + t);
        }
    }

    /** Detailed balance makes Sigma^(-1/2) A Sigma^(1/2) symmetric; off equilibrium it is not. */
    @Test
    void detailedBalanceMakesTheSymmetrisedGeneratorSymmetric() {
        for (String extra : new String[] {"", "radii = { type = \"power\", coefficient = 0.5, exponent = 0.3333333333333333 }",
                "kernel = { type = \"bump\" }\nalpha = { type = \"constant\", value = 7.5 }"}) {
            ModelSpec spec = model(extra);
            for (DensityModeCorrelation.Pairing pairing : DensityModeCorrelation.Pairing.values()) {
                DensityModeCorrelation mode = DensityModeCorrelation.forModel(spec, DetailedBalanceTest.SHAPE, 1.0, 8, K2, pairing);
                assertTrue(mode.asymmetry() < 1e-13, extra + " " + pairing + ": asymmetry " + mode.asymmetry());
                for (double lambda : mode.eigenvalues()) {
                    assertTrue(lambda < 0, "eigenvalue " + lambda);
                }
            }
        }
        ModelSpec spec = model("");
        BetaRecipe recipe = BetaRecipe.of(spec);
        DualFragmentation dual = new DualFragmentation(spec, GEOMETRIC);
        double[] f = CoagFragEquilibrium.ofFamily(GEOMETRIC::at, 8, 1.0);
        f[1] *= 1.1;
        double[] d = {1, 1, 1, 1, 1, 1, 1, 1};
        DensityModeCorrelation off = new DensityModeCorrelation(d, f, recipe::naive, (n, m) -> dual.splitKernel(recipe, n, m), K2);
        assertTrue(off.asymmetry() > 1e-3, "off equilibrium the symmetrised generator should not be symmetric: " + off.asymmetry());
    }

    /** exp(A t) by Hipparchus' matrix exponential of A itself, with no symmetrisation. */
    @Test
    void eigenRouteAgreesWithTheMatrixExponential() {
        ModelSpec spec = model("diffusion = { type = \"power\", coefficient = 1, exponent = -0.5 }");
        DensityModeCorrelation mode = DensityModeCorrelation.forModel(spec, GEOMETRIC, 1.5, 12, K2, DensityModeCorrelation.Pairing.QUASI_STEADY);
        for (double t : LAGS) {
            double[][] a = mode.generator();
            for (double[] row : a) {
                for (int j = 0; j < row.length; j++) {
                    row[j] *= t;
                }
            }
            double[][] e = MatrixUtils.matrixExponential(MatrixUtils.createRealMatrix(a)).getData();
            assertEquals(e[0][0], mode.autocorrelation(1, t), 1e-10, "t = " + t);
            assertEquals(e[2][2], mode.autocorrelation(3, t), 1e-10, "t = " + t);
        }
        assertEquals(1.0, mode.autocorrelation(1, 0), 1e-13);
    }

    /** Truncating at 30 or 60 masses changes nothing visible when f_30 is 1e-9 of f_1 (theta = 1/2). */
    @Test
    void truncationHasNoVisibleEffect() {
        ModelSpec spec = model("");
        for (DensityModeCorrelation.Pairing pairing : DensityModeCorrelation.Pairing.values()) {
            DensityModeCorrelation m30 = DensityModeCorrelation.forModel(spec, GEOMETRIC, 1.0, 30, K2, pairing);
            DensityModeCorrelation m60 = DensityModeCorrelation.forModel(spec, GEOMETRIC, 1.0, 60, K2, pairing);
            for (double t : LAGS) {
                assertEquals(m60.autocorrelation(1, t), m30.autocorrelation(1, t), 1e-9, pairing + " t = " + t);
            }
        }
    }
}
