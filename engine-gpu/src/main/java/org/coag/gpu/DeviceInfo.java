package org.coag.gpu;

/**
 * One OpenCL device as {@code coag devices} lists it.
 *
 * @param index position in the flattened list over all platforms (what {@code --device N} selects)
 * @param platform platform name and version
 * @param name device name
 * @param type GPU, CPU, accelerator or other
 * @param driver driver version
 * @param fp64 whether the device supports double precision (cl_khr_fp64 or OpenCL 3.0 __opencl_c_fp64)
 * @param globalMemory global memory, bytes
 * @param maxAllocation largest single buffer, bytes
 * @param computeUnits compute units
 */
public record DeviceInfo(int index, String platform, String name, String type, String driver, boolean fp64,
                         long globalMemory, long maxAllocation, int computeUnits) {
}
