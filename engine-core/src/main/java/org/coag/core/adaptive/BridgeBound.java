package org.coag.core.adaptive;

/**
 * The screen of the adaptive scheme. Given the relative position of a pair at both ends of a
 * (sub-)interval of length T, a = x_i - x_j at its start and b at its end, the relative path in
 * between is a Brownian bridge with generator D Laplacian, D = d(m_i) + d(m_j). For any unit vector
 * e with a.e &gt; rho and b.e &gt; rho the bridge enters the ball of radius rho (the interaction
 * range) only if its projection on e crosses the plane x.e = rho, which has probability
 * <pre>
 *   P = exp(-(a.e - rho)(b.e - rho) / (D T))      (1D Brownian bridge, variance 2 D per unit time)
 * </pre>
 * With e the direction of the point p of the segment [a, b] closest to the origin (the plane through
 * p normal to e supports the segment, so a.e, b.e &gt;= |p|), the pair is left alone ("safe") when
 * |p| &gt; rho and P &lt; tol, i.e. (a.e - rho)(b.e - rho) &gt;= D T ln(1/tol).
 *
 * <p>The candidate test is the same bound through midpoints: with m_i, m_j the midpoints and h_i,
 * h_j the half-lengths of the particles' straight segments over the interval, |p| &gt;= |m_i - m_j|
 * - h_i - h_j; a pair with |m_i - m_j| &gt;= (rho + sqrt(D T ln(1/tol)) + h_i + h_j)(1 + 1e-9) is
 * therefore safe over the whole macro step, and no backend needs to look at it. Both functions are
 * plain double arithmetic in a fixed order, shared by every backend.
 */
public final class BridgeBound {
    /** Relative margin of the candidate test over the exact bound (covers rounding). */
    public static final double MARGIN = 1 + 1e-9;

    private BridgeBound() {
    }

    /**
     * @param a relative position at the start, physical units, d entries
     * @param b relative position at the end
     * @param dim d
     * @param rho interaction range of the pair
     * @param threshold D T ln(1/tol)
     * @return true when the pair cannot come within rho except with probability below tol
     */
    public static boolean safe(double[] a, double[] b, int dim, double rho, double threshold) {
        double ad = 0;
        double dd = 0;
        for (int k = 0; k < dim; k++) {
            double d = b[k] - a[k];
            ad += a[k] * d;
            dd += d * d;
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
        return (ae - rho) * (be - rho) >= threshold;
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
