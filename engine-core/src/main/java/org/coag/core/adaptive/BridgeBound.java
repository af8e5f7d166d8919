package org.coag.core.adaptive;

import org.coag.core.rng.FdLibm;

/**
 * The screen of the adaptive scheme. Given the relative position of a pair at both ends of a
 * (sub-)interval of length T, a = x_i - x_j at its start and b at its end, the relative path in
 * between is a Brownian bridge with generator D Laplacian, D = d(m_i) + d(m_j) (variance 2 D per
 * unit time and coordinate). An interval is left alone ("safe") when a rigorous upper bound on
 * the probability that this bridge enters the ball of radius rho (the interaction range) is below
 * the tolerance: the half-space bound, or in d &gt;= 3 one that uses the ball's size:
 * <ul>
 *   <li>the half-space bound: for any unit vector e with a.e &gt; rho and b.e &gt; rho the bridge
 *       enters the ball only if its projection on e crosses the plane x.e = rho, which has
 *       probability
 *       <pre>   exp(-(a.e - rho)(b.e - rho) / (D T))       (1D Brownian bridge)</pre>
 *       taken with e the direction of the point p of the segment [a, b] closest to the origin (the
 *       plane through p normal to e supports the segment, so a.e, b.e &gt;= |p| &gt; rho);</li>
 *   <li>the passage bound (d = 3), which uses how small the ball is. Let alpha = |a| - rho, beta =
 *       |b| - rho. Free motion from a first reaches the sphere at a time s with density (rho/|a|)
 *       f(s), f the first-passage density of a 1D motion of variance 2 D s to the level alpha
 *       (P(hit by s) = (rho/|a|) erfc(alpha / sqrt(4 D s))). By the strong Markov property at that
 *       time, at a point y of the sphere, the bridge enters the ball in [0, T/2] with probability
 *       <pre>   (rho/|a|) / p_T(a, b) * int_0^{T/2} f(s) p_{T-s}(y, b) ds,</pre>
 *       p_t the 3D transition density. There p_{T-s}(y, b) &lt;= g_{T-s}(beta) / (4 pi D (T - s))
 *       &lt;= g_{T-s}(beta) / (2 pi D T) (|y - b| &gt;= beta; g_t the 1D density), and int f(s)
 *       g_{T-s}(beta) ds over [0, T] is g_T(alpha + beta) (a 1D path to alpha + beta passes alpha
 *       first). The Gaussian factors leave 2 exp(-((alpha + beta)^2 - |a - b|^2) / (4 D T)); the
 *       second half is the reversed bridge, from b, so
 *       <pre>   P &lt;= 2 rho (1/|a| + 1/|b|) exp(-((|a| + |b| - 2 rho)^2 - |a - b|^2) / (4 D T)).</pre>
 *       With rho far below the spacing (the regime of constant Z at large N) this refines far
 *       fewer pairs than the half-space bound alone: the prefactor rho/|a| is worth ln(|a|/rho)
 *       in the exponent, and a pair whose relative position hardly changes gets |a| |b| / (D T)
 *       there, as from the half-space bound.</li>
 *   <li>the ball bound (d &gt;= 4), cruder: the same split at T/2, the hitting probability of free
 *       motion (rho/|a|)^(d-2), and sup p_{T-s}(y, b) / p_T(a, b) &lt;= 2^(d/2) exp((|a-b|^2 -
 *       (|b| - rho)^2) / (4 D T)) over T - s &gt;= T/2 and the sphere:
 *       <pre>   P &lt;= 2 max(term(a, b), term(b, a)),
 *   term(a, b) = 2^(d/2) (rho/|a|)^(d-2) exp((|a-b|^2 - (|b| - rho)^2) / (4 D T))</pre></li>
 * </ul>
 *
 * <p>The candidate test is the half-space bound through midpoints: with m_i, m_j the midpoints and
 * h_i, h_j the half-lengths of the particles' straight segments over the interval, |p| &gt;= |m_i -
 * m_j| - h_i - h_j; a pair with |m_i - m_j| &gt;= (rho + sqrt(D T ln(1/tol)) + h_i + h_j)(1 + 1e-9) is
 * therefore safe over the whole macro step, and no backend needs to look at it. Both functions are
 * plain double arithmetic and the engine's own logarithm in a fixed order, shared by every backend.
 */
public final class BridgeBound {
    /** Relative margin of the candidate test over the exact bound (covers rounding). */
    public static final double MARGIN = 1 + 1e-9;
    /**
     * The margin of a search that must hand over every pair {@link #candidate} accepts although it
     * adds range, delta and the half-lengths in another order (a few ulps apart): {@link #MARGIN}
     * and 1e-12 more.
     */
    public static final double SEARCH_MARGIN = MARGIN * (1 + 1e-12);
    /** ln 2, as the screens use it (a backend that vectorises them must use the same double). */
    public static final double LN2 = 0.6931471805599453;
    /** How far {@link #passageSafe}'s bracket keeps from the threshold (far above rounding). */
    public static final double BRACKET = 1e-9;

    private BridgeBound() {
    }

    /**
     * @param a relative position at the start, physical units, d entries
     * @param b relative position at the end
     * @param dim d
     * @param rho interaction range of the pair
     * @param dt D T, the pair's diffusivity times the interval's length
     * @param logInvTol ln(1 / tolerance)
     * @return true when the pair cannot come within rho except with probability below the tolerance
     */
    public static boolean safe(double[] a, double[] b, int dim, double rho, double dt, double logInvTol) {
        double ad = 0;
        double dd = 0;
        double aa = 0;
        double bb = 0;
        for (int k = 0; k < dim; k++) {
            double d = b[k] - a[k];
            ad += a[k] * d;
            dd += d * d;
            aa += a[k] * a[k];
            bb += b[k] * b[k];
        }
        double t = dd > 0 ? Math.min(1.0, Math.max(0.0, -ad / dd)) : 0.0;
        double p2 = 0;
        for (int k = 0; k < dim; k++) {
            double p = a[k] + t * (b[k] - a[k]);
            p2 += p * p;
        }
        if (!(p2 > rho * rho)) {
            return false;
        }
        if (dim == 3 && passageSafe(Math.sqrt(aa), Math.sqrt(bb), dd, rho, dt, logInvTol)) {
            return true;
        }
        if (halfSpaceSafe(a, b, dim, t, Math.sqrt(p2), rho, dt, logInvTol)) {
            return true;
        }
        if (dim < 4) {
            return false;
        }
        double ra = Math.sqrt(aa);
        double rb = Math.sqrt(bb);
        double limit = -logInvTol - (0.5 * dim + 1) * LN2;
        return ballLog(ra, rb, dd, rho, dt, dim) < limit && ballLog(rb, ra, dd, rho, dt, dim) < limit;
    }

    /**
     * The half-space bound (class comment) through the point p = a + t (b - a) of the segment
     * closest to the origin, |p| = norm &gt; rho, below the tolerance.
     */
    private static boolean halfSpaceSafe(double[] a, double[] b, int dim, double t, double norm, double rho, double dt,
                                         double logInvTol) {
        double ae = 0;
        double be = 0;
        for (int k = 0; k < dim; k++) {
            double e = (a[k] + t * (b[k] - a[k])) / norm;
            ae += a[k] * e;
            be += b[k] * e;
        }
        return (ae - rho) * (be - rho) >= dt * logInvTol;
    }

    /**
     * passageLog &lt; -logInvTol, deciding without the logarithm where the binary exponent e of the
     * prefactor x (2^e &lt;= x &lt; 2^(e+1)) brackets ln x clear of the threshold: the same answers.
     */
    static boolean passageSafe(double ra, double rb, double dd, double rho, double dt, double logInvTol) {
        double room = passageExponent(ra, rb, dd, rho, dt) - logInvTol;
        int e = Math.getExponent(passagePrefactor(ra, rb, rho));
        if ((e + 1) * LN2 < room - BRACKET) {
            return true;
        }
        if (e >= Double.MIN_EXPONENT && e * LN2 > room + BRACKET) {
            return false;
        }
        return passageLog(ra, rb, dd, rho, dt) < -logInvTol;
    }

    /** ln of the passage bound (d = 3, class comment) from |a|, |b| (both above rho) and |a - b|^2. */
    static double passageLog(double ra, double rb, double dd, double rho, double dt) {
        return FdLibm.log(passagePrefactor(ra, rb, rho)) - passageExponent(ra, rb, dd, rho, dt);
    }

    /** 2 rho (1/|a| + 1/|b|), the passage bound's prefactor. */
    private static double passagePrefactor(double ra, double rb, double rho) {
        return 2 * rho * (ra + rb) / (ra * rb);
    }

    /** ((|a| + |b| - 2 rho)^2 - |a - b|^2) / (4 D T), the passage bound's exponent (negated). */
    private static double passageExponent(double ra, double rb, double dd, double rho, double dt) {
        double s = ra + rb - 2 * rho;
        return (s * s - dd) / (4 * dt);
    }

    /**
     * The bound {@link #safe} compares with the tolerance after the half-space bound: the passage
     * bound in d = 3, the ball bound 2 max(term(a, b), term(b, a)) in d &gt;= 4 (class comment); for
     * tests.
     *
     * @param a relative position at the start, both ends farther than rho
     * @param b relative position at the end
     * @param dim d &gt;= 3
     * @param rho interaction range
     * @param dt D T
     * @return the bound on the probability that the bridge enters the ball
     */
    static double ballBound(double[] a, double[] b, int dim, double rho, double dt) {
        double aa = 0;
        double bb = 0;
        double dd = 0;
        for (int k = 0; k < dim; k++) {
            aa += a[k] * a[k];
            bb += b[k] * b[k];
            dd += (b[k] - a[k]) * (b[k] - a[k]);
        }
        if (dim == 3) {
            return Math.exp(passageLog(Math.sqrt(aa), Math.sqrt(bb), dd, rho, dt));
        }
        double worst = Math.max(ballLog(Math.sqrt(aa), Math.sqrt(bb), dd, rho, dt, dim), ballLog(Math.sqrt(bb), Math.sqrt(aa), dd, rho, dt, dim));
        return 2 * Math.pow(2, 0.5 * dim) * Math.exp(worst);
    }

    /**
     * ln(term(a, b) / 2^(d/2)) of the ball bound (d &gt;= 4, class comment), from |a|, |b| and |a - b|^2; both
     * ends are farther than rho (the segment is).
     */
    private static double ballLog(double ra, double rb, double dd, double rho, double dt, int dim) {
        double toB = rb - rho;
        return (dim - 2) * -FdLibm.log(ra / rho) + (dd - toB * toB) / (4 * dt);
    }

    /**
     * The passage bound (d = 3) through the midpoints, a tighter candidate test where the range is
     * far below the spacing. With d = |m_i - m_j| and H = h_i + h_j the pair's relative segment has
     * |a|, |b| &gt;= d - H and |a - b| &lt;= 2 H, and the passage bound only grows as |a| and |b|
     * shrink (while |a| + |b| &gt; 2 rho) and as |a - b| grows. So when the bound at (d - H, d - H,
     * 2 H), with d shrunk and H grown by the {@link #MARGIN} (far more than the rounding of either
     * side), is below the tolerance, {@link #safe} finds the pair safe over the interval too: a
     * backend may skip it without changing a decision.
     *
     * @param midDistance2 |m_i - m_j|^2, physical units
     * @param rho interaction range of the pair
     * @param dt D T of the interval the segments span
     * @param logInvTol ln(1 / tolerance) of that interval
     * @param hi half-length of particle i's segment
     * @param hj half-length of particle j's segment
     * @return true when {@link #safe} is sure to find the pair safe (d = 3 only)
     */
    public static boolean passageSafeThroughMidpoints(double midDistance2, double rho, double dt, double logInvTol,
                                                      double hi, double hj) {
        double h = (hi + hj) * MARGIN;
        double near = Math.sqrt(midDistance2) / MARGIN - h;
        if (!(near > rho * MARGIN)) {
            return false;
        }
        return passageSafe(near, near, 4 * h * h, rho, dt, logInvTol);
    }

    /**
     * @param midDistance2 |m_i - m_j|^2, physical units
     * @param rho interaction range of the pair
     * @param delta sqrt(D T ln(1/tol)) for the whole macro step
     * @param hi half-length of particle i's segment
     * @param hj half-length of particle j's segment
     * @return true when the pair may be unsafe somewhere in the macro step and must be screened
     */
    public static boolean candidate(double midDistance2, double rho, double delta, double hi, double hj) {
        double reach = (rho + delta + hi + hj) * MARGIN;
        return midDistance2 < reach * reach;
    }
}
