package org.coag.gpu;

import static org.jocl.CL.CL_MEM_COPY_HOST_PTR;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clReleaseMemObject;

import java.util.Arrays;
import org.coag.core.backend.ParticleState;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_mem;

/**
 * Particles on an OpenCL device: positions SoA ({@code long[dim * capacity]}, coordinate k of slot i
 * at {@code k * capacity + i}, fixed point as in {@link ParticleState}), ids and masses
 * ({@code int[capacity]}; mass 0 marks a dead slot).
 */
public final class DeviceState implements AutoCloseable {
    final ProgramBuilder cl;
    final int dim;
    final int count;
    final int capacity;
    final cl_mem pos;
    final cl_mem ids;
    final cl_mem masses;

    /**
     * @param cl the device
     * @param state the particles to upload
     */
    public DeviceState(ProgramBuilder cl, ParticleState state) {
        this.cl = cl;
        this.dim = state.dim();
        this.count = state.count();
        this.capacity = Math.max(1, state.count());
        long[] flat = new long[dim * capacity];
        for (int k = 0; k < dim; k++) {
            System.arraycopy(state.positions()[k], 0, flat, k * capacity, count);
        }
        pos = buffer((long) Sizeof.cl_long * flat.length, Pointer.to(flat));
        ids = buffer((long) Sizeof.cl_int * capacity, Pointer.to(Arrays.copyOf(state.ids(), capacity)));
        masses = buffer((long) Sizeof.cl_int * capacity, Pointer.to(Arrays.copyOf(state.masses(), capacity)));
    }

    private cl_mem buffer(long bytes, Pointer data) {
        return clCreateBuffer(cl.context(), CL_MEM_READ_WRITE | CL_MEM_COPY_HOST_PTR, bytes, data, null);
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
        for (cl_mem m : new cl_mem[] {pos, ids, masses}) {
            clReleaseMemObject(m);
        }
    }
}
