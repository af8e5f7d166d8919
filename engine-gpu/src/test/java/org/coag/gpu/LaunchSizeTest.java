package org.coag.gpu;

import static org.jocl.CL.CL_KERNEL_WORK_GROUP_SIZE;
import static org.jocl.CL.clGetKernelWorkGroupInfo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.RunFingerprint;
import org.coag.core.conformance.ConformanceCase;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.junit.jupiter.api.Test;

/** Work-group sizes come from the device, and no result depends on them. */
class LaunchSizeTest {
    private static final long NO_CAP = Long.MAX_VALUE;

    @Test
    void theLocalSizeIsTheTargetWithinTheKernelsLimitInItsPreferredMultiple() {
        assertEquals(Kernels.TARGET_LOCAL, Kernels.chooseLocal(4096, 8, 4096, NO_CAP));
        assertEquals(16, Kernels.chooseLocal(16, 1, 16, NO_CAP), "a device limit below the target");
        assertEquals(32, Kernels.chooseLocal(48, 32, 1024, NO_CAP), "the limit rounded down to the SIMD width");
        assertEquals(8, Kernels.chooseLocal(8, 32, 1024, NO_CAP), "a limit below the SIMD width is used as it is");
        assertEquals(128, Kernels.chooseLocal(1024, 128, 1024, NO_CAP), "a SIMD width above the target");
        assertEquals(16, Kernels.chooseLocal(4096, 8, 4096, 20), "a cap, rounded down to the multiple");
        assertEquals(24, Kernels.chooseLocal(24, 8, 0, NO_CAP), "no item-size limit known");
        assertEquals(1, Kernels.chooseLocal(0, 0, 0, NO_CAP));
    }

    @Test
    void everyKernelLaunchesWithinItsWorkGroupLimit() {
        OpenClTests.devicesOrSkip();
        ProgramBuilder cl = new ProgramBuilder(OpenCl.select(null));
        for (String name : new String[] {"move", "move_seam_count", "hash_count", "scan_reduce", "scan_group_sums", "scan_tiles", "find_pairs_rows", "fire_pairs", "sort_fired_local", "resolve_fired", "status_partial", "status_final"}) {
            cl_kernel kernel = ProgramBuilder.kernel(cl.program(3), name);
            long[] max = new long[1];
            clGetKernelWorkGroupInfo(kernel, cl.device().id(), CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t, Pointer.to(max), null);
            long local = cl.localSize(kernel);
            assertTrue(local >= 1 && local <= max[0], name + ": " + local + " of " + max[0]);
        }
    }

    /** A device whose work groups hold only 3 items (odd, below every SIMD width) gives the same bits. */
    @Test
    void tinyWorkGroupsGiveTheSameBits() {
        OpenClTests.devicesOrSkip();
        System.setProperty(Kernels.LOCAL_PROPERTY, "3");
        try {
            ConformanceCase c = ConformanceCase.all().stream().filter(k -> k.name().equals("torus-doi-coag-2d-logscaling"))
                    .findFirst().orElseThrow();
            RunFingerprint got = ConformanceCase.run(c.name(), new OpenClBackend(), new BackendOptions(1, 0));
            assertEquals(c.eventLog(), got.eventLog());
            assertEquals(c.finalState(), got.finalState());
        } finally {
            System.clearProperty(Kernels.LOCAL_PROPERTY);
        }
    }
}
