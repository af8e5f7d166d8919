package org.coag.cli;

import org.coag.core.backend.Backend;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.model.ModelSpec;
import org.coag.core.reference.ReferenceBackend;

/**
 * Test-only backend ({@code skewed}): the reference with the seed changed, so its results differ;
 * lets the tests see {@code coag verify} fail. It refuses the lattice and fragmentation models, so that
 * {@code coag verify} without --backends on those finds only the backends of the real installation.
 */
public final class SkewedBackend implements Backend {
    @Override
    public String name() {
        return "skewed";
    }

    @Override
    public String description() {
        return "test only: the reference backend with another seed";
    }

    @Override
    public String unsupported(ModelSpec spec) {
        return spec.isLattice() || spec.fragmentation().enabled() ? "test only: the skewed backend runs continuum coagulation alone" : null;
    }

    @Override
    public Simulation create(ModelSpec spec, long seed, ParticleState state, long firstStep, BackendOptions options) {
        return new ReferenceBackend().create(spec, seed + 1, state, firstStep, options);
    }
}
