package org.coag.gpu;

import org.coag.core.backend.Backend;
import org.coag.core.conformance.BackendConformance;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance suite on the opencl backend (PoCL in CI): equal event logs and final states with
 * the reference on every config. Skipped with the reason printed when no OpenCL platform exists,
 * a failure under -Dcoag.requireOpenCL=true.
 */
class OpenClConformanceTest extends BackendConformance {
    @BeforeAll
    static void needsOpenCl() {
        OpenClTests.devicesOrSkip();
    }

    @Override
    protected Backend backend() {
        return new OpenClBackend();
    }
}
