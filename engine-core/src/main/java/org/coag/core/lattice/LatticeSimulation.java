package org.coag.core.lattice;

import org.coag.core.backend.EventSink;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.model.ModelSpec;

/**
 * The reference backend's simulation of the lattice model: {@link LatticeStepper} one observation
 * step at a time, scalar, on one thread. Its whole state between steps is the walkers' sites,
 * masses and ids, so checkpoints and resume need nothing beyond the continuum model's.
 */
public final class LatticeSimulation implements Simulation {
    private final ParticleState state;
    private final LatticeStepper stepper;
    private long step;

    /**
     * @param spec a lattice model
     * @param seed the run seed
     * @param initial the walkers at step {@code firstStep} (copied)
     * @param firstStep the index of the next step
     */
    public LatticeSimulation(ModelSpec spec, long seed, ParticleState initial, long firstStep) {
        this.state = initial.copy();
        this.stepper = new LatticeStepper(spec, seed);
        this.step = firstStep;
    }

    /** @return the stepper (tests attach a {@link LatticeStepper.Trace} to it) */
    public LatticeStepper stepper() {
        return stepper;
    }

    @Override
    public void advance(long steps, EventSink sink) {
        for (long s = 0; s < steps; s++) {
            stepper.step(step++, state, sink);
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
