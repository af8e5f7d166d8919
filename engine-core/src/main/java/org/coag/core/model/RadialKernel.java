package org.coag.core.model;

/**
 * The interaction kernel V: a non-negative radial function supported in the ball of radius
 * {@link #support()} (in units of the interaction range eps).
 *
 * <p>{@link #value(double)} is called only inside the support and must be computed from correctly
 * rounded operations and {@link org.coag.core.rng.FdLibm} only, so every backend gets the same bits.
 */
public interface RadialKernel {
    /** @return the support radius rho of V, in units of eps */
    double support();

    /**
     * @param y2 squared distance |y|^2 in units of eps^2, with 0 <= y2 < support^2
     * @return V(y)
     */
    double value(double y2);

    /**
     * @param dim spatial dimension d
     * @return the integral of V over R^d (computed once on the host; need not be bit-reproducible)
     */
    double integral(int dim);

    /** @return the config name of the kernel type */
    String name();

    /**
     * Volume of the unit ball in R^d.
     *
     * @param dim d >= 1
     * @return pi^(d/2) / Gamma(d/2 + 1), by V_d = V_(d-2) 2 pi / d from V_0 = 1, V_1 = 2
     */
    static double unitBallVolume(int dim) {
        double v = dim % 2 == 0 ? 1.0 : 2.0;
        for (int k = dim % 2 == 0 ? 2 : 3; k <= dim; k += 2) {
            v *= 2 * Math.PI / k;
        }
        return v;
    }

    /**
     * Surface area of the unit sphere S^(d-1).
     *
     * @param dim d >= 1
     * @return d |B_1|
     */
    static double unitSphereArea(int dim) {
        return dim * unitBallVolume(dim);
    }
}
