package org.coag.cpu;

import org.coag.core.run.MemoryEstimates;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cpu backend's heap estimate against its measured live heap (MemoryEstimates). */
class CpuMemoryEstimateTest {
    @ParameterizedTest(name = "d = {0}, adaptive = {1}")
    @CsvSource({"2, false", "3, false", "4, false", "2, true", "3, true", "4, true"})
    void estimateCoversTheLiveHeap(int dim, boolean adaptive) throws InterruptedException {
        MemoryEstimates.assertHonest(new CpuBackend(), MemoryEstimates.config(dim, 200_000, adaptive), adaptive ? 3 : 10);
    }
}
