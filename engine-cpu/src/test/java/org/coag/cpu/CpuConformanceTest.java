package org.coag.cpu;

import java.util.List;
import jdk.incubator.vector.LongVector;
import org.coag.core.backend.Backend;
import org.coag.core.backend.BackendOptions;
import org.coag.core.conformance.BackendConformance;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance suite on the cpu backend at 1, 2, 3 and 7 threads. Maven runs this class once
 * per vector width, 128, 256 and 512 bits, each in its own JVM (the width is fixed per JVM, see
 * {@link CpuVectors}); every config has vector tails (odd N or a live count that stops being a
 * multiple of the lane count).
 *
 * <p>A width beyond the hardware's (512 bits on an AVX2 machine) is emulated by the Vector API in
 * plain Java, about ten times slower than the reference backend: that width runs every config at
 * 3 threads only (uneven worker ranges, each with its own vector tail), which still checks the
 * kernels' lane-count logic there; the other thread counts run on machines that have the width.
 */
class CpuConformanceTest extends BackendConformance {
    private static final boolean EMULATED = CpuVectors.BITS > LongVector.SPECIES_PREFERRED.vectorBitSize();

    @BeforeAll
    static void sayWhichWidth() {
        System.out.println("CpuConformanceTest: cpu backend with " + CpuVectors.BITS + "-bit vectors (" + CpuVectors.LANES + " lanes"
                + (EMULATED ? ", emulated: wider than this machine's " + LongVector.SPECIES_PREFERRED.vectorBitSize() + " bits; 3 threads only" : "")
                + "), " + LaneConversions.form());
    }

    @Override
    protected Backend backend() {
        return new CpuBackend();
    }

    @Override
    protected List<BackendOptions> variants() {
        if (EMULATED) {
            return List.of(new BackendOptions(3, 0));
        }
        return List.of(new BackendOptions(1, 0), new BackendOptions(2, 0), new BackendOptions(3, 0), new BackendOptions(7, 0));
    }
}
