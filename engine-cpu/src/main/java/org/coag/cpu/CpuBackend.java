package org.coag.cpu;

import org.coag.core.backend.Backend;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;

/**
 * The CPU backend ({@code --backend cpu}): every model feature of the reference backend (the
 * lattice model and fragmentation included), with the Vector API for the move and all cores for
 * every phase; bit-identical to the reference at any thread count and vector width (docs/ARCHITECTURE.md contract 1). See {@link CpuSimulation}, and
 * {@link CpuLatticeSimulation} for the lattice model.
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

    /** Fragmentation runs in the fixed-step scheme (the config reader refuses it with the adaptive one). */
    @Override
    public String unsupported(ModelSpec spec) {
        if (spec.isLattice()) {
            return null;
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
        if (spec.isLattice()) {
            return new CpuLatticeSimulation(spec, seed, state, firstStep, options.resolvedThreads(), WalkerQueue.PER_BUCKET);
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
        if (spec.isLattice()) {
            return latticeHeapBytes(spec, options);
        }
        long d = spec.dim();
        long perParticle = spec.stepping().adaptive() ? 110 + 45 * d : 20 + 20 * d + 4 * d * d;
        long fixed = spec.stepping().adaptive() ? 96L << 20 : 32L << 20;
        return perParticle * spec.particles() + fixed + options.resolvedThreads() * (4L << 20);
    }

    /**
     * The lattice variant: the simulation's copy of the walkers, its per-walker arrays (site index,
     * clock, site version, direction, jump time, site links, heap and bucket entries) and the pair
     * clocks, measured at 152 bytes a walker in d = 3 (216 000 walkers, rate coalescence, JDK 25);
     * the estimate is 140 + 16 d a walker, the direct table of site heads when L^d is at most 2^27
     * (4 bytes a site, else a hash of 48 bytes a walker), and 32 MB plus 1 MB a thread.
     */
    private static long latticeHeapBytes(ModelSpec spec, BackendOptions options) {
        long walkers = spec.particles();
        long sites = spec.lattice().sites(spec.dim());
        long heads = sites <= Math.min(1L << 27, Math.max(1L << 20, 8 * walkers)) ? 4 * sites : 48 * walkers;
        return (140 + 16L * spec.dim()) * walkers + heads + (32L << 20) + options.resolvedThreads() * (1L << 20);
    }
}
