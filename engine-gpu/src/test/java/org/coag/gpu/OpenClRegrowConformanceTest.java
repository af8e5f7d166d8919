package org.coag.gpu;

import org.coag.core.backend.Backend;
import org.coag.core.conformance.BackendConformance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance suite on the opencl backend with pair, fired-pair and event buffers of one entry
 * to start with: the first steps with pairs overflow every buffer, so the device's overflow flags,
 * the host's regrowth and the reruns of the search, the firing test and the resolution (and the
 * event log's flush when it fills) must leave the hashes equal to the reference's. It runs the
 * step's move, seam check and hash count fused into one kernel (the GPU path,
 * {@link OpenClSimulation#fuseMove}), where {@link OpenClConformanceTest} on a CPU device runs them
 * as three kernels, so both paths are held to the reference.
 */
class OpenClRegrowConformanceTest extends BackendConformance {
    @BeforeAll
    static void needsOpenCl() {
        OpenClTests.devicesOrSkip();
        System.setProperty("coag.opencl.fuseMove", "true");
    }

    @AfterAll
    static void backToTheDevicesChoice() {
        System.clearProperty("coag.opencl.fuseMove");
    }

    @Override
    protected Backend backend() {
        return new OpenClBackend(1);
    }
}
