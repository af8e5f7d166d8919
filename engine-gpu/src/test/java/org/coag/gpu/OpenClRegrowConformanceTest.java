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
 * step's move, seam check and hash count fused into one kernel, scans in coalesced tiles, appends
 * found and fired pairs in batches and applies the fired pairs in parallel rounds (the GPU paths,
 * {@link OpenClSimulation#fuseMove}, {@link DevicePaths#scanRuns}, {@link DevicePaths#appendBatch},
 * {@link DeviceResolve#roundsMax}), where {@link OpenClConformanceTest} on a CPU device runs three
 * kernels, scans runs, appends one pair at a time and resolves on one work item, so both paths are
 * held to the reference; the batches also meet the overflows of one-entry buffers.
 */
class OpenClRegrowConformanceTest extends BackendConformance {
    @BeforeAll
    static void needsOpenCl() {
        OpenClTests.devicesOrSkip();
        System.setProperty("coag.opencl.fuseMove", "true");
        System.setProperty(DeviceResolve.ROUNDS_PROPERTY, Integer.toString(DeviceResolve.ROUNDS_MAX));
        System.setProperty(DevicePaths.RUNS_PROPERTY, "false");
        System.setProperty(DevicePaths.BATCH_PROPERTY, Integer.toString(DevicePaths.APPEND_BATCH));
    }

    @AfterAll
    static void backToTheDevicesChoice() {
        System.clearProperty("coag.opencl.fuseMove");
        System.clearProperty(DeviceResolve.ROUNDS_PROPERTY);
        System.clearProperty(DevicePaths.RUNS_PROPERTY);
        System.clearProperty(DevicePaths.BATCH_PROPERTY);
    }

    @Override
    protected Backend backend() {
        return new OpenClBackend(1);
    }
}
