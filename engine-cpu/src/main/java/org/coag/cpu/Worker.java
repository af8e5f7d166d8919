package org.coag.cpu;

import org.coag.core.model.ModelSpec;

/**
 * The per-thread state of the CPU backend: the move tiles, the pair scanner, the row counts of the row
 * sort, and the statistics the master reduces after the move (largest live sigma and range,
 * bounding box).
 *
 * <pre>
 *   u[c][t], z[c][t]   uniforms and normals of coordinate c (2 * ceil(dim/2) rows) of tile slot t
 *   box[k]             {min, max} of coordinate k over this worker's slots (free space only)
 *   rows               live slots of this worker per row, for the row sort ({@link RowSort})
 * </pre>
 */
final class Worker {
    /** Particles per move tile: the tile's draws stay in the L1 cache. */
    static final int TILE = 256;
    /**
     * Slots per call of the once-per-list-build loops: called a few times per build over the whole
     * range, C2 would compile them only on stack replacement, which for Vector API code measured 8
     * times slower than the same code called per tile.
     */
    static final int LOCATE_TILE = 1024;
    final VectorNormals normals;
    final RowScanner scanner;
    final RowCounts rows = new RowCounts();
    final double[][] u;
    final double[][] z;
    final long[][] box;
    final VectorNormals.Scratch scratch = new VectorNormals.Scratch(TILE);
    double widestSigma;
    double largestRange2;
    /** Largest distance of a coordinate from its position at the last neighbour-list build (fixed-point units). */
    double farthest;

    /**
     * @param spec the model
     * @param seed run seed
     */
    Worker(ModelSpec spec, long seed) {
        int dim = spec.dim();
        int rows = 2 * ((dim + 1) / 2);
        normals = new VectorNormals(seed);
        scanner = new RowScanner(spec, seed);
        u = new double[rows][TILE];
        z = new double[rows][TILE];
        box = new long[dim][2];
    }

    /**
     * Moves slots [from, to) by one step and gathers this worker's statistics (the largest sigma
     * and range only when a limit check needs them: free space or mass-dependent radii).
     *
     * @param p particles
     * @param tables per-mass sigma and range
     * @param step step index
     * @param rangeVaries whether ranges depend on mass (radii)
     * @param free whether to track the bounding box
     * @param x0 positions of the last neighbour-list build by slot, to track {@link #farthest}; null
     *        to move only
     */
    void move(Particles p, MassTables tables, long step, int from, int to, boolean rangeVaries, boolean free, long[][] x0) {
        int dim = p.dim();
        int[] ids = p.id();
        int[] mass = p.mass();
        long[][] pos = p.pos();
        double[] sigma = tables.sigma();
        double[] range2 = tables.range2();
        boolean uniform = tables.uniformSigma();
        widestSigma = 0;
        largestRange2 = 0;
        for (int k = 0; k < dim; k++) {
            box[k][0] = Long.MAX_VALUE;
            box[k][1] = Long.MIN_VALUE;
        }
        farthest = 0;
        for (int t0 = from; t0 < to; t0 += TILE) {
            int n = Math.min(TILE, to - t0);
            drawTile(ids, t0, n, step, dim);
            if (x0 != null) {
                farthest = Math.max(farthest, VectorMoves.applyTracking(pos, mass, t0, n, z, sigma, uniform, x0));
            } else {
                VectorMoves.apply(pos, mass, t0, n, z, sigma, uniform);
            }
            if (free || rangeVaries) {
                for (int i = t0; i < t0 + n; i++) {
                    int m = mass[i];
                    widestSigma = Math.max(widestSigma, sigma[m]);
                    largestRange2 = Math.max(largestRange2, range2[m]);
                }
            }
            if (free) {
                for (int k = 0; k < dim; k++) {
                    VectorMoves.bound(pos[k], t0, n, box[k]);
                }
            }
        }
    }

    /**
     * Locates slots [from, to) on the grid and counts the live ones per row.
     *
     * @param p particles
     * @param grid the grid
     */
    void locate(Particles p, RowGrid grid, int from, int to) {
        rows.clear(grid.rows());
        for (int t0 = from; t0 < to && !rows.outside; t0 += LOCATE_TILE) {
            int t1 = Math.min(to, t0 + LOCATE_TILE);
            rows.outside = !grid.locate(p.pos(), t0, t1, p.rowFace(), t0);
            if (!rows.outside) {
                rows.count(p.rowFace(), p.mass(), t0, t1);
            }
        }
    }

    /**
     * The move's draws alone (Philox blocks and AS241 normals into {@code z}) for slots [from, to),
     * positions untouched: the Philox + Gaussians part of the benchmarks.
     *
     * @param p particles
     * @param step step index
     */
    void drawOnly(Particles p, long step, int from, int to) {
        for (int t0 = from; t0 < to; t0 += TILE) {
            drawTile(p.id(), t0, Math.min(TILE, to - t0), step, p.dim());
        }
    }

    private void drawTile(int[] ids, int t0, int n, long step, int dim) {
        normals.uniforms(ids, t0, n, step, (dim + 1) / 2, u);
        for (int c = 0; c < dim; c++) {
            VectorNormals.normals(u[c], z[c], scratch, n);
        }
    }
}
