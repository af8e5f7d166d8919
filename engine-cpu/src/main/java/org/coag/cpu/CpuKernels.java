package org.coag.cpu;

/**
 * The cpu backend's move kernels on one tile of {@link #TILE} particles (d = 3), single thread, for
 * the kernel benchmark of the JMH suite ({@code org.coag.bench.KernelBenchmark}): the Philox
 * uniforms, the AS241 normals and the fixed-point update, each callable alone. Not for runs: the
 * tile's particles, masses and step deviations are fixed stand-ins, and its state keeps moving
 * however often a kernel is repeated.
 */
public final class CpuKernels {
    /** Particles per tile, as in a run's move. */
    public static final int TILE = Worker.TILE;
    private final int[] ids = new int[TILE];
    private final int[] mass = new int[TILE];
    private final long[][] pos = new long[3][TILE];
    private final double[][] u = new double[4][TILE];
    private final double[][] z = new double[4][TILE];
    private final double[] sigma = {0, 1e12, 1e12};
    private final VectorNormals.Scratch scratch = new VectorNormals.Scratch(TILE);
    private final VectorNormals normals;
    private long step;

    /** Fills the tile: ids 1, 4, 7, ..., mass 1, seed 1, and one set of uniforms and normals. */
    public CpuKernels() {
        for (int i = 0; i < TILE; i++) {
            ids[i] = i * 3 + 1;
            mass[i] = 1;
        }
        normals = new VectorNormals(1);
        normals.uniforms(ids, 0, TILE, 0, 2, u);
        for (int c = 0; c < 3; c++) {
            VectorNormals.normals(u[c], z[c], scratch, TILE);
        }
    }

    /**
     * Two Philox4x32-10 blocks per particle, for the next step.
     *
     * @return a value so the work is kept
     */
    public double philox() {
        normals.uniforms(ids, 0, TILE, step++, 2, u);
        return u[0][0];
    }

    /**
     * Three AS241 normals per particle from the current uniforms.
     *
     * @return a value so the work is kept
     */
    public double gaussians() {
        for (int c = 0; c < 3; c++) {
            VectorNormals.normals(u[c], z[c], scratch, TILE);
        }
        return z[0][0];
    }

    /**
     * The whole move of the tile: uniforms, normals and the fixed-point update.
     *
     * @return a value so the work is kept
     */
    public long tile() {
        normals.uniforms(ids, 0, TILE, step++, 2, u);
        for (int c = 0; c < 3; c++) {
            VectorNormals.normals(u[c], z[c], scratch, TILE);
        }
        VectorMoves.apply(pos, mass, 0, TILE, z, sigma, false);
        return pos[0][0];
    }

    /**
     * The fixed-point update alone, with the current normals.
     *
     * @return a value so the work is kept
     */
    public long apply() {
        VectorMoves.apply(pos, mass, 0, TILE, z, sigma, false);
        return pos[0][0];
    }
}
