package org.coag.core.theory;

import org.coag.core.model.Mode;

/**
 * The coagulation sub-step of the PDE: for every cell independently, Heun's method (explicit
 * trapezoid, second order, strong-stability preserving) for
 * <pre>
 *   f_n' = 1/2 sum_{i+j=n} K(i,j) f_i f_j - f_n sum_{m&lt;=M} K(n,m) f_m,
 *   lost' = 1/2 sum_{i,j&lt;=M, i+j&gt;M} (i+j) K(i,j) f_i f_j            (mass density leaving through M).
 * </pre>
 * Cells are processed in blocks of {@value #BLOCK} with the pair loop outside and the cell loop
 * inside, so the inner loops are plain array arithmetic that C2 vectorises. Field layout:
 * {@code f[n-1][cell]} for n = 1..M, then {@code f[M][cell]} = lost mass density.
 */
final class ReactionStep {
    static final int BLOCK = 128;

    private final int maxMass;
    private final double[] kernel;
    private final boolean coagulation;
    private final ThreadLocal<double[][][]> scratch;

    ReactionStep(CoagulationKernel kernel, int maxMass, Mode mode) {
        this.maxMass = maxMass;
        this.kernel = kernel.matrix(maxMass);
        this.coagulation = mode == Mode.COAGULATION;
        this.scratch = ThreadLocal.withInitial(() -> new double[3][maxMass + 1][BLOCK]);
    }

    /**
     * Advances cells [from, to) (at most {@value #BLOCK}) by dt.
     *
     * @param f fields, updated in place
     * @param from first cell
     * @param to end of the block
     * @param dt time step
     */
    void advance(double[][] f, int from, int to, double dt) {
        int len = to - from;
        double[][][] s = scratch.get();
        double[][] y = s[0];
        double[][] k1 = s[1];
        double[][] k2 = s[2];
        for (int n = 0; n <= maxMass; n++) {
            System.arraycopy(f[n], from, y[n], 0, len);
        }
        rates(y, k1, len);
        for (int n = 0; n <= maxMass; n++) {
            double[] yn = y[n];
            double[] kn = k1[n];
            for (int p = 0; p < len; p++) {
                yn[p] += dt * kn[p];
            }
        }
        rates(y, k2, len);
        double half = 0.5 * dt;
        for (int n = 0; n <= maxMass; n++) {
            double[] fn = f[n];
            double[] a = k1[n];
            double[] b = k2[n];
            for (int p = 0; p < len; p++) {
                fn[from + p] += half * (a[p] + b[p]);
            }
        }
    }

    private void rates(double[][] y, double[][] d, int len) {
        int mm = maxMass;
        for (int n = 0; n <= mm; n++) {
            java.util.Arrays.fill(d[n], 0, len, 0.0);
        }
        double[] lost = d[mm];
        for (int i = 1; i <= mm; i++) {
            double[] fi = y[i - 1];
            double[] di = d[i - 1];
            for (int j = i; j <= mm; j++) {
                double k = kernel[(i - 1) * mm + j - 1];
                if (k == 0) {
                    continue;
                }
                double[] fj = y[j - 1];
                double[] dj = d[j - 1];
                if (i == j) {
                    pairSelf(fi, di, k, len);
                } else {
                    pair(fi, fj, di, dj, k, len);
                }
                if (coagulation) {
                    double[] target = i + j <= mm ? d[i + j - 1] : lost;
                    double w = (i == j ? 0.5 : 1.0) * (i + j <= mm ? 1 : i + j);
                    gain(fi, fj, target, k * w, len);
                }
            }
        }
    }

    private static void pair(double[] fi, double[] fj, double[] di, double[] dj, double k, int len) {
        for (int p = 0; p < len; p++) {
            double r = k * fi[p] * fj[p];
            di[p] -= r;
            dj[p] -= r;
        }
    }

    private static void pairSelf(double[] fi, double[] di, double k, int len) {
        for (int p = 0; p < len; p++) {
            di[p] -= k * fi[p] * fi[p];
        }
    }

    private static void gain(double[] fi, double[] fj, double[] target, double k, int len) {
        for (int p = 0; p < len; p++) {
            target[p] += k * fi[p] * fj[p];
        }
    }
}
