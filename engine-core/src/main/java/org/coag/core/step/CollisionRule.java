package org.coag.core.step;

import org.coag.core.rng.FdLibm;

/**
 * The per-pair decisions of a step, shared by every backend (the OpenCL mirror is
 * {@code collide.cl}).
 *
 * <p>A candidate pair (lo id &lt; hi id) in range with rate {@code rate} draws one Philox block
 * (purpose COLLIDE, this step, lo, hi) giving uniforms u0, u1. Its firing time inside the step is
 * {@code tau = -log(1 - u0) / rate}, an exponential of that rate (1 - u0 is exact, since u0 is a
 * multiple of 2^-53); the pair fires iff {@code tau < dt}, which has probability
 * {@code 1 - exp(-rate dt)}. If it is applied, the lower id survives iff
 * {@code u1 * (m_lo + m_hi) < m_lo}, probability m_lo / (m_lo + m_hi) (survey (1.5)).
 */
public final class CollisionRule {
    private CollisionRule() {
    }

    /**
     * @param u0 uniform in (0, 1)
     * @param rate collision rate (> 0)
     * @return the firing time, exponential with the given rate
     */
    public static double firingTime(double u0, double rate) {
        return -FdLibm.log(1.0 - u0) / rate;
    }

    /**
     * @param u1 uniform in (0, 1)
     * @param massLo mass of the lower-id particle
     * @param massHi mass of the higher-id particle
     * @return true when the lower-id particle survives
     */
    public static boolean lowerSurvives(double u1, int massLo, int massHi) {
        return u1 * ((double) massLo + (double) massHi) < massLo;
    }
}
