package org.coag.core.rng;

/**
 * The one registry of draw purposes. Every random number in the engine is
 * {@code Philox4x32-10(counter, key)} with the purpose code in the counter, so two consumers never
 * share a stream (HOOMD-blue's {@code RNGIdentifiers}). Codes are part of the reproducibility
 * contract: never renumber one, only add. The OpenCL kernels see them as {@code PURPOSE_<name>},
 * generated from this enum ({@code org.coag.gpu.OpenClConstants}).
 */
public enum Purpose {
    /** Initial position of a particle: a = particle id, b = block index. */
    INIT_POSITION(1),
    /** Initial mass of a particle: a = particle id, b = 0. */
    INIT_MASS(2),
    /** Gaussian increments of a move: a = particle id, b = block index (two normals per block). */
    MOVE(3),
    /** Firing and survivor draws of a candidate pair: a = smaller id, b = larger id. */
    COLLIDE(4),
    /**
     * Adaptive scheme, a Brownian-bridge node of a particle's path: a = particle id, b = generation
     * &lt;&lt; 4 | block index, step = macro step &lt;&lt; 32 | node index (0: the end of a redrawn path).
     */
    BRIDGE(5),
    /**
     * Adaptive scheme, firing and survivor draws of a pair on a finest sub-interval: a = smaller id,
     * b = larger id, step = macro step &lt;&lt; 32 | index of the sub-interval.
     */
    BRIDGE_COLLIDE(6),
    /**
     * Fixed-step fragmentation of a particle: a = particle id, b = 0 (firing time and kept mass),
     * b = 1, 2, ... (placement of the new particle, rejection trials in consecutive blocks).
     */
    FRAGMENT(7),
    /**
     * Lattice model, one jump of a walker: a = walker id, b = the walker's own jump index within the
     * step (from 0), step = the step. Words 0-1 give the holding time (u0, an Exp(1) by -log u0),
     * word 2 the direction (unsigned w2 x 2d &gt;&gt;&gt; 32). Codes 20-22 leave room for the continuum's own.
     */
    LATTICE_WALK(20),
    /**
     * Lattice model, one clock of a co-located pair: a = smaller id, b = larger id, step = step
     * &lt;&lt; 24 | the pair's own draw index within the step. u0 gives the Exp(1) of the clock, u1 the
     * survivor draw (as in {@link #COLLIDE}).
     */
    LATTICE_PAIR(21),
    /** Lattice model, the occupation of a site at time 0 (Bernoulli or Poisson): a = site index, b = 0. */
    LATTICE_INIT(22);

    private final int code;

    Purpose(int code) {
        this.code = code;
    }

    /** @return the 8-bit code placed in the top byte of counter word 3 */
    public int code() {
        return code;
    }
}
