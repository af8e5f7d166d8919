package org.coag.cpu;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.coag.core.backend.Backend;
import org.coag.core.backend.BackendOptions;
import org.coag.core.conformance.BackendConformance;
import org.coag.core.conformance.ConformanceCase;

/**
 * The lattice conformance cases on the cpu backend at 1, 2, 3 and 7 threads, in the default test
 * run (CpuConformanceTest runs them too, among all, once per vector width): each must give the
 * reference's golden event log and final state hashes.
 */
class CpuLatticeConformanceTest extends BackendConformance {
    @Override
    protected Backend backend() {
        return new CpuBackend();
    }

    @Override
    protected List<BackendOptions> variants() {
        return List.of(new BackendOptions(1, 0), new BackendOptions(2, 0), new BackendOptions(3, 0), new BackendOptions(7, 0));
    }

    @Override
    protected List<ConformanceCase> cases() {
        List<ConformanceCase> lattice = ConformanceCase.all().stream().filter(c -> c.name().startsWith("lattice-")).toList();
        assertFalse(lattice.isEmpty(), "expected.csv has lattice cases");
        return lattice;
    }
}
