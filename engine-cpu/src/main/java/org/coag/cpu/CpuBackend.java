package org.coag.cpu;

import org.coag.core.backend.Backend;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;

/**
 * The CPU backend ({@code --backend cpu}): every model feature of the reference backend, with the
 * Vector API for the move and all cores for every phase; bit-identical to the reference at any
 * thread count and vector width (DESIGN.md contract 1). See {@link CpuSimulation}.
 *
 * <p>The vector width is fixed per JVM (system property {@code coag.vectorBits}, see
 * {@link CpuVectors}); asking for another width in {@link BackendOptions} is an error.
 */
public final class CpuBackend implements Backend {
    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public String description() {
        return "Java Vector API (" + CpuVectors.BITS + "-bit, " + CpuVectors.LANES + " particles per vector, "
                + LaneConversions.form() + "), all cores ("
                + Runtime.getRuntime().availableProcessors() + " here)";
    }

    @Override
    public Simulation create(ModelSpec spec, long seed, ParticleState state, long firstStep, BackendOptions options) {
        if (options.vectorBits() != 0 && options.vectorBits() != CpuVectors.BITS) {
            throw new ModelException("the cpu backend of this JVM uses " + CpuVectors.BITS + "-bit vectors; set "
                    + "-Dcoag.vectorBits=" + options.vectorBits() + " (or --vector-bits) before the first run");
        }
        if (spec.stepping().adaptive()) {
            return new CpuAdaptiveSimulation(spec, seed, state, firstStep, options.resolvedThreads());
        }
        return new CpuSimulation(spec, seed, state, firstStep, options.resolvedThreads());
    }

    /** @return the vector width this JVM's cpu backend uses, bits */
    public static int vectorBits() {
        return CpuVectors.BITS;
    }
}
