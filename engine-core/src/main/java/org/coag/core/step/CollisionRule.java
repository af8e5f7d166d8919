package org.coag.core.step;

import org.coag.core.model.RadialKernel;
import org.coag.core.rng.CounterRng;
import org.coag.core.rng.FdLibm;
import org.coag.core.rng.Purpose;

/**
 * The pair rule, the one home of the per-pair decision that every scheme and backend makes: the
 * reference and cpu fixed steps (purpose COLLIDE, window dt) and the adaptive scheme on a finest
 * sub-interval (purpose BRIDGE_COLLIDE, window dt / 2^levels) call {@link #fire}; the OpenCL
 * mirror is {@code fire.cl}. The cpu backend's vector lanes only pre-filter pairs (box tests in
 * fixed point that pass every pair this rule can accept).
 *
 * <p>A candidate pair (lo id &lt; hi id) at squared distance r2 (summed over axes in order with
 * {@link #addAxis}) is in range iff {@code r2 < range2}; its rate is
 * {@code prefactor * V(r2 * invUnit2)}; if the rate is positive it draws one Philox block
 * (purpose, counter, lo, hi) giving uniforms u0, u1. Its firing time is
 * {@code tau = -log(1 - u0) / rate}, an exponential of that rate (1 - u0 is exact, since u0 is a
 * multiple of 2^-53); the pair fires iff {@code tau < window}, which has probability
 * {@code 1 - exp(-rate window)}. If it is applied, the lower id survives iff
 * {@code u1 * (m_lo + m_hi) < m_lo}, probability m_lo / (m_lo + m_hi) (survey (1.5)).
 */
public final class CollisionRule {
    /** What {@link #fire} returns for a pair that does not fire in the window. */
    public static final double NO_FIRE = -1.0;

    private CollisionRule() {
    }

    /**
     * One axis of the squared distance, in the order every backend sums them (axis 0 first).
     *
     * @param r2 the sum over the previous axes (length units squared)
     * @param difference the fixed-point coordinate difference on this axis (exact minimum image)
     * @param unit the fixed-point unit L / 2^64
     * @return r2 plus this axis' square
     */
    public static double addAxis(double r2, long difference, double unit) {
        double dx = (double) difference * unit;
        return r2 + dx * dx;
    }

    /**
     * The pair rule. When the pair fires, {@code rng} holds its block and
     * {@link CounterRng#uniform1()} is its survivor draw.
     *
     * @param c the pair's constants
     * @param kernel the kernel V
     * @param r2 squared distance (length units squared), from {@link #addAxis}
     * @param rng the run's counter-based generator
     * @param purpose COLLIDE or BRIDGE_COLLIDE
     * @param counter the step (or macro step &lt;&lt; 32 | sub-interval) of the draw
     * @param idLo the smaller particle id
     * @param idHi the larger particle id
     * @param window the length of the time window (time units)
     * @return the firing time in [0, window), or {@link #NO_FIRE}
     */
    public static double fire(PairConstants c, RadialKernel kernel, double r2, CounterRng rng, Purpose purpose, long counter,
                              int idLo, int idHi, double window) {
        if (!(r2 < c.range2())) {
            return NO_FIRE;
        }
        double rate = c.prefactor() * kernel.value(r2 * c.invUnit2());
        if (!(rate > 0)) {
            return NO_FIRE;
        }
        rng.block(purpose, counter, idLo, idHi);
        double tau = firingTime(rng.uniform0(), rate);
        return tau < window ? tau : NO_FIRE;
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
