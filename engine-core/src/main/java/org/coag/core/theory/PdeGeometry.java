package org.coag.core.theory;

/**
 * The spatial discretisation of the Smoluchowski PDE (1.2): cells, their volumes, and the
 * diffusion sub-step. Fields are {@code double[cells]} arrays of cell averages; implementations are
 * thread-safe (masses diffuse in parallel).
 */
public interface PdeGeometry {
    /** @return the number of cells */
    int cells();

    /**
     * @param cell cell index
     * @return its volume (length units^d), so integral f = sum_c volume(c) f[c]
     */
    double cellVolume(int cell);

    /**
     * Advances df/dt = rate * Laplacian(f) by dt in place, unconditionally stable and conserving
     * sum_c volume(c) f[c].
     *
     * @param field cell averages
     * @param rate the diffusion rate d(n)
     * @param dt the time step
     */
    void diffuse(double[] field, double rate, double dt);

    /** @return a one-line description for reports */
    String describe();
}
