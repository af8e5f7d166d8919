package org.coag.core.adaptive;

import org.coag.core.rng.FdLibm;

/**
 * How the tolerance of one pair is shared among the sub-intervals its refinement leaves alone, so
 * that it bounds the probability of a missed collision per pair and refinement (one macro step, or
 * its rest after a survivor's redraw), not per interval. A refinement over [from, to] (finest-grid
 * indices, span = to - from) screens the whole of it with the whole tolerance, then only dyadic
 * blocks, which it may split again; a block of n finest steps gets
 * <pre>   tol * n / span,   i.e. the threshold ln(1/tol) + ln(span / n)</pre>
 * on the log of its bridge bound. The intervals left alone are disjoint and lie in [from, to], so
 * their budgets add up to at most tol: the expected number of collisions the refinement misses is
 * at most tol. Budgets by length are the only fixed split that holds for every refinement tree
 * (a tree may go on splitting any block); a deeper block pays ln 2 per level.
 *
 * <p>Plain double arithmetic on a table of k ln 2 and, for a span that is no power of two, the
 * engine's own logarithm: the same thresholds on every backend.
 */
final class IntervalBudget {
    private static final double LN2 = 0.6931471805599453;
    private static final double[] LN_POWER_OF_TWO = new double[64];
    private final double logInvTol;
    private long span;
    private double lnSpan;

    static {
        for (int k = 0; k < 64; k++) {
            LN_POWER_OF_TWO[k] = k * LN2;
        }
    }

    /** @param tolerance the bound on a missed collision per pair and refinement, 0 &lt; tol &lt; 1 */
    IntervalBudget(double tolerance) {
        this.logInvTol = -FdLibm.log(tolerance);
    }

    /** @return ln(1 / tolerance), the threshold of the whole span */
    double logInverseTolerance() {
        return logInvTol;
    }

    /** @param finestSteps span of the refinement that starts, to - from &gt; 0 */
    void start(long finestSteps) {
        span = finestSteps;
        lnSpan = Long.bitCount(span) == 1 ? LN_POWER_OF_TWO[Long.numberOfTrailingZeros(span)] : FdLibm.log((double) span);
    }

    /**
     * @param n finest steps of the interval screened: the whole span, or a power of two below it
     * @return ln(1 / its budget): the interval is left alone when the log of its bound is below minus this
     */
    double logInverse(long n) {
        if (n == span) {
            return logInvTol;
        }
        if (Long.bitCount(n) != 1 || n > span) {
            throw new IllegalArgumentException("not a dyadic block of a span of " + span + ": " + n);
        }
        return logInvTol + (lnSpan - LN_POWER_OF_TWO[Long.numberOfTrailingZeros(n)]);
    }
}
