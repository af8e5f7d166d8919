package org.coag.core.theory.lattice;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.coag.core.model.ModelException;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.hipparchus.special.Gamma;

/**
 * The Green's function at the origin of the continuous-time simple random walk on Z^d.
 *
 * <p><b>Convention.</b> The walk jumps at total rate 1 (exponential holding times of mean 1, one time
 * unit), to each of its 2d neighbours at rate 1/(2d). Then G_d = integral_0^infinity p_t(0) dt is the
 * mean total time (in those units) that the walk begun at the origin spends there. A walk jumping at
 * rate D is the same walk run D times faster, so its Green's function at the origin is G_d / D. Since
 * every visit lasts one mean holding time, G_d is also the discrete-time value sum_n P(S_n = 0) =
 * 1 / (1 - F_d), F_d the probability of ever returning: 1 / G_d is the escape probability.
 *
 * <p><b>Route (a): the heat-kernel integral.</b> Each coordinate jumps at rate 1/d, a one-dimensional
 * walk with p_t(0) = exp(-t/d) I_0(t/d), so p_t(0) = (exp(-t/d) I_0(t/d))^d. For large t,
 * p_t(0) ~ (d / (2 pi t))^(d/2), which is not integrable for d = 1, 2: those walks are recurrent and
 * spend infinite time at the origin (G = infinity). For d &gt;= 3 the integral is taken by Gauss-Legendre
 * (Hipparchus) on [0, 64] and, after the substitution t = 64 / u^2 that makes the t^(-d/2) tail a
 * smooth integrand on u in (0, 1], on the tail. exp(-x) I_0(x) is {@link #scaledBesselI0}.
 *
 * <p><b>Route (b): Watson's closed form (d = 3).</b> The return generating function of the simple
 * cubic lattice at 1 is Watson's triple integral (G. N. Watson, "Three triple integrals", Quart. J.
 * Math. 10 (1939) 266-276), evaluated in Gamma functions by Glasser and Zucker (Proc. Natl. Acad. Sci.
 * USA 74 (1977) 1800-1801; see also G. S. Joyce, J. Phys. A 31 (1998) 5105):
 * G_3 = sqrt(6) / (32 pi^3) Gamma(1/24) Gamma(5/24) Gamma(7/24) Gamma(11/24) = 1.516386059...
 * ({@link #watson3}); the two routes agree to better than 1e-12 (LatticeGreenTest).
 */
public final class LatticeGreen {
    /** Where the integral switches from t to the tail variable s (time units). */
    private static final double SPLIT = 64;
    /** Largest dimension served (the integrals are set up for any d &gt;= 3). */
    public static final int MAX_DIM = 8;

    private static final Map<Integer, Double> CACHE = new ConcurrentHashMap<>();

    private LatticeGreen() {
    }

    /**
     * @param dim d, 3 to {@link #MAX_DIM}
     * @return G_d, the mean time (units of the mean holding time) that a rate-1 continuous-time simple
     *     random walk begun at the origin spends there, by route (a)
     * @throws ModelException for d = 1, 2 (recurrent: infinite) or d out of range
     */
    public static double atOrigin(int dim) {
        if (dim == 1 || dim == 2) {
            throw new ModelException("the Green's function at the origin is infinite in d = " + dim
                    + ": the walk is recurrent (p_t(0) ~ t^(-d/2) is not integrable)");
        }
        if (dim < 1 || dim > MAX_DIM) {
            throw new ModelException("lattice dimension " + dim + " is out of range (1 to " + MAX_DIM + ")");
        }
        return CACHE.computeIfAbsent(dim, LatticeGreen::integrate);
    }

    /**
     * @param dim d &gt;= 3
     * @return the probability 1 / G_d that the walk begun at the origin never returns
     */
    public static double escapeProbability(int dim) {
        return 1 / atOrigin(dim);
    }

    /**
     * Route (b), d = 3 only.
     *
     * @return sqrt(6) / (32 pi^3) Gamma(1/24) Gamma(5/24) Gamma(7/24) Gamma(11/24)
     */
    public static double watson3() {
        return Math.sqrt(6) / (32 * Math.pow(Math.PI, 3))
                * Gamma.gamma(1.0 / 24) * Gamma.gamma(5.0 / 24) * Gamma.gamma(7.0 / 24) * Gamma.gamma(11.0 / 24);
    }

    /**
     * @param dim d &gt;= 1
     * @param t time (units of the mean holding time), &gt;= 0
     * @return p_t(0) = (exp(-t/d) I_0(t/d))^d, the probability that the rate-1 walk begun at the origin is
     *     there at time t
     */
    public static double returnProbability(int dim, double t) {
        return Math.pow(scaledBesselI0(t / dim), dim);
    }

    /**
     * exp(-x) I_0(x), I_0 the modified Bessel function of the first kind: for x &lt;= 20 from the power
     * series sum (x^2/4)^k / (k!)^2 (positive terms, no cancellation), above from the asymptotic series
     * (2 pi x)^(-1/2) sum_k [(2k-1)!!]^2 / (k! (8x)^k) (Abramowitz-Stegun 9.7.1), cut at its smallest
     * term, which at x = 20 is below 1e-17. Relative accuracy about 1e-15.
     *
     * @param x argument, &gt;= 0
     * @return exp(-x) I_0(x)
     */
    public static double scaledBesselI0(double x) {
        if (x < 0) {
            throw new IllegalArgumentException("scaledBesselI0 needs x >= 0, got " + x);
        }
        if (x <= 20) {
            double q = x * x / 4;
            double term = 1;
            double sum = 1;
            for (int k = 1; term > 1e-17 * sum; k++) {
                term *= q / ((double) k * k);
                sum += term;
            }
            return Math.exp(-x) * sum;
        }
        double term = 1;
        double sum = 1;
        for (int k = 1; k < 200; k++) {
            double next = term * (2.0 * k - 1) * (2.0 * k - 1) / (8.0 * k * x);
            if (next >= term || next < 1e-17 * sum) {
                break;
            }
            term = next;
            sum += term;
        }
        return sum / Math.sqrt(2 * Math.PI * x);
    }

    /**
     * Route (a): integral of p_t(0) over [0, SPLIT] plus the tail in u = sqrt(SPLIT / t), where it is
     * 2 SPLIT^(1-d/2) u^(d-3) h(t) du with h(t) = t^(d/2) p_t(0) smooth in 1/t = u^2 / SPLIT.
     */
    private static double integrate(int dim) {
        IterativeLegendreGaussIntegrator gauss = new IterativeLegendreGaussIntegrator(8, 1e-13, 1e-17);
        double head = 0;
        double[] cuts = {0, 1, 2, 4, 8, 16, 32, SPLIT};
        for (int i = 1; i < cuts.length; i++) {
            head += gauss.integrate(100_000, t -> returnProbability(dim, t), cuts[i - 1], cuts[i]);
        }
        double jacobian = 2 * Math.pow(SPLIT, 1 - dim / 2.0);
        double tail = gauss.integrate(100_000, u -> {
            double t = SPLIT / (u * u);
            return jacobian * Math.pow(u, dim - 3) * Math.pow(t, dim / 2.0) * returnProbability(dim, t);
        }, 0, 1);
        return head + tail;
    }
}
