package org.coag.cpu;

import org.coag.core.backend.Backend;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;

/**
 * The CPU backend ({@code --backend cpu}): every model feature of the reference backend but the
 * lattice model (fragmentation included), with the Vector API for the move and all cores for every
 * phase; bit-identical to the reference at any thread count and vector width
 * (docs/ARCHITECTURE.md contract 1). See {@link CpuSimulation}.
 *
 * <p>The vector width is fixed per JVM (system property {@code coag.vectorBits}, see
 * {@link CpuVectors}); asking for another width in {@link BackendOptions} is an error.
 */
public final class CpuBackend implements Backend {
    /** Why the lattice model is refused (one line). */
    static final String LATTICE_REFUSAL = "the cpu backend does not run the lattice model (model.space = \"lattice\") yet; "
            + "use --backend reference";

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

    /**
     * The lattice model runs on the reference backend only for now; fragmentation runs in the
     * fixed-step scheme (the config reader refuses it with the adaptive one).
     */
    @Override
    public String unsupported(ModelSpec spec) {
        if (spec.isLattice()) {
            return LATTICE_REFUSAL;
        }
        return spec.fragmentation().enabled() && spec.stepping().adaptive()
                ? "fragmentation runs in the fixed-step scheme only (the adaptive scheme's bridges know no particle creation)" : null;
    }

    @Override
    public Simulation create(ModelSpec spec, long seed, ParticleState state, long firstStep, BackendOptions options) {
        if (unsupported(spec) != null) {
            throw new ModelException("cpu: " + unsupported(spec));
        }
        if (options.vectorBits() != 0 && options.vectorBits() != CpuVectors.BITS) {
            throw new ModelException("the cpu backend of this JVM uses " + CpuVectors.BITS + "-bit vectors; set "
                    + "-Dcoag.vectorBits=" + options.vectorBits() + " (or --vector-bits) before the first run");
        }
        if (unsupported(spec) != null) {
            throw new ModelException("cpu: " + unsupported(spec));
        }
        if (spec.stepping().adaptive()) {
            return new CpuAdaptiveSimulation(spec, seed, state, firstStep, options.resolvedThreads());
        }
        return new CpuSimulation(spec, seed, state, firstStep, options.resolvedThreads());
    }

    /**
     * Measured live heap per particle after a few steps on 2 threads (JDK 25, 2e5 and 1e6
     * particles): fixed scheme 70 / 90 / 128 bytes in d = 2 / 3 / 4, adaptive 162 / 196 / 239 plus
     * 76 MB in d = 2 (its cell grid) and a few MB otherwise; the estimate is above those with room,
     * plus scratch per worker thread (CpuMemoryEstimateTest checks it).
     */
    @Override
    public long heapBytes(ModelSpec spec, BackendOptions options) {
        long d = spec.dim();
        long perParticle = spec.stepping().adaptive() ? 110 + 45 * d : 20 + 20 * d + 4 * d * d;
        long fixed = spec.stepping().adaptive() ? 96L << 20 : 32L << 20;
        return perParticle * spec.particles() + fixed + options.resolvedThreads() * (4L << 20);
    }
}
