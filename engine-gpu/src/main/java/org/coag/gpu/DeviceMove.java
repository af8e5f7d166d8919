package org.coag.gpu;

import static org.jocl.CL.CL_MEM_COPY_HOST_PTR;
import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clReleaseMemObject;

import java.util.List;
import org.coag.core.model.ModelSpec;
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
    private final cl_mem sigma;
    private final long seed;

    /**
     * @param s the particles on the device
     * @param spec the model
     * @param seed the run seed
     * @param maxMass the largest mass whose sigma the table holds
     */
    public DeviceMove(DeviceState s, ModelSpec spec, long seed, int maxMass) {
        this.s = s;
        this.kernel = ProgramBuilder.kernel(s.cl.build(List.of("rng.cl", "move.cl")), "move");
        this.seed = seed;
        MoveParameters moves = new MoveParameters(spec);
        double[] table = new double[maxMass];
        for (int m = 1; m <= maxMass; m++) {
            table[m - 1] = moves.sigmaFixed(m);
        }
        sigma = clCreateBuffer(s.cl.context(), CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, (long) Sizeof.cl_double * maxMass,
                Pointer.to(table), null);
    }

    /**
     * Enqueues the move of one step.
     *
     * @param step the step index
     */
    public void move(long step) {
        Kernels.args(kernel, s.pos, s.ids, s.masses, sigma, s.count, s.capacity, s.dim, step, (int) seed, (int) (seed >>> 32));
        Kernels.run(s.cl, kernel, s.count);
    }

    @Override
    public void close() {
        clReleaseMemObject(sigma);
    }
}
