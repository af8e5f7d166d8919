package org.coag.core.reference;

import org.coag.core.run.MemoryEstimates;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reference backend's heap estimate against its measured live heap (MemoryEstimates). */
class ReferenceMemoryEstimateTest {
    @ParameterizedTest(name = "d = {0}, adaptive = {1}")
    @CsvSource({"2, false", "3, false", "4, false", "3, true"})
    void estimateCoversTheLiveHeap(int dim, boolean adaptive) throws InterruptedException {
        MemoryEstimates.assertHonest(new ReferenceBackend(), MemoryEstimates.config(dim, 200_000, adaptive), adaptive ? 2 : 5);
    }
}
