package org.coag.gpu;

import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.clEnqueueFillBuffer;
import static org.jocl.CL.clReleaseMemObject;

import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/** Free space: the device's check that no particle came near the seam ({@code seam_check} in move.cl). */
final class SeamCheck implements AutoCloseable {
    private final DeviceState s;
    private final cl_kernel kernel;
    private final cl_mem offender;

    SeamCheck(DeviceState s) {
        this.s = s;
        this.kernel = ProgramBuilder.kernel(s.cl.program(s.dim), "seam_check");
        this.offender = DeviceBuffers.create(s.cl, "the seam check's word", CL_MEM_READ_WRITE, Sizeof.cl_int, null);
    }

    /**
     * Enqueues the check of slots 0..count-1 against {@code limit}; {@link #word} holds the result.
     *
     * @param unit length of one fixed-point unit
     * @param limit the largest |x_k| allowed (length units)
     */
    void enqueue(double unit, double limit) {
        reset();
        Kernels.args(s.cl, kernel, s.pos, s.ids, s.masses, offender, s.count, s.capacity, s.dim, unit, limit);
        Kernels.run(s.cl, kernel, s.count);
    }

    /** Enqueues the reset of the word to Integer.MAX_VALUE (no offender), before a check. */
    void reset() {
        clEnqueueFillBuffer(s.cl.queue(), offender, Pointer.to(new int[] {Integer.MAX_VALUE}), Sizeof.cl_int, 0, Sizeof.cl_int,
                0, null, null);
    }

    /**
     * @return the device word that holds, after the last check, the lowest id of a live particle with
     *     |x_k| &gt;= limit, or Integer.MAX_VALUE (read with the step status, {@link DeviceResolve#status(cl_mem)})
     */
    cl_mem word() {
        return offender;
    }

    @Override
    public void close() {
        clReleaseMemObject(offender);
    }
}
