package org.coag.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.coag.core.model.Mode;
import org.junit.jupiter.api.Test;

/** The PDE solver: heat kernels, observed orders in space and time, mass, and the homogeneous ODE limit. */
class SmoluchowskiPdeTest {
    private static final CoagulationKernel NONE = CoagulationKernel.constant(0);

    /** Periodised Gaussian of variance s2 per coordinate on the unit torus, at centre-sampled cells. */
    private static double periodicGaussian(TorusGeometry g, int cell, double s2) {
        double value = 1;
        int rest = cell;
        for (int a = 0; a < g.dim(); a++) {
            double x = g.centre(rest % g.side());
            rest /= g.side();
            double sum = 0;
            for (int image = -3; image <= 3; image++) {
                double y = x + image;
                sum += Math.exp(-y * y / (2 * s2)) / Math.sqrt(2 * Math.PI * s2);
            }
            value *= sum;
        }
        return value;
    }

    /**
     * Pure diffusion on the torus from a Gaussian: the heat kernel, variance s0^2 + 2 d t. Time is
     * exact for the discrete operator, so the error is the 2nd-order spatial one; its observed order
     * is printed and checked on 16, 32, 64 (128 in d = 1) cells per side.
     */
    @Test
    void heatKernelOnTheTorusConvergesAtSecondOrderInSpace() {
        double rate = 0.7;
        double s0 = 0.004;
        double t = 0.01;
        for (int dim = 1; dim <= 3; dim++) {
            double previous = Double.NaN;
            for (int n = 16; n <= (dim == 1 ? 128 : 64); n *= 2) {
                TorusGeometry g = new TorusGeometry(dim, n, 1.0);
                double[][] f0 = {sample(g.cells(), c -> periodicGaussian(g, c, s0))};
                double[][] end = new double[1][];
                new SmoluchowskiPde(g, new double[] {rate}, NONE, 1, Mode.COAGULATION)
                        .run(f0, new double[] {t}, t, (time, f, totals) -> end[0] = f[0].clone(), null);
                double err = maxError(end[0], c -> periodicGaussian(g, c, s0 + 2 * rate * t));
                double order = Math.log(previous / err) / Math.log(2);
                System.out.printf("heat kernel, torus d=%d, %3d cells/side: max error %.3e, observed order %.2f%n", dim, n, err, order);
                if (n >= 32) {
                    assertEquals(2.0, order, 0.15, "d = " + dim + ", n = " + n);
                }
                previous = err;
            }
        }
    }

    /** Radial heat kernel in R^3 with Crank-Nicolson; steps small enough that space dominates. */
    @Test
    void heatKernelInRadialSymmetryConvergesAtSecondOrderInSpace() {
        double rate = 1;
        double s0 = 0.01;
        double t = 0.005;
        double previous = Double.NaN;
        for (int n = 32; n <= 256; n *= 2) {
            RadialGeometry g = new RadialGeometry(3, n, 1.0);
            ToDoubleFunction<Double> exact0 = r -> Math.exp(-r * r / (2 * s0)) / Math.pow(2 * Math.PI * s0, 1.5);
            double s1 = s0 + 2 * rate * t;
            double[][] f0 = {sample(n, c -> exact0.applyAsDouble(g.centre(c)))};
            double[][] end = new double[1][];
            SmoluchowskiPde pde = new SmoluchowskiPde(g, new double[] {rate}, NONE, 1, Mode.COAGULATION);
            pde.run(f0, new double[] {t}, t / 2000, (time, f, totals) -> end[0] = f[0].clone(), null);
            double err = maxError(end[0], c -> Math.exp(-g.centre(c) * g.centre(c) / (2 * s1)) / Math.pow(2 * Math.PI * s1, 1.5));
            double order = Math.log(previous / err) / Math.log(2);
            System.out.printf("heat kernel, radial R^3, %3d shells: max error %.3e, observed order %.2f%n", n, err, order);
            if (n >= 64) {
                assertEquals(2.0, order, 0.2, "n = " + n);
            }
            previous = err;
        }
    }

    /**
     * Strang splitting with Heun reaction: observed order 2 in time against a 1024x finer step (additive
     * kernel, rates up to ~50 per unit time, so steps above 0.02 are pre-asymptotic).
     */
    @Test
    void convergesAtSecondOrderInTime() {
        TorusGeometry g = new TorusGeometry(1, 64, 1.0);
        double[] rates = {1, 0.5, 1 / 3.0, 0.25, 0.2, 1 / 6.0, 1 / 7.0, 0.125};
        double[][] f0 = {sample(64, c -> 2 + Math.cos(2 * Math.PI * g.centre(c)))};
        double t = 0.5;
        double[] reference = finalField(g, rates, f0, t, 0.1 / 1024);
        double previous = Double.NaN;
        for (double dt = 0.1; dt > 0.002; dt /= 2) {
            double[] f = finalField(g, rates, f0, t, dt);
            double err = 0;
            for (int i = 0; i < f.length; i++) {
                err = Math.max(err, Math.abs(f[i] - reference[i]));
            }
            double order = Math.log(previous / err) / Math.log(2);
            System.out.printf("coagulation, torus d=1, 8 masses, dt=%.4f: max error %.3e, observed order %.2f%n", dt, err, order);
            if (dt < 0.02) {
                assertEquals(2.0, order, 0.2, "dt = " + dt);
            }
            previous = err;
        }
    }

    private static double[] finalField(TorusGeometry g, double[] rates, double[][] f0, double t, double dt) {
        double[][] out = new double[1][];
        new SmoluchowskiPde(g, rates, CoagulationKernel.additive(1), 8, Mode.COAGULATION).run(f0, new double[] {t}, dt,
                (time, f, totals) -> {
                    double[] all = new double[9 * f[0].length];
                    for (int n = 0; n < 9; n++) {
                        System.arraycopy(f[n], 0, all, n * f[0].length, f[0].length);
                    }
                    out[0] = all;
                }, null);
        return out[0];
    }

    /** sum_n n integral f_n + lost: constant to 1e-12 on the torus (d = 2) and in R^3, with mass leaving M. */
    @Test
    void conservesMass() {
        double[] rates = new double[12];
        for (int n = 1; n <= 12; n++) {
            rates[n - 1] = Math.pow(n, -1 / 3.0);
        }
        PdeGeometry[] geometries = {new TorusGeometry(2, 32, 1.0), new RadialGeometry(3, 200, 2.0)};
        for (PdeGeometry g : geometries) {
            int cells = g.cells();
            double[][] f0 = {new double[cells]};
            for (int c = 0; c < cells; c++) {
                double r = g instanceof RadialGeometry ? ((RadialGeometry) g).centre(c) : 0.3 * (c % 32) / 32.0;
                f0[0][c] = (g instanceof RadialGeometry ? 200 : 20) * Math.exp(-r * r / 0.05);
            }
            SmoluchowskiPde pde = new SmoluchowskiPde(g, rates, CoagulationKernel.constant(1), 12, Mode.COAGULATION);
            double start = SmoluchowskiPde.mass(pde.totals(new double[][] {f0[0], new double[cells]}));
            double[] lostSeen = new double[1];
            pde.run(f0, new double[] {0.1, 0.5, 2}, 0.002, (t, f, totals) -> {
                double m = SmoluchowskiPde.mass(totals);
                System.out.printf("%s%n  t=%.1f mass %.15f (lost through M = 12: %.3e)%n", g.describe(), t, m, totals[12]);
                assertEquals(start, m, 1e-12 * start, "t = " + t);
                lostSeen[0] = totals[12];
            }, null);
            assertTrue(lostSeen[0] > 1e-6 * start, "some mass left through the truncation: the test exercises it");
        }
    }

    /**
     * Uniform data: the PDE is the ODE (2.1). With the beta table of a model (bump kernel, d = 3,
     * d(n) = n^(-1/3)), the per-mass totals approach the ODE solution at second order in dt.
     */
    @Test
    void homogeneousDataFollowTheOde() {
        int mm = 10;
        BetaTable beta = BetaTable.build(BetaRecipeTest.spec("dim = 3\nmode = \"coagulation\"\n[model.kernel]\ntype = \"bump\"\n"
                + "[model.diffusion]\ntype = \"power\"\ncoefficient = 1.0\nexponent = -0.3333333333333333"), mm);
        double t = 1;
        double f1 = 0.1;
        double[] ode = new SmoluchowskiOde(beta, mm, Mode.COAGULATION)
                .solve(new double[] {f1}, new double[] {t}, 1e-13, 1e-20, null).densities()[0];
        double[] rates = new double[mm];
        for (int n = 1; n <= mm; n++) {
            rates[n - 1] = Math.pow(n, -1 / 3.0);
        }
        TorusGeometry g = new TorusGeometry(3, 4, 1.0);
        double previous = Double.NaN;
        for (double dt = 0.1; dt > 0.001; dt /= 2) {
            double[] totals = new SmoluchowskiPde(g, rates, beta, mm, Mode.COAGULATION)
                    .run(new double[][] {sample(g.cells(), c -> f1)}, new double[] {t}, dt, null, null);
            double err = 0;
            for (int n = 0; n < mm; n++) {
                err = Math.max(err, Math.abs(totals[n] / ode[n] - 1));
            }
            double order = Math.log(previous / err) / Math.log(2);
            System.out.printf("homogeneous PDE vs ODE, beta table (bump, d=3), dt=%.4f: max relative difference %.3e, order %.2f%n",
                    dt, err, order);
            previous = err;
            if (dt < 0.01) {
                assertEquals(2.0, order, 0.2);
            }
            if (dt < 0.002) {
                assertTrue(err < 1e-4, "dt = " + dt + ": " + err);
            }
        }
    }

    private static double[] sample(int cells, java.util.function.IntToDoubleFunction f) {
        double[] v = new double[cells];
        for (int c = 0; c < cells; c++) {
            v[c] = f.applyAsDouble(c);
        }
        return v;
    }

    private static double maxError(double[] f, java.util.function.IntToDoubleFunction exact) {
        double err = 0;
        for (int c = 0; c < f.length; c++) {
            err = Math.max(err, Math.abs(f[c] - exact.applyAsDouble(c)));
        }
        return err;
    }
}
