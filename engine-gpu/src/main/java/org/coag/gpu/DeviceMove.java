package org.coag.gpu;

import static org.jocl.CL.CL_MEM_COPY_HOST_PTR;
import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.clReleaseMemObject;

import org.coag.core.model.ModelSpec;
import org.coag.core.rng.CounterRng;
import org.coag.core.rng.PhiloxKey;
import org.coag.core.step.MoveParameters;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * The move phase on an OpenCL device (kernel {@code move} of {@code move.cl}): adds each step's
 * increments to the positions of a {@link DeviceState} with no host round trip.
 */
public final class DeviceMove implements AutoCloseable {
    private final DeviceState s;
    private final cl_kernel kernel;
    private final cl_kernel fused;
    private final ModelSpec spec;
    private cl_mem sigma;
    private int maxMass;
    private final PhiloxKey key;

    /**
     * @param s the particles on the device
     * @param spec the model
     * @param seed the run seed
     * @param maxMass the largest mass whose sigma the table holds
     */
    public DeviceMove(DeviceState s, ModelSpec spec, long seed, int maxMass) {
        this.s = s;
        this.kernel = ProgramBuilder.kernel(s.cl.program(s.dim), "move");
        this.fused = ProgramBuilder.kernel(s.cl.program(s.dim), "move_seam_count");
        this.key = CounterRng.key(seed);
        this.spec = spec;
        this.sigma = table(maxMass);
        this.maxMass = maxMass;
    }

    /** sigma(m) for m = 1..n; NaN where the config's d(n) table ends (the host reports that mass's error). */
    private cl_mem table(int n) {
        MoveParameters moves = new MoveParameters(spec);
        double[] table = new double[n];
        for (int m = 1; m <= n; m++) {
            try {
                table[m - 1] = moves.sigmaFixed(m);
            } catch (org.coag.core.model.ModelException e) {
                table[m - 1] = Double.NaN;
            }
        }
        return DeviceBuffers.create(s.cl, "the diffusion table (sigma of masses 1.." + n + ")", CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR,
                (long) Sizeof.cl_double * n, Pointer.to(table));
    }

    /**
     * Grows the sigma table to cover masses up to {@code m} (doubling).
     *
     * @param m the largest live mass
     */
    public void ensureMasses(int m) {
        if (m <= maxMass) {
            return;
        }
        int grown = Math.max(m, 2 * maxMass);
        clReleaseMemObject(sigma);
        sigma = table(grown);
        maxMass = grown;
    }

    /**
     * Enqueues the move of one step.
     *
     * @param step the step index
     */
    public void move(long step) {
        Kernels.args(s.cl, kernel, s.pos, s.ids, s.masses, sigma, s.count, s.capacity, step, key.k0(), key.k1());
        Kernels.run(s.cl, kernel, s.count);
    }

    /**
     * Enqueues the move of one step fused with the seam check and the hash count of the step's sort
     * ({@code move_seam_count}): the same results as {@link #move}, {@link SeamCheck#enqueue} and the
     * count of {@link DevicePairs#sortAndFind}, in one pass over the particles. Call
     * {@link DevicePairs#chooseGrid} (and {@link SeamCheck#reset}) before, {@link DevicePairs#sortCounted} after.
     *
     * @param step the step index
     * @param pairs the pair search whose counts are filled
     * @param seamWord free space: the seam check's word ({@link SeamCheck#word}); null: no check
     * @param unit length of one fixed-point unit
     * @param limit free space: the largest |x_k| allowed (length units)
     */
    void moveSeamCount(long step, DevicePairs pairs, cl_mem seamWord, double unit, double limit) {
        cl_mem offender = seamWord == null ? pairs.slotBuffer() : seamWord;
        Kernels.args(s.cl, fused, s.pos, s.ids, s.masses, sigma, s.count, s.capacity, step, key.k0(), key.k1(), seamWord == null ? 0 : 1,
                offender, unit, limit, pairs.slotBuffer(), pairs.countBuffer(), pairs.cellBits(), pairs.tableBits());
        Kernels.run(s.cl, fused, s.count);
    }

    /** @return sigma(m) for m = 1..{@link #maxMass()} (NaN where the d(n) table ends) */
    cl_mem sigmaBuffer() {
        return sigma;
    }

    /** @return the largest mass of the sigma table */
    int maxMass() {
        return maxMass;
    }

    @Override
    public void close() {
        clReleaseMemObject(sigma);
    }
}
