package org.coag.gpu;

import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clSetKernelArg;

import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/** Setting kernel arguments, launching 1D ranges, reading single words back. */
final class Kernels {
    /** Work-group size: a multiple of every vendor's SIMD width (32 NVIDIA, 64 AMD, 8-16 CPUs). */
    static final long LOCAL = 64;

    private Kernels() {
    }

    /**
     * Sets the arguments in order: cl_mem, Integer (int/uint), Long (long/ulong), Double.
     *
     * @param kernel the kernel
     * @param values the arguments
     */
    static void args(cl_kernel kernel, Object... values) {
        for (int a = 0; a < values.length; a++) {
            Object v = values[a];
            if (v instanceof cl_mem) {
                clSetKernelArg(kernel, a, Sizeof.cl_mem, Pointer.to((cl_mem) v));
            } else if (v instanceof Integer) {
                clSetKernelArg(kernel, a, Sizeof.cl_int, Pointer.to(new int[] {(Integer) v}));
            } else if (v instanceof Long) {
                clSetKernelArg(kernel, a, Sizeof.cl_long, Pointer.to(new long[] {(Long) v}));
            } else if (v instanceof Double) {
                clSetKernelArg(kernel, a, Sizeof.cl_double, Pointer.to(new double[] {(Double) v}));
            } else {
                throw new IllegalArgumentException("kernel argument " + a + ": unsupported " + v);
            }
        }
    }

    /**
     * Enqueues {@code items} work items, padded to a multiple of {@link #LOCAL} (OpenCL 1.2 needs
     * uniform work groups; kernels check their index against the count).
     *
     * @param cl the device
     * @param kernel the kernel
     * @param items work items wanted
     */
    static void run(ProgramBuilder cl, cl_kernel kernel, long items) {
        long global = Math.max(1, (items + LOCAL - 1) / LOCAL) * LOCAL;
        clEnqueueNDRangeKernel(cl.queue(), kernel, 1, null, new long[] {global}, new long[] {LOCAL}, 0, null, null);
    }

    /**
     * Reads one int of a buffer (waits for the queue).
     *
     * @param cl the device
     * @param buffer an int buffer
     * @param index the word to read
     * @return its value
     */
    static int readInt(ProgramBuilder cl, cl_mem buffer, long index) {
        int[] v = new int[1];
        clEnqueueReadBuffer(cl.queue(), buffer, CL_TRUE, (long) Sizeof.cl_int * index, Sizeof.cl_int, Pointer.to(v), 0, null, null);
        return v[0];
    }
}
