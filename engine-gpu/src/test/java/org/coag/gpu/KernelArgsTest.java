package org.coag.gpu;

import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.clReleaseMemObject;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.junit.jupiter.api.Test;

/** Kernel arguments are set only when they differ from the values the kernel holds. */
class KernelArgsTest {
    @Test
    void onlyChangedArgumentsAreSet() {
        OpenClTests.devicesOrSkip();
        ProgramBuilder cl = new ProgramBuilder(OpenCl.select(null));
        cl_kernel kernel = ProgramBuilder.kernel(cl.program(3), "scan_reduce");
        cl_mem a = DeviceBuffers.create(cl, "a test buffer", CL_MEM_READ_WRITE, Sizeof.cl_int * 16L, null);
        cl_mem b = DeviceBuffers.create(cl, "a test buffer", CL_MEM_READ_WRITE, Sizeof.cl_int * 16L, null);
        try {
            Kernels.Local local = new Kernels.Local(Sizeof.cl_int * 4L);
            long before = Kernels.argumentsSet();
            Kernels.args(cl, kernel, a, b, 16, local);
            assertEquals(4, Kernels.argumentsSet() - before, "first call: every argument");
            Kernels.args(cl, kernel, a, b, 16, new Kernels.Local(Sizeof.cl_int * 4L));
            assertEquals(4, Kernels.argumentsSet() - before, "same values: none");
            Kernels.args(cl, kernel, b, b, 8, local);
            assertEquals(6, Kernels.argumentsSet() - before, "another buffer and another int: those two");
        } finally {
            clReleaseMemObject(a);
            clReleaseMemObject(b);
        }
    }
}
