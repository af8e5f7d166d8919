package org.coag.core.reference;

import org.coag.core.adaptive.AdaptiveStepper;
import org.coag.core.backend.EventSink;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.model.ModelSpec;
import org.coag.core.lattice.LatticeStepper;
import org.coag.core.step.FixedStepper;
import org.coag.core.step.Scheme;

/**
 * The reference backend's simulation: it only chooses the scheme, {@link FixedStepper} or (with
 * time.scheme = "adaptive") {@link AdaptiveStepper}, or for the lattice model {@link LatticeStepper},
 * and runs it step by step, scalar, on one thread. The schemes are the oracles the other backends
 * are tested against bit for bit.
 */
final class ReferenceSimulation implements Simulation {
    private final ParticleState state;
    private final Scheme scheme;
    private long step;

    ReferenceSimulation(ModelSpec spec, long seed, ParticleState initial, long firstStep) {
        this.state = initial.copy();
        this.scheme = spec.isLattice() ? new LatticeStepper(spec, seed)
                : spec.stepping().adaptive() ? new AdaptiveStepper(spec, seed) : new FixedStepper(spec, seed);
        this.step = firstStep;
    }

    @Override
    public void advance(long steps, EventSink sink) {
        for (long s = 0; s < steps; s++) {
            scheme.step(step++, state, sink);
        }
    }

    @Override
    public long stepIndex() {
        return step;
    }

    @Override
    public int liveCount() {
        return state.count();
    }

    @Override
    public void readState(ParticleState into) {
        state.copyInto(into);
    }

    @Override
    public void close() {
    }
}
