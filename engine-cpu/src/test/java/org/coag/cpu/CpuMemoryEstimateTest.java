package org.coag.cpu;

import java.util.List;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;
import org.coag.core.run.MemoryEstimates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cpu backend's heap estimate against its measured live heap (MemoryEstimates). */
class CpuMemoryEstimateTest {
    @ParameterizedTest(name = "d = {0}, adaptive = {1}")
    @CsvSource({"2, false", "3, false", "4, false", "2, true", "3, true", "4, true"})
    void estimateCoversTheLiveHeap(int dim, boolean adaptive) throws InterruptedException {
        MemoryEstimates.assertHonest(new CpuBackend(), MemoryEstimates.config(dim, 200_000, adaptive), adaptive ? 3 : 10);
    }

    /** The lattice variant: 216 000 walkers, one per site of T_60^3, rate coalescence (pair clocks). */
    @Test
    void latticeEstimateCoversTheLiveHeap() throws InterruptedException {
        RunConfig cfg = ConfigReader.read("""
                [model]
                space = "lattice"
                dim = 3
                mode = "coagulation"
                [model.lattice]
                side = 60
                start = "one_per_site"
                [model.alpha]
                value = 1.0
                [time]
                dt = 0.5
                steps = 100
                """, List.of());
        MemoryEstimates.assertHonest(new CpuBackend(), cfg, 4);
    }
}
