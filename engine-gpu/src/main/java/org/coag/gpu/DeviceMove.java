package org.coag.gpu;

import static org.jocl.CL.CL_MEM_COPY_HOST_PTR;
import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clReleaseMemObject;
import static org.jocl.CL.clSetKernelArg;

import java.util.List;
import org.coag.core.backend.ParticleState;
import org.coag.core.model.ModelSpec;
import org.coag.core.step.MoveParameters;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * The move phase on an OpenCL device (kernel {@code move} of {@code move.cl}), the first piece of
 * the OpenCL backend: uploads a state, applies the moves of consecutive steps on the device, and
 * reads the positions back. Positions stay on the device between steps.
 */
public final class DeviceMove implements AutoCloseable {
    private final ProgramBuilder cl;
    private final cl_kernel kernel;
    private final int dim;
    private final int count;
    private final int capacity;
    private final cl_mem pos;
    private final cl_mem ids;
    private final cl_mem masses;
    private final cl_mem sigma;
    private final long seed;

    /**
     * @param cl the device's program builder
     * @param spec the model
     * @param seed the run seed
     * @param state the particles (copied to the device)
     */
    public DeviceMove(ProgramBuilder cl, ModelSpec spec, long seed, ParticleState state) {
        this.cl = cl;
        this.kernel = ProgramBuilder.kernel(cl.build(List.of("rng.cl", "move.cl")), "move");
        this.dim = spec.dim();
        this.count = state.count();
        this.capacity = Math.max(1, state.count());
        this.seed = seed;
        long[] flat = new long[dim * capacity];
        for (int k = 0; k < dim; k++) {
            System.arraycopy(state.positions()[k], 0, flat, k * capacity, count);
        }
        int maxMass = 1;
        for (int i = 0; i < count; i++) {
            maxMass = Math.max(maxMass, state.masses()[i]);
        }
        MoveParameters moves = new MoveParameters(spec);
        double[] s = new double[maxMass];
        for (int m = 1; m <= maxMass; m++) {
            s[m - 1] = moves.sigmaFixed(m);
        }
        pos = clCreateBuffer(cl.context(), CL_MEM_READ_WRITE | CL_MEM_COPY_HOST_PTR, (long) Sizeof.cl_long * flat.length,
                Pointer.to(flat), null);
        ids = clCreateBuffer(cl.context(), CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, (long) Sizeof.cl_int * capacity,
                Pointer.to(java.util.Arrays.copyOf(state.ids(), capacity)), null);
        masses = clCreateBuffer(cl.context(), CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, (long) Sizeof.cl_int * capacity,
                Pointer.to(java.util.Arrays.copyOf(state.masses(), capacity)), null);
        sigma = clCreateBuffer(cl.context(), CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, (long) Sizeof.cl_double * s.length,
                Pointer.to(s), null);
    }

    /**
     * Enqueues the move of one step (no host round trip).
     *
     * @param step the step index
     */
    public void move(long step) {
        clSetKernelArg(kernel, 0, Sizeof.cl_mem, Pointer.to(pos));
        clSetKernelArg(kernel, 1, Sizeof.cl_mem, Pointer.to(ids));
        clSetKernelArg(kernel, 2, Sizeof.cl_mem, Pointer.to(masses));
        clSetKernelArg(kernel, 3, Sizeof.cl_mem, Pointer.to(sigma));
        clSetKernelArg(kernel, 4, Sizeof.cl_int, Pointer.to(new int[] {count}));
        clSetKernelArg(kernel, 5, Sizeof.cl_int, Pointer.to(new int[] {capacity}));
        clSetKernelArg(kernel, 6, Sizeof.cl_int, Pointer.to(new int[] {dim}));
        clSetKernelArg(kernel, 7, Sizeof.cl_ulong, Pointer.to(new long[] {step}));
        clSetKernelArg(kernel, 8, Sizeof.cl_uint, Pointer.to(new int[] {(int) seed}));
        clSetKernelArg(kernel, 9, Sizeof.cl_uint, Pointer.to(new int[] {(int) (seed >>> 32)}));
        long local = 64;
        long global = (count + local - 1) / local * local;
        clEnqueueNDRangeKernel(cl.queue(), kernel, 1, null, new long[] {global}, new long[] {local}, 0, null, null);
    }

    /**
     * @param into receives the positions (slot order as uploaded)
     */
    public void readPositions(ParticleState into) {
        long[] flat = new long[dim * capacity];
        clEnqueueReadBuffer(cl.queue(), pos, CL_TRUE, 0, (long) Sizeof.cl_long * flat.length, Pointer.to(flat), 0, null, null);
        for (int k = 0; k < dim; k++) {
            System.arraycopy(flat, k * capacity, into.positions()[k], 0, count);
        }
    }

    @Override
    public void close() {
        clFinish(cl.queue());
        for (cl_mem m : new cl_mem[] {pos, ids, masses, sigma}) {
            clReleaseMemObject(m);
        }
    }
}
