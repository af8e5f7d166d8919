package org.coag.core.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.coag.core.backend.Backend;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;
import org.coag.core.model.InitialStates;

/**
 * Keeps {@link Backend#heapBytes} honest: the live heap a simulation holds after a few steps (a full
 * collection before and after, as MemoryProbe measures it) must lie under the estimate, and the
 * estimate within 4x of it plus 100 MB (so a run that fits is not refused).
 */
public final class MemoryEstimates {
    private MemoryEstimates() {
    }

    /**
     * @param dim dimension
     * @param particles N
     * @param adaptive the adaptive scheme, else the fixed one
     * @return a torus annihilation config of that size at a low volume fraction
     */
    public static RunConfig config(int dim, int particles, boolean adaptive) {
        String time = adaptive ? "scheme = \"adaptive\"\ndt_over_eps2 = 0.01\ntolerance = 1e-5\n" : "dt_over_eps2 = 0.05\n";
        return ConfigReader.read("[model]\ndim = " + dim + "\nmode = \"annihilation\"\nparticles = " + particles
                + "\nvolume_fraction = " + (adaptive ? "1e-7" : "1e-3") + "\n[model.alpha]\nvalue = 2.0\n[time]\n" + time
                + "steps = 1000\n", List.of());
    }

    /**
     * @param backend the backend
     * @param cfg the run
     * @param steps steps to take before measuring
     */
    public static void assertHonest(Backend backend, RunConfig cfg, int steps) throws InterruptedException {
        BackendOptions options = new BackendOptions(2, 0);
        ParticleState initial = InitialStates.generate(cfg.model(), cfg.run().seed());
        long before = liveHeap();
        long measured;
        try (Simulation sim = backend.create(cfg.model(), cfg.run().seed(), initial, 0, options)) {
            sim.advance(steps, (s, kind, lo, hi, ml, mh, sv) -> { });
            measured = liveHeap() - before;
        }
        long estimate = backend.heapBytes(cfg.model(), options);
        String what = String.format("%s, d = %d, %s, N = %d: measured %.1f MB, estimate %.1f MB", backend.name(), cfg.model().dim(),
                cfg.model().stepping().adaptive() ? "adaptive" : "fixed", cfg.model().particles(), measured / 1e6, estimate / 1e6);
        System.out.println("heap estimate: " + what);
        assertTrue(measured <= estimate, "the estimate is below what the simulation holds: " + what);
        assertTrue(estimate <= 4 * measured + (100L << 20), "the estimate would refuse runs that fit: " + what);
    }

    private static long liveHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
