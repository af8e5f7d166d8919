package org.coag.cpu;

import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.ParticleState;
import org.coag.core.model.ModelSpec;

/**
 * The cpu backend's step phases one at a time, on all its threads, for the part benchmarks of the
 * JMH suite ({@code org.coag.bench.PartsBenchmark}). Not for runs: a phase repeated out of the
 * step's order leaves states no real step produces (the draws of one step over and over, an
 * already sorted state sorted again); the timings are what they measure.
 */
public final class CpuPhases implements AutoCloseable {
    private final CpuSimulation sim;

    /**
     * Creates the backend's simulation and takes one whole step, so the particles are in cell order.
     *
     * @param spec the model
     * @param seed run seed
     * @param state the particles
     * @param threads worker threads (0: all processors)
     */
    public CpuPhases(ModelSpec spec, long seed, ParticleState state, int threads) {
        sim = new CpuSimulation(spec, seed, state, 0, new BackendOptions(threads, 0).resolvedThreads());
        sim.advance(1, (s, kind, lo, hi, ml, mh, sv) -> { });
    }

    /** Philox4x32-10 blocks and AS241 normals for every live particle (the move without the update). */
    public void philoxGaussians() {
        sim.runPhase(0);
    }

    /** The whole move: draws, fixed-point increments and the distance moved since the pair list was built. */
    public void move() {
        sim.runPhase(1);
    }

    /**
     * The pair-list build: rows located and counted, the counting sort by row, each row sorted and
     * written to the other buffer and scanned for the pairs within the reach plus the skin (each
     * listed and tested), the reference positions saved.
     */
    public void hashBuild() {
        sim.runPhase(2);
    }

    /** The listed pairs' test: what a step's pair search costs between list builds. */
    public void pairScan() {
        sim.runPhase(3);
    }

    /** @return live particles */
    public int live() {
        return sim.liveCount();
    }

    @Override
    public void close() {
        sim.close();
    }
}
