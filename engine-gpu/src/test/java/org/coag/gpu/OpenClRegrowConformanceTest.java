package org.coag.gpu;

import org.coag.core.backend.Backend;
import org.coag.core.conformance.BackendConformance;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance suite on the opencl backend with pair, fired-pair and event buffers of one entry
 * to start with: the first steps with pairs overflow every buffer, so the device's overflow flags,
 * the host's regrowth and the reruns of the search, the firing test and the resolution (and the
 * event log's flush when it fills) must leave the hashes equal to the reference's.
 */
class OpenClRegrowConformanceTest extends BackendConformance {
    @BeforeAll
    static void needsOpenCl() {
        OpenClTests.devicesOrSkip();
    }

    @Override
    protected Backend backend() {
        return new OpenClBackend(1);
    }
}
