package org.coag.core.adaptive;

/**
 * The screen of {@link BridgeBound#safe} for many intervals at once; a backend may vectorise it,
 * giving the same decisions. Layout: {@code a[k][i]}, {@code b[k][i]} coordinate k of interval i's
 * relative position at its start and end, physical units.
 */
public interface PairScreens {
    /** One {@link BridgeBound#safe} per interval. */
    PairScreens SCALAR = (n, dim, a, b, rho, dt, logInvTol, safe) -> {
        double[] x = new double[dim];
        double[] y = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < dim; k++) {
                x[k] = a[k][i];
                y[k] = b[k][i];
            }
            safe[i] = BridgeBound.safe(x, y, dim, rho[i], dt[i], logInvTol);
        }
    };

    /**
     * @param n intervals
     * @param dim d
     * @param a relative positions at the starts [d][interval]
     * @param b relative positions at the ends
     * @param rho interaction range of each interval's pair
     * @param dt D T of each
     * @param logInvTol ln(1 / tolerance), the same for all (intervals of one length)
     * @param safe receives {@link BridgeBound#safe} of each
     */
    void screen(int n, int dim, double[][] a, double[][] b, double[] rho, double[] dt, double logInvTol, boolean[] safe);
}
