package org.coag.cpu;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.coag.core.conformance.ConformanceCase;

/**
 * The fragmentation conformance cases (frag-*) alone, at the thread counts of
 * {@link CpuConformanceTest}, in the default test JVM (CpuConformanceTest runs them among all, once
 * per vector width): quick to run after a change of the split code. Each must match the
 * reference's golden hashes, not be refused.
 */
class CpuFragmentationConformanceTest extends CpuConformanceTest {
    @Override
    protected List<ConformanceCase> cases() {
        List<ConformanceCase> frag = ConformanceCase.all().stream().filter(c -> c.name().startsWith("frag-")).toList();
        assertFalse(frag.isEmpty(), "expected.csv has fragmentation cases");
        for (ConformanceCase c : frag) {
            assertNull(new CpuBackend().unsupported(ConformanceCase.config(c.name()).model()), c.name() + " is refused");
        }
        return frag;
    }
}
