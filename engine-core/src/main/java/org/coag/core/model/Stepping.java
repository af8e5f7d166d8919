package org.coag.core.model;

/**
 * How time advances (config {@code time.scheme}). {@code FIXED}: the fixed-step scheme (docs/model.md),
 * one step of {@link ModelSpec#dt()}. {@code ADAPTIVE}: macro steps of {@link ModelSpec#dt()}
 * ({@code time.macro_dt} or {@code time.macro_over_spacing2}) with
 * Brownian-bridge refinement of the pairs that may meet (docs/model.md, "The adaptive scheme",
 * {@code org.coag.core.adaptive}): a pair is left alone in a (sub-)interval when the bridge bound on
 * the probability that its relative path enters the interaction range there is below
 * {@code tolerance}; the pairs that are not are refined by dyadic midpoints down to sub-intervals of
 * at most {@code finest}, where the fixed-step firing test applies.
 *
 * @param scheme fixed or adaptive
 * @param finest adaptive: the longest finest sub-interval (time units): the fixed scheme's step
 *               ({@code time.dt}, or {@code time.dt_over_eps2} eps^2), so switching the scheme keeps
 *               the resolution near contact
 * @param tolerance adaptive: the bound on the probability, per pair and (sub-)interval left alone,
 *                  that a possible collision is missed ({@code time.tolerance}, or derived from
 *                  {@code time.tolerance_load} L as L E_1 / N, E_1 the events expected in the first
 *                  macro step ({@link ModelSpec#expectedEventsFirstStep}): the share of events a
 *                  tolerance misses grows with its load tolerance x N / E_1, so a fixed load keeps
 *                  that share the same at every N)
 * @param levels adaptive: the dyadic depth of the finest sub-intervals, dt / 2^levels &lt;= finest
 */
public record Stepping(Scheme scheme, double finest, double tolerance, int levels) {
    /** The two schemes. */
    public enum Scheme {
        /** One fixed step per step index. */
        FIXED,
        /** One macro step per step index, refined where pairs may meet. */
        ADAPTIVE
    }

    /** The fixed-step scheme. */
    public static final Stepping FIXED = new Stepping(Scheme.FIXED, 0, 0, 0);

    /** time.tolerance when neither it nor time.tolerance_load is given (a run outside a study). */
    public static final double DEFAULT_TOLERANCE = 1e-6;

    /**
     * time.tolerance_load when a study gives neither. Measured in the Z = 1 regime on the same paths
     * as tolerance 1e-9 (docs/studies.md): load 0.02 missed 0.11 % +- 0.03 of the events at N = 1e4
     * and 0.06 % +- 0.02 at 1e5 (0.05: 0.16 % and 0.17 %), for 9 % more time than 0.05 at 1e5.
     */
    public static final double STUDY_TOLERANCE_LOAD = 0.02;

    /** Deepest refinement: node indices must fit in 32 bits (see {@code org.coag.core.adaptive.BridgePaths#nodeIndex}). */
    public static final int MAX_LEVELS = 31;

    /** @return whether this is the adaptive scheme */
    public boolean adaptive() {
        return scheme == Scheme.ADAPTIVE;
    }
}
