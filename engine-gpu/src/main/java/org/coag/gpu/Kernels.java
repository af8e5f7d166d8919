package org.coag.gpu;

import static org.jocl.CL.CL_DEVICE_MAX_WORK_ITEM_SIZES;
import static org.jocl.CL.CL_KERNEL_PREFERRED_WORK_GROUP_SIZE_MULTIPLE;
import static org.jocl.CL.CL_KERNEL_WORK_GROUP_SIZE;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clGetDeviceInfo;
import static org.jocl.CL.clGetKernelWorkGroupInfo;
import static org.jocl.CL.clSetKernelArg;

import java.util.concurrent.atomic.LongAdder;
import org.coag.core.model.ModelException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * Setting kernel arguments, launching 1D ranges, reading single words back. Each kernel's work-group
 * size comes from the device ({@link #localSize}); no kernel depends on it for its result.
 */
final class Kernels {
    /**
     * Work-group size aimed at: a multiple of every vendor's SIMD width (32 NVIDIA, 64 AMD, 8-16
     * CPUs), lowered to what the device allows for the kernel.
     */
    static final long TARGET_LOCAL = 64;
    /** System property (or environment variable {@code COAG_OPENCL_LOCAL}): a smaller work-group size cap. */
    static final String LOCAL_PROPERTY = "coag.opencl.local";
    /** clSetKernelArg calls made by {@link #args} since the start (tests, profiles). */
    private static final LongAdder ARGUMENTS_SET = new LongAdder();
    /** Work groups per compute unit that a grid-stride launch ({@link #strideItems}) aims at. */
    private static final long GROUPS_PER_UNIT = 64;

    private Kernels() {
    }

    /**
     * A {@code __local} kernel argument: work-group memory of this many bytes.
     *
     * @param bytes the size (bytes)
     */
    record Local(long bytes) {
    }

    /**
     * Sets the arguments in order: cl_mem, Integer (int/uint), Long (long/ulong), Double, {@link Local}.
     * An argument keeps its value between launches (OpenCL), so only those that differ from the last
     * values set on the kernel are set: the same buffer object, or an equal number or size.
     *
     * @param cl the device
     * @param kernel the kernel
     * @param values the arguments
     */
    static void args(ProgramBuilder cl, cl_kernel kernel, Object... values) {
        Object[] last = cl.lastArgs(kernel, values.length);
        for (int a = 0; a < values.length; a++) {
            Object v = values[a];
            if (v instanceof cl_mem ? last[a] == v : v.equals(last[a])) {
                continue;
            }
            last[a] = v;
            ARGUMENTS_SET.increment();
            if (v instanceof cl_mem) {
                clSetKernelArg(kernel, a, Sizeof.cl_mem, Pointer.to((cl_mem) v));
            } else if (v instanceof Integer) {
                clSetKernelArg(kernel, a, Sizeof.cl_int, Pointer.to(new int[] {(Integer) v}));
            } else if (v instanceof Long) {
                clSetKernelArg(kernel, a, Sizeof.cl_long, Pointer.to(new long[] {(Long) v}));
            } else if (v instanceof Double) {
                clSetKernelArg(kernel, a, Sizeof.cl_double, Pointer.to(new double[] {(Double) v}));
            } else if (v instanceof Local) {
                clSetKernelArg(kernel, a, ((Local) v).bytes(), null);
            } else {
                throw new IllegalArgumentException("kernel argument " + a + ": unsupported " + v);
            }
        }
    }

    /** @return the clSetKernelArg calls {@link #args} made since the start, on every device */
    static long argumentsSet() {
        return ARGUMENTS_SET.sum();
    }

    /**
     * Enqueues {@code items} work items, padded to a multiple of the kernel's work-group size
     * ({@link ProgramBuilder#localSize}; OpenCL 1.2 needs uniform work groups; kernels check their
     * index against the count).
     *
     * @param cl the device
     * @param kernel the kernel
     * @param items work items wanted
     */
    static void run(ProgramBuilder cl, cl_kernel kernel, long items) {
        long local = cl.localSize(kernel);
        long global = Math.max(1, (items + local - 1) / local) * local;
        clEnqueueNDRangeKernel(cl.queue(), kernel, 1, null, new long[] {global}, new long[] {local}, 0, null, null);
    }

    /**
     * Enqueues {@code groups} work groups of {@code local} items each (kernels that need a given
     * work-group size, e.g. the two scan passes that must cut the same tiles).
     *
     * @param cl the device
     * @param kernel the kernel
     * @param groups work groups, at least 1
     * @param local work items per group, at most the kernel's {@link ProgramBuilder#localSize}
     */
    static void runGroups(ProgramBuilder cl, cl_kernel kernel, long groups, long local) {
        clEnqueueNDRangeKernel(cl.queue(), kernel, 1, null, new long[] {groups * local}, new long[] {local}, 0, null, null);
    }

    /**
     * @param cl the device
     * @param kernel a grid-stride kernel (each work item strides over the items)
     * @param items the items to cover
     * @return work items to launch: {@code items}, at most {@link #GROUPS_PER_UNIT} work groups per compute unit
     */
    static long strideItems(ProgramBuilder cl, cl_kernel kernel, long items) {
        long units = Math.max(1, cl.device().info().computeUnits());
        return Math.max(1, Math.min(items, units * GROUPS_PER_UNIT * cl.localSize(kernel)));
    }

    /**
     * The work-group size of a kernel on a device: {@link #TARGET_LOCAL} (or the cap of
     * {@link #LOCAL_PROPERTY}), within the kernel's {@code CL_KERNEL_WORK_GROUP_SIZE} and the device's
     * {@code CL_DEVICE_MAX_WORK_ITEM_SIZES[0]}, a multiple of the kernel's
     * {@code CL_KERNEL_PREFERRED_WORK_GROUP_SIZE_MULTIPLE} where that fits.
     *
     * @param cl the device
     * @param kernel the kernel
     * @return the work-group size
     */
    static long queryLocalSize(ProgramBuilder cl, cl_kernel kernel) {
        long[] v = new long[1];
        clGetKernelWorkGroupInfo(kernel, cl.device().id(), CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t, Pointer.to(v), null);
        long kernelMax = v[0];
        clGetKernelWorkGroupInfo(kernel, cl.device().id(), CL_KERNEL_PREFERRED_WORK_GROUP_SIZE_MULTIPLE, Sizeof.size_t,
                Pointer.to(v), null);
        long multiple = v[0];
        long[] itemSizes = new long[3];
        clGetDeviceInfo(cl.device().id(), CL_DEVICE_MAX_WORK_ITEM_SIZES, 3L * Sizeof.size_t, Pointer.to(itemSizes), null);
        return chooseLocal(kernelMax, multiple, itemSizes[0], localCap());
    }

    /**
     * @param kernelMax the kernel's largest work group on the device
     * @param multiple the kernel's preferred multiple (SIMD width), 0 or 1 when none
     * @param itemMax the device's largest work group along dimension 0 (0: no limit known)
     * @param cap the largest size wanted
     * @return the largest size at most min(cap, kernelMax, itemMax) that is a multiple of
     *     {@code multiple} (or, when the limit is below it, the limit), at least 1
     */
    static long chooseLocal(long kernelMax, long multiple, long itemMax, long cap) {
        long limit = Math.min(cap, kernelMax);
        if (itemMax > 0) {
            limit = Math.min(limit, itemMax);
        }
        limit = Math.max(1, limit);
        long m = Math.max(1, multiple);
        if (limit < m) {
            return limit;
        }
        long wanted = Math.max(TARGET_LOCAL, m);
        return Math.min(limit, wanted) / m * m;
    }

    /** @return {@link #TARGET_LOCAL}, or the smaller cap of {@link #LOCAL_PROPERTY} / {@code COAG_OPENCL_LOCAL} */
    private static long localCap() {
        String v = System.getProperty(LOCAL_PROPERTY, System.getenv("COAG_OPENCL_LOCAL"));
        if (v == null || v.isBlank()) {
            return Long.MAX_VALUE;
        }
        try {
            long cap = Long.parseLong(v.trim());
            if (cap >= 1) {
                return cap;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ModelException(LOCAL_PROPERTY + " / COAG_OPENCL_LOCAL: must be a positive integer work-group size (got " + v + ")");
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
