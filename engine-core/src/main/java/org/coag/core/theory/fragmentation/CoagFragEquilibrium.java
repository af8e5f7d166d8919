package org.coag.core.theory.fragmentation;

import java.util.function.IntToDoubleFunction;

/**
 * The detailed-balance equilibrium of the coagulation-fragmentation ODE on masses 1..M
 * ({@link CoagFragOde}) with a given mass density rho = sum_k k f_k, by two routes:
 * <ul>
 *   <li>{@link #ofFamily}: f_k = f*_k theta^k, the closed form of the dual rule, with theta solving
 *       sum_k k f*_k theta^k = rho (bisection on a strictly increasing function);</li>
 *   <li>{@link #byRecursion}: from the kernels alone, f_(k+1) = beta(1,k) f_1 f_k / G(1,k) from
 *       a trial f_1, with f_1 solving the mass condition (bisection).</li>
 * </ul>
 */
public final class CoagFragEquilibrium {
    private static final int BISECTIONS = 200;

    private CoagFragEquilibrium() {
    }

    /**
     * @param shape f*_k for k &gt;= 1, positive
     * @param maxMass M
     * @param rho the mass density, positive
     * @return f_k = f*_k theta^k for k = 1..M with sum k f_k = rho
     */
    public static double[] ofFamily(IntToDoubleFunction shape, int maxMass, double rho) {
        double lo = 0;
        double hi = 1;
        while (CoagFragOde.mass(family(shape, maxMass, hi)) < rho) {
            hi *= 2;
        }
        for (int i = 0; i < BISECTIONS && hi - lo > 1e-16 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (CoagFragOde.mass(family(shape, maxMass, mid)) < rho) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return family(shape, maxMass, 0.5 * (lo + hi));
    }

    private static double[] family(IntToDoubleFunction shape, int maxMass, double theta) {
        double[] f = new double[maxMass];
        double power = 1;
        for (int k = 1; k <= maxMass; k++) {
            power *= theta;
            f[k - 1] = shape.applyAsDouble(k) * power;
        }
        return f;
    }

    /**
     * @param beta the coagulation kernel
     * @param split the fragmentation kernel
     * @param maxMass M
     * @param rho the mass density, positive
     * @return the f_k, k = 1..M, with beta(1,k) f_1 f_k = G(1,k) f_(k+1) and sum k f_k = rho
     */
    public static double[] byRecursion(CoagFragOde.DoubleKernel beta, CoagFragOde.DoubleKernel split, int maxMass, double rho) {
        double lo = 0;
        double hi = 1;
        while (CoagFragOde.mass(recursion(beta, split, maxMass, hi)) < rho) {
            hi *= 2;
        }
        for (int i = 0; i < BISECTIONS && hi - lo > 1e-16 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (CoagFragOde.mass(recursion(beta, split, maxMass, mid)) < rho) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return recursion(beta, split, maxMass, 0.5 * (lo + hi));
    }

    private static double[] recursion(CoagFragOde.DoubleKernel beta, CoagFragOde.DoubleKernel split, int maxMass, double f1) {
        double[] f = new double[maxMass];
        f[0] = f1;
        for (int k = 1; k < maxMass; k++) {
            f[k] = beta.at(1, k) * f1 * f[k - 1] / split.at(1, k);
        }
        return f;
    }
}
