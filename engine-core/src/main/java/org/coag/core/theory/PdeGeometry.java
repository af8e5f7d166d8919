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

    /**
     * @param x a point relative to the grid's origin (the box centre on a torus, the profile's
     *          centre in radial symmetry), length units, d entries
     * @return the index of the cell holding it, or -1 if it lies outside the grid
     */
    int locate(double[] x);

    /**
     * @param cell a cell index
     * @param x receives the cell's centre (d entries; radial: (r, 0, ..., 0))
     */
    void centre(int cell, double[] x);

    /** @return a one-line description for reports */
    String describe();
}
