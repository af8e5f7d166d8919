package org.coag.gpu;

import static org.jocl.CL.clCreateBuffer;

import org.coag.core.model.ModelException;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.cl_mem;

/**
 * Every device buffer of the opencl backend is created here: its size is checked against the
 * device's largest allocation ({@code CL_DEVICE_MAX_MEM_ALLOC_SIZE}) first, and a refusal or a
 * failed allocation becomes one line that names the buffer, its size and the device.
 */
final class DeviceBuffers {
    private static final double GIB = 1L << 30;

    private DeviceBuffers() {
    }

    /**
     * @param cl the device
     * @param what the buffer, as a user reads it (e.g. "the positions")
     * @param flags {@code CL_MEM_*} flags
     * @param bytes its size, bytes (at least 1 is allocated)
     * @param data host data to copy (with {@code CL_MEM_COPY_HOST_PTR}), or null
     * @return the buffer
     * @throws ModelException when it exceeds the largest allocation or the allocation fails
     */
    static cl_mem create(ProgramBuilder cl, String what, long flags, long bytes, Pointer data) {
        DeviceInfo device = cl.device().info();
        long size = Math.max(1, bytes);
        checkAllocation(device, what, size);
        try {
            return clCreateBuffer(cl.context(), flags, size, data, null);
        } catch (CLException e) {
            throw new ModelException(String.format("opencl: allocating %s (%.2f GiB) on %s failed (%s); use fewer particles or "
                    + "another device", what, size / GIB, device.name(), e.getMessage().split("\n")[0]));
        }
    }

    /**
     * @param device the device
     * @param what the buffer, as a user reads it
     * @param bytes its size, bytes
     * @throws ModelException when it exceeds the device's largest allocation
     */
    static void checkAllocation(DeviceInfo device, String what, long bytes) {
        if (bytes < 0 || bytes > device.maxAllocation()) {
            throw new ModelException(String.format("opencl: %s would need one %.2f GiB buffer, above the largest allocation of "
                    + "%s (%.2f GiB); use fewer particles or another device", what,
                    bytes < 0 ? Double.POSITIVE_INFINITY : bytes / GIB, device.name(), device.maxAllocation() / GIB));
        }
    }
}
