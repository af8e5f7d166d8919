package org.coag.cpu;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.coag.core.backend.Backend;
import org.coag.core.conformance.BackendConformance;
import org.coag.core.conformance.ConformanceCase;

/**
 * The lattice conformance cases on the cpu backend alone (CpuConformanceTest runs them too, among
 * all): until the cpu backend has a lattice variant, each must be refused before the run with the
 * one-line reason of {@link CpuBackend#unsupported}.
 */
class CpuLatticeRefusalTest extends BackendConformance {
    @Override
    protected Backend backend() {
        return new CpuBackend();
    }

    @Override
    protected List<ConformanceCase> cases() {
        List<ConformanceCase> lattice = ConformanceCase.all().stream().filter(c -> c.name().startsWith("lattice-")).toList();
        assertFalse(lattice.isEmpty(), "expected.csv has lattice cases");
        return lattice;
    }
}
