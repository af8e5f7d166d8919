package org.coag.core.theory.lattice;

import org.coag.core.model.ModelException;

/**
 * The lattice counterpart of the survey's recipe (1.8): the macroscopic coagulation rate of walkers on
 * Z^d (d &gt;= 3) that coalesce at rate kappa per co-located pair.
 *
 * <p><b>Conventions.</b> Time in the walkers' units; a walker of mass n jumps at total rate D_n, to each
 * neighbour at rate D_n / (2d) (the survey's section 2.2: D = 1); kappa(n, m) is the rate at which one
 * pair on one site coalesces (infinity: on meeting). Densities are per site. The rate beta(n, m) is the
 * kernel K of the Smoluchowski ODE (2.1) in these units: in the dilute limit the number of (n, m)
 * coalescences per site per unit time is beta f_n f_m (n != m), and beta f_n^2 / 2 for n = m.
 *
 * <p><b>Derivation (the pair problem).</b> The offset X = A - B of the two walkers is a simple random walk
 * of rate D = D_n + D_m (each walker's jumps change X by one step in a uniformly chosen direction),
 * killed at rate kappa while X = 0. Around a tagged walker the relative density u(x) of partners at
 * offset x (u -&gt; 1 far away) is stationary when L_D u - kappa 1_{x=0} u = 0, L_D the walk's generator.
 * With g_D(x) = integral_0^infinity p_t(0, x) dt the Green's function of the rate-D walk (L_D g_D = -delta_0,
 * g_D(0) = G_d / D, G_d from {@link LatticeGreen}), u = 1 - kappa u(0) g_D solves it, and at x = 0 this
 * gives u(0) = 1 / (1 + kappa G_d / D). The reaction rate per pair of unit densities is kappa u(0):
 * <pre>
 *   beta(n, m) = kappa / (1 + kappa G_d / (D_n + D_m)).
 * </pre>
 * For kappa -&gt; infinity it tends to the finite escape-rate form beta = D / G_d = D (1 - F_d), the rate
 * at which the offset walk makes jumps that never return to the origin: every meeting coalesces, and the
 * encounters that count are the first visits to new sites. For small kappa it is the naive kappa (no
 * depletion around the walker). It is a harmonic combination, 1 / beta = 1 / kappa + G_d / D: reaction
 * and transport in series, as in the Collins-Kimball rate of a partially absorbing sphere. On T_L^d the same pair's mean coalescence time from a uniform start is L^d / beta
 * asymptotically ({@link TorusMeeting}), which is how the tests check it without simulating.
 */
public final class LatticeRecipe {
    private LatticeRecipe() {
    }

    /**
     * @param dim d &gt;= 3
     * @param kappa the coalescence rate of a co-located pair, &gt; 0; {@code Double.POSITIVE_INFINITY} for
     *     coalescence on meeting
     * @param jumpRateN D_n, the jump rate of the first walker (1 in the survey's convention), &gt; 0
     * @param jumpRateM D_m, the jump rate of the second walker, &gt; 0
     * @return beta(n, m) = kappa / (1 + kappa G_d / (D_n + D_m)), per site per unit time per unit densities
     */
    public static double rate(int dim, double kappa, double jumpRateN, double jumpRateM) {
        if (!(jumpRateN > 0) || !(jumpRateM > 0)) {
            throw new ModelException("walker jump rates must be > 0, got " + jumpRateN + " and " + jumpRateM);
        }
        return rate(dim, kappa, jumpRateN + jumpRateM);
    }

    /**
     * @param dim d &gt;= 3
     * @param kappa the coalescence rate of a co-located pair, &gt; 0 or infinity
     * @param pairJumpRate D = D_n + D_m, the jump rate of the offset walk (2 for two rate-1 walkers), &gt; 0
     * @return kappa / (1 + kappa G_d / D); D / G_d for kappa = infinity
     */
    public static double rate(int dim, double kappa, double pairJumpRate) {
        if (!(kappa > 0)) {
            throw new ModelException("kappa (coalescence rate per co-located pair) must be > 0 or infinity, got " + kappa);
        }
        if (!(pairJumpRate > 0) || Double.isInfinite(pairJumpRate)) {
            throw new ModelException("the pair's jump rate must be positive and finite, got " + pairJumpRate);
        }
        double green = LatticeGreen.atOrigin(dim) / pairJumpRate;
        return Double.isInfinite(kappa) ? 1 / green : kappa / (1 + kappa * green);
    }

    /**
     * @param dim d &gt;= 3
     * @param kappa the coalescence rate of a co-located pair, &gt; 0 or infinity
     * @param pairJumpRate D = D_n + D_m, &gt; 0
     * @return u(0) = 1 / (1 + kappa G_d / D), the pair density at zero offset relative to far away in the
     *     steady state (0 for kappa = infinity)
     */
    public static double contactCorrelation(int dim, double kappa, double pairJumpRate) {
        double rate = rate(dim, kappa, pairJumpRate);
        return Double.isInfinite(kappa) ? 0 : rate / kappa;
    }

    /**
     * @param kappa the coalescence rate of a co-located pair
     * @return the naive (mean-field, no depletion) rate, kappa itself
     */
    public static double naive(double kappa) {
        return kappa;
    }

    /**
     * The mean-field rate for coalescence on arrival, without the depletion around a walker: every jump
     * onto an occupied site counts and the neighbouring sites keep the mean density, so a pair of unit
     * densities meets at the offset walk's jump rate D. The lattice recipe's D / G_d is this times the
     * escape probability 1 / G_d (0.659 in d = 3). It is the "naive" comparison for kappa = infinity,
     * where the naive kappa is infinite.
     *
     * @param pairJumpRate D = D_n + D_m, &gt; 0 and finite
     * @return D
     */
    public static double noDepletionArrivalRate(double pairJumpRate) {
        if (!(pairJumpRate > 0) || Double.isInfinite(pairJumpRate)) {
            throw new ModelException("the pair's jump rate must be positive and finite, got " + pairJumpRate);
        }
        return pairJumpRate;
    }

    /**
     * The Smoluchowski ODE with the constant kernel beta, summed over masses: n' = -beta n^2 / 2 in coagulation
     * (one walker lost per event), n' = -beta n^2 in annihilation (two lost per event).
     *
     * @param initialDensity n(0), walkers per site
     * @param beta the constant kernel (for example {@link #rate})
     * @param t time in the walkers' units
     * @param annihilation true when both walkers of a reacting pair vanish
     * @return n(t) = n(0) / (1 + c beta n(0) t), c = 1/2 (coagulation) or 1 (annihilation)
     */
    public static double meanFieldDensity(double initialDensity, double beta, double t, boolean annihilation) {
        double c = annihilation ? 1 : 0.5;
        return initialDensity / (1 + c * beta * initialDensity * t);
    }
}
