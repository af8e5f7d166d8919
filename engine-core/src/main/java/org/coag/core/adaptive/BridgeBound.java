package org.coag.core.adaptive;

import org.coag.core.rng.FdLibm;

/**
 * The screen of the adaptive scheme. Given the relative position of a pair at both ends of a
 * (sub-)interval of length T, a = x_i - x_j at its start and b at its end, the relative path in
 * between is a Brownian bridge with generator D Laplacian, D = d(m_i) + d(m_j) (variance 2 D per
 * unit time and coordinate). An interval is left alone ("safe") when one of two rigorous upper
 * bounds on the probability that this bridge enters the ball of radius rho (the interaction range)
 * is below the tolerance:
 * <ul>
 *   <li>the half-space bound: for any unit vector e with a.e &gt; rho and b.e &gt; rho the bridge
 *       enters the ball only if its projection on e crosses the plane x.e = rho, which has
 *       probability
 *       <pre>   exp(-(a.e - rho)(b.e - rho) / (D T))       (1D Brownian bridge)</pre>
 *       taken with e the direction of the point p of the segment [a, b] closest to the origin (the
 *       plane through p normal to e supports the segment, so a.e, b.e &gt;= |p| &gt; rho);</li>
 *   <li>the ball bound (d &gt;= 3), which uses how small the ball is: the bridge enters it in
 *       [0, T/2] or in [T/2, T]. For the first half, by the strong Markov property at the hitting
 *       time s &lt;= T/2 at a point y of the sphere, its probability is that of free Brownian motion
 *       from a times at most sup p_{T-s}(y, b) / p_T(a, b) &lt;= 2^(d/2) exp((|a-b|^2 - (|b| -
 *       rho)^2) / (4 D T)) (T - s &gt;= T/2 and |b - y| &gt;= |b| - rho); free motion from a ever hits
 *       the ball with probability (rho/|a|)^(d-2), and in d = 3 within T/2 with probability
 *       (rho/|a|) erfc((|a| - rho) / sqrt(2 D T)) &lt;= (rho/|a|) exp(-(|a| - rho)^2 / (2 D T)).
 *       The second half is the same from b (the reversed bridge), and
 *       <pre>   P &lt;= term(a, b) + term(b, a) &lt;= 2 max(term(a, b), term(b, a))
 *   term(a, b) = 2^(d/2) (rho/|a|)^(d-2) exp((|a-b|^2 - (|b| - rho)^2) / (4 D T) - [d = 3] (|a| - rho)^2 / (2 D T))</pre>
 *       With rho far below the spacing (the regime of constant Z at large N) this refines far
 *       fewer pairs than the half-space bound alone.</li>
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
    private static final double LN2 = 0.6931471805599453;

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
        double norm = Math.sqrt(p2);
        double ae = 0;
        double be = 0;
        for (int k = 0; k < dim; k++) {
            double e = (a[k] + t * (b[k] - a[k])) / norm;
            ae += a[k] * e;
            be += b[k] * e;
        }
        if ((ae - rho) * (be - rho) >= dt * logInvTol) {
            return true;
        }
        if (dim < 3) {
            return false;
        }
        double ra = Math.sqrt(aa);
        double rb = Math.sqrt(bb);
        double limit = -logInvTol - (0.5 * dim + 1) * LN2;
        return ballLog(ra, rb, dd, rho, dt, dim) < limit && ballLog(rb, ra, dd, rho, dt, dim) < limit;
    }

    /**
     * The ball bound itself (class comment), 2 max(term(a, b), term(b, a)), for tests.
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
        double worst = Math.max(ballLog(Math.sqrt(aa), Math.sqrt(bb), dd, rho, dt, dim), ballLog(Math.sqrt(bb), Math.sqrt(aa), dd, rho, dt, dim));
        return 2 * Math.pow(2, 0.5 * dim) * Math.exp(worst);
    }

    /**
     * ln(term(a, b) / 2^(d/2)) of the ball bound (class comment), from |a|, |b| and |a - b|^2; both
     * ends are farther than rho (the segment is).
     */
    private static double ballLog(double ra, double rb, double dd, double rho, double dt, int dim) {
        double toB = rb - rho;
        double log = (dim - 2) * -FdLibm.log(ra / rho) + (dd - toB * toB) / (4 * dt);
        if (dim == 3) {
            double toA = ra - rho;
            log -= toA * toA / (2 * dt);
        }
        return log;
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
