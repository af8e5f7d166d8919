package org.coag.cpu;

import static org.coag.cpu.CpuVectors.DOUBLES;
import static org.coag.cpu.CpuVectors.LANES;
import static org.coag.cpu.CpuVectors.LONGS;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import org.coag.core.adaptive.BridgePaths;
import org.coag.core.adaptive.NodeDraws;
import org.coag.core.model.ModelSpec;

/**
 * The adaptive scheme's bridge nodes a batch at a time on the cpu backend: the Philox blocks and
 * AS241 normals of all requests in Vector API lanes ({@link VectorNormals}, bit-identical to the
 * scalar draws), then the Levy midpoints of {@link BridgePaths#midpoint} in lanes too (rounded by
 * the move kernels' {@link LaneConversions#rintToLong}). The same positions as
 * {@link BridgePaths#draw(int, int[], long[], long[][], long[][], long[][])}. One per worker, over that
 * worker's paths.
 *
 * <p>Scratch layout: {@code u0[j][r]}, {@code u1[j][r]} the uniforms of request r's block j
 * (coordinate k takes u0[k / 2] if k is even, else u1[k / 2]); {@code sigma[r]} request r's node
 * sigma (fixed-point units); {@code z[r]} its normal of the coordinate in hand.
 */
final class VectorNodeDraws implements NodeDraws {
    private final int dim;
    private final int blocks;
    private final BridgePaths paths;
    private final VectorNormals philox;
    private VectorNormals.Scratch scratch = new VectorNormals.Scratch(0);
    private int[] id = new int[0];
    private int[] index = new int[0];
    private double[] sigma = new double[0];
    private double[][] u0 = new double[0][];
    private double[][] u1 = new double[0][];
    private double[] z = new double[0];

    /**
     * @param spec the model
     * @param seed run seed
     * @param paths the worker's paths (ids, masses and macro step of the current macro step)
     */
    VectorNodeDraws(ModelSpec spec, long seed, BridgePaths paths) {
        this.dim = spec.dim();
        this.blocks = (dim + 1) / 2;
        this.paths = paths;
        this.philox = new VectorNormals(seed);
    }

    @Override
    public void draw(int n, int[] slot, long[] q, long[][] left, long[][] right, long[][] out) {
        ensure(n);
        int[] ids = paths.ids();
        int lastMass = -1;
        double lastSigma = 0;
        for (int r = 0; r < n; r++) {
            id[r] = ids[slot[r]];
            index[r] = (int) paths.nodeIndex(q[r]);
            int mass = paths.massOf(slot[r], 0);
            if (mass != lastMass) {
                lastMass = mass;
                lastSigma = paths.nodeSigma(slot[r], q[r]);
            }
            sigma[r] = lastSigma;
        }
        for (int j = 0; j < blocks; j++) {
            philox.bridgeUniforms(id, index, n, j, paths.macro(), u0[j], u1[j]);
        }
        for (int k = 0; k < dim; k++) {
            VectorNormals.normals((k & 1) == 0 ? u0[k >> 1] : u1[k >> 1], z, scratch, n);
            midpoints(n, left[k], right[k], out[k]);
        }
    }

    /** {@code out[r] = BridgePaths.midpoint(left[r], right[r], sigma[r], z[r])} for r below n: one coordinate. */
    private void midpoints(int n, long[] left, long[] right, long[] out) {
        int upper = n - n % LANES;
        for (int i = 0; i < upper; i += LANES) {
            LongVector l = LongVector.fromArray(LONGS, left, i);
            LongVector half = LongVector.fromArray(LONGS, right, i).sub(l).lanewise(VectorOperators.ASHR, 1);
            DoubleVector x = DoubleVector.fromArray(DOUBLES, sigma, i).mul(DoubleVector.fromArray(DOUBLES, z, i));
            l.add(half).add(LaneConversions.rintToLong(x)).intoArray(out, i);
        }
        for (int i = upper; i < n; i++) {
            out[i] = BridgePaths.midpoint(left[i], right[i], sigma[i], z[i]);
        }
    }

    private void ensure(int n) {
        if (id.length >= n) {
            return;
        }
        int c = Math.max(n, 2 * id.length);
        id = new int[c];
        index = new int[c];
        sigma = new double[c];
        u0 = new double[blocks][c];
        u1 = new double[blocks][c];
        z = new double[c];
        scratch = new VectorNormals.Scratch(c);
    }
}
