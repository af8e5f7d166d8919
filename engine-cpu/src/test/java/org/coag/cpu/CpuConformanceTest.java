package org.coag.cpu;

import java.util.List;
import org.coag.core.backend.Backend;
import org.coag.core.backend.BackendOptions;
import org.coag.core.conformance.BackendConformance;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance suite on the cpu backend at 1, 2, 3 and 7 threads. Maven runs this class once
 * per vector width (512 in the default execution on AVX-512 machines, then 128 and 256 in their own
 * JVMs: the width is fixed per JVM, see {@link CpuVectors}); every config has vector tails (odd N
 * or a live count that stops being a multiple of the lane count).
 */
class CpuConformanceTest extends BackendConformance {
    @BeforeAll
    static void sayWhichWidth() {
        System.out.println("CpuConformanceTest: cpu backend with " + CpuVectors.BITS + "-bit vectors (" + CpuVectors.LANES + " lanes)");
    }

    @Override
    protected Backend backend() {
        return new CpuBackend();
    }

    @Override
    protected List<BackendOptions> variants() {
        return List.of(new BackendOptions(1, 0), new BackendOptions(2, 0), new BackendOptions(3, 0), new BackendOptions(7, 0));
    }
}
