package org.coag.core.reference;

import org.coag.core.backend.Backend;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.model.ModelSpec;

/**
 * The reference backend: scalar, double precision, single-threaded, written for clarity and never
 * optimised. It is the oracle every other backend is compared with, bit for bit.
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
}
