package org.coag.core.observe.equilibrium;

import org.coag.core.backend.ParticleState;

/**
 * Particle counts in a grid of k^d equal cubes tiling the torus, per mass 1..M and for all masses,
 * reduced to the dispersion index of one state: with K = k^d cubes holding x_1..x_K particles of a
 * class, N = sum x_c of them in all and the mean mu = N / K,
 *
 * <pre>
 *   R = s^2 / mu,   s^2 = sum_c (x_c - mu)^2 / (K - 1).
 * </pre>
 *
 * <p>For particles placed independently and uniformly given their number N (the product-Poisson
 * measure, also conditioned on the total mass), the counts are multinomial with equal cell
 * probabilities; then E R = 1 exactly, and R (K - 1) is Pearson's statistic, whose variance is
 * 2 (K - 1)(1 - 1/N): Var R = 2 (1 - 1/N) / (K - 1), for any mean count per cube.
 *
 * @param perAxis cubes along each axis, k
 * @param total per class (masses 1..M, then all), N
 * @param ratio per class, R (NaN when the class is empty)
 * @param nullVariance per class, 2 (1 - 1/N) / (K - 1) (NaN when empty)
 */
record CubeCounts(int perAxis, long[] total, double[] ratio, double[] nullVariance) {
    /**
     * @param state live particles
     * @param perAxis cubes along each axis (at least 2)
     * @param masses masses 1..masses are reported one by one
     * @return the dispersion of this state's counts
     */
    static CubeCounts measure(ParticleState state, int perAxis, int masses) {
        int dim = state.dim();
        int n = state.count();
        int cubes = 1;
        for (int k = 0; k < dim; k++) {
            cubes *= perAxis;
        }
        int[] cubeOf = new int[n];
        long[][] pos = state.positions();
        for (int i = 0; i < n; i++) {
            int c = 0;
            for (int k = 0; k < dim; k++) {
                c = c * perAxis + cellAlong(pos[k][i], perAxis);
            }
            cubeOf[i] = c;
        }
        int[] mass = state.masses();
        int[] occupancy = new int[cubes];
        long[] total = new long[masses + 1];
        double[] ratio = new double[masses + 1];
        double[] nullVariance = new double[masses + 1];
        for (int cls = 0; cls <= masses; cls++) {
            boolean all = cls == masses;
            long count = 0;
            long squares = 0;
            for (int i = 0; i < n; i++) {
                if (all || mass[i] == cls + 1) {
                    squares += 2L * occupancy[cubeOf[i]]++ + 1;
                    count++;
                }
            }
            for (int i = 0; i < n; i++) {
                occupancy[cubeOf[i]] = 0;
            }
            total[cls] = count;
            if (count == 0) {
                ratio[cls] = Double.NaN;
                nullVariance[cls] = Double.NaN;
                continue;
            }
            double k = cubes;
            ratio[cls] = (k * squares - (double) count * count) / ((k - 1) * count);
            nullVariance[cls] = 2 * (1 - 1.0 / count) / (k - 1);
        }
        return new CubeCounts(perAxis, total, ratio, nullVariance);
    }

    /**
     * @param u a fixed-point coordinate (x = u L / 2^64, x in [-L/2, L/2))
     * @param perAxis cubes along the axis
     * @return the cube along it, floor((x / L + 1/2) k), exact in integers
     */
    static int cellAlong(long u, int perAxis) {
        long shifted = u ^ Long.MIN_VALUE;
        return (int) (Math.multiplyHigh(shifted, perAxis) + ((shifted >> 63) & perAxis));
    }
}
