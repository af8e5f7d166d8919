package org.coag.core.reference;

import org.coag.core.backend.Backend;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.model.ModelSpec;

/**
 * The reference backend: scalar, double precision, single-threaded, written for clarity and never
 * optimised. It is the oracle every other backend is compared with, bit for bit. It runs the
 * continuum model and the lattice model ({@link ReferenceSimulation}, with the scheme of each).
 */
public final class ReferenceBackend implements Backend {
    @Override
    public String name() {
        return "reference";
    }

    @Override
    public String description() {
        return "scalar double-precision Java, one thread (the test oracle)";
    }

    @Override
    public Simulation create(ModelSpec spec, long seed, ParticleState state, long firstStep, BackendOptions options) {
        return new ReferenceSimulation(spec, seed, state, firstStep);
    }

    /**
     * The lattice stepper's heap per walker slot, estimated (not measured) from what a step holds:
     * the state and scratch arrays (about 40 + 16 d bytes), the boxed site map and its lists (about
     * 150) and the event queue (a 56-byte event and its slot for the jump clock and a few pair
     * clocks, about 150); rounded up.
     */
    static final long LATTICE_BYTES_PER_WALKER = 500;

    /**
     * Measured live heap per particle after a few steps (JDK 25, 2e5 and 1e6 particles): fixed
     * scheme 68 / 77 / 85 bytes in d = 2 / 3 / 4 plus about 6 MB, adaptive 141 bytes in d = 3 plus
     * about 5 MB; the estimate is above those with room (ReferenceMemoryEstimateTest checks it).
     */
    @Override
    public long heapBytes(ModelSpec spec, BackendOptions options) {
        if (spec.isLattice()) {
            return LATTICE_BYTES_PER_WALKER * spec.particles() + (16L << 20);
        }
        long perParticle = spec.stepping().adaptive() ? 100 + 25L * spec.dim() : 60 + 10L * spec.dim();
        return perParticle * spec.particles() + (16L << 20);
    }
}
