package org.coag.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.Backends;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.config.RunConfig;
import org.coag.core.config.Workloads;
import org.coag.core.model.InitialStates;

/**
 * Heap bytes per particle that a backend keeps for {@link Workloads#TORUS_3D}: the live heap
 * (after a full GC) with the simulation created and stepped, minus the live heap before it was
 * created, divided by N. The initial state the caller holds (36 bytes per particle in d = 3) is
 * in both and cancels. The step loop allocates nothing, so the retained heap is also the peak.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -Xmx12g -cp benchmarks/target/benchmarks.jar \
 *     org.coag.bench.MemoryProbe cpu 10000000 5
 * </pre>
 */
public final class MemoryProbe {
    private MemoryProbe() {
    }

    /** @param args backend, particles, steps */
    public static void main(String[] args) throws InterruptedException {
        String backend = args.length > 0 ? args[0] : "cpu";
        int n = args.length > 1 ? (int) Double.parseDouble(args[1]) : 10_000_000;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        RunConfig cfg = Workloads.torus3d(n);
        ParticleState initial = InitialStates.generate(cfg.model(), cfg.run().seed());
        long before = liveHeap();
        try (Simulation sim = Backends.find(backend).create(cfg.model(), cfg.run().seed(), initial, 0, BackendOptions.DEFAULTS)) {
            sim.advance(steps, (s, kind, lo, hi, ml, mh, sv) -> { });
            long after = liveHeap();
            System.out.printf("%s N = %d after %d steps: %.1f bytes per particle retained by the simulation (%.0f MiB)%n",
                    backend, n, steps, (after - before) / (double) n, (after - before) / 1048576.0);
        }
    }

    private static long liveHeap() throws InterruptedException {
        MemoryMXBean bean = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return bean.getHeapMemoryUsage().getUsed();
    }
}
