package org.coag.gpu;

import static org.jocl.CL.CL_MEM_COPY_HOST_PTR;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clReleaseMemObject;

import java.util.Arrays;
import org.coag.core.backend.ParticleState;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_mem;

/**
 * Particles on an OpenCL device: positions SoA (one buffer of {@code dim * capacity} longs, coordinate k
 * of slot i at {@code k * capacity + i}, a 64-bit index in the kernels, fixed point as in
 * {@link ParticleState}; uploaded and read one coordinate at a time), ids and masses
 * ({@code int[capacity]}; mass 0 marks a dead slot), slots 0..count-1 in use. Each buffer has a
 * spare of the same size: the pair search gathers the live particles into the spares in cell
 * order and {@link #swap swaps} them in, so the state is compacted and sorted on the device every
 * step and no slot numbering survives a step.
 */
public final class DeviceState implements AutoCloseable {
    final ProgramBuilder cl;
    final int dim;
    final int capacity;
    int count;
    cl_mem pos;
    cl_mem ids;
    cl_mem masses;
    cl_mem sparePos;
    cl_mem spareIds;
    cl_mem spareMasses;

    /**
     * @param cl the device
     * @param state the particles to upload
     */
    public DeviceState(ProgramBuilder cl, ParticleState state) {
        this.cl = cl;
        this.dim = state.dim();
        this.count = state.count();
        this.capacity = Math.max(1, state.count());
        long positionBytes = (long) Sizeof.cl_long * dim * capacity;
        pos = buffer("the positions", positionBytes, null);
        for (int k = 0; k < dim; k++) {
            if (count > 0) {
                clEnqueueWriteBuffer(cl.queue(), pos, CL_TRUE, coordinateOffset(k), (long) Sizeof.cl_long * count,
                        Pointer.to(state.positions()[k]), 0, null, null);
            }
        }
        ids = buffer("the ids", (long) Sizeof.cl_int * capacity, Pointer.to(Arrays.copyOf(state.ids(), capacity)));
        masses = buffer("the masses", (long) Sizeof.cl_int * capacity, Pointer.to(Arrays.copyOf(state.masses(), capacity)));
        sparePos = buffer("the sorted positions", positionBytes, null);
        spareIds = buffer("the sorted ids", (long) Sizeof.cl_int * capacity, null);
        spareMasses = buffer("the sorted masses", (long) Sizeof.cl_int * capacity, null);
    }

    private cl_mem buffer(String what, long bytes, Pointer data) {
        return DeviceBuffers.create(cl, what, CL_MEM_READ_WRITE | (data == null ? 0 : CL_MEM_COPY_HOST_PTR), bytes, data);
    }

    /** @return the byte offset of coordinate k in the positions buffer */
    private long coordinateOffset(int k) {
        return (long) Sizeof.cl_long * k * capacity;
    }

    /** Makes the spares (just filled by a gather) the state; the count is set by the caller once known. */
    void swap() {
        cl_mem p = pos;
        pos = sparePos;
        sparePos = p;
        cl_mem i = ids;
        ids = spareIds;
        spareIds = i;
        cl_mem m = masses;
        masses = spareMasses;
        spareMasses = m;
    }

    /**
     * @param into receives the positions of slots 0..count-1
     */
    public void readPositions(ParticleState into) {
        for (int k = 0; k < dim; k++) {
            if (count > 0) {
                clEnqueueReadBuffer(cl.queue(), pos, CL_TRUE, coordinateOffset(k), (long) Sizeof.cl_long * count,
                        Pointer.to(into.positions()[k]), 0, null, null);
            }
        }
    }

    /**
     * @param buffer {@link #ids} or {@link #masses}
     * @return slots 0..count-1 of it
     */
    int[] readInts(cl_mem buffer) {
        return readInts(buffer, count);
    }

    /**
     * @param buffer {@link #ids} or {@link #masses}
     * @param n slots to read
     * @return slots 0..n-1 of it
     */
    int[] readInts(cl_mem buffer, int n) {
        int[] v = new int[Math.max(1, n)];
        if (n > 0) {
            clEnqueueReadBuffer(cl.queue(), buffer, CL_TRUE, 0, (long) Sizeof.cl_int * n, Pointer.to(v), 0, null, null);
        }
        return v;
    }

    @Override
    public void close() {
        clFinish(cl.queue());
        for (cl_mem m : new cl_mem[] {pos, ids, masses, sparePos, spareIds, spareMasses}) {
            clReleaseMemObject(m);
        }
    }
}
