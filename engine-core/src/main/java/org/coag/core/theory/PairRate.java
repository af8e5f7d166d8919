package org.coag.core.theory;

import org.coag.core.model.ModelSpec;

/**
 * The collision rate of a pair of masses (n, m) of a model at finite eps as it relaxes from the
 * uncorrelated start (survey Claims 3.5 and 3.6, Lemma 1.5), in the units of the PDE (1.2): k1(t)
 * starts at the naive alpha integral(V) s^(d-2) and, for d &gt;= 3, tends to {@link BetaRecipe#at}
 * with a t^(-1/2) tail in d = 3; in d = 2 it keeps falling like 1 / log t, and at the times of a
 * run it is the finite-|log eps| value of (2.4).
 *
 * <p>In units of the range r0 = s eps^b ({@code ModelSpec.rangeUnit}) and of tau = D t / r0^2
 * (D = d(n) + d(m)), the pair density relative to Poisson solves the problem of
 * {@link PairTransient} with c = lambda / D, lambda = {@link BetaRecipe#effectiveStrength}. In the
 * PDE's units (f normalised by N eps^(d-2) = Z, or N / |log eps| = Z in d = 2) the rate is
 * k1 = alpha s^(d-2) integral V(y) rho(y, tau) dy, which is:
 * <pre>
 *   k1(t) = (alpha / lambda) s^(d-2) D k(tau)          K1(t) = integral_0^t k1 = (alpha / lambda) s^(d-2) r0^2 K(tau)
 * </pre>
 * For torus annihilation from a uniform start, mean field with this rate gives
 * {@code 1/h - 1 = f(0) K1(t)}, the finite-N prediction a run's 1/h - 1 is compared with (its
 * slope over a fit window is {@link #fittedSlope}).
 */
public final class PairRate {
    private final PairTransient pair;
    private final double rateScale;
    private final double integralScale;
    private final double tauPerTime;

    private PairRate(ModelSpec spec, int n, int m) {
        BetaRecipe recipe = BetaRecipe.of(spec);
        double alpha = spec.alpha().at(n, m);
        double lambda = recipe.effectiveStrength(alpha);
        double diffusion = spec.diffusion().at(n) + spec.diffusion().at(m);
        double r0 = spec.rangeUnit(n, m);
        double s = Math.pow(spec.rangeFactor(n, m), spec.dim() - 2);
        this.pair = new PairTransient(spec.kernel(), spec.dim(), lambda / diffusion);
        this.rateScale = alpha / lambda * s * diffusion;
        this.integralScale = alpha / lambda * s * r0 * r0;
        this.tauPerTime = diffusion / (r0 * r0);
    }

    /**
     * @param spec the model
     * @param n a mass
     * @param m another mass
     * @return the pair rate of (n, m)
     */
    public static PairRate of(ModelSpec spec, int n, int m) {
        return new PairRate(spec, n, m);
    }

    /**
     * @param t time (the model's units)
     * @return k1(t), PDE units
     */
    public double rate(double t) {
        return rateScale * pair.rate(tauPerTime * t);
    }

    /**
     * @param t time (the model's units)
     * @return K1(t) = integral of k1 over [0, t]
     */
    public double integral(double t) {
        return integralScale * pair.integral(tauPerTime * t);
    }

    /**
     * The slope a least-squares line with intercept through (t_i, K1(t_i)) has: what a fit of
     * 1/h - 1 = f(0) beta t + const over these times measures, divided by f(0), if 1/h - 1 follows the
     * prediction exactly.
     *
     * @param times the observation times of the fit window (at least two distinct)
     * @return the slope, PDE units
     */
    public double fittedSlope(double[] times) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (double t : times) {
            double y = integral(t);
            sx += t;
            sy += y;
            sxx += t * t;
            sxy += t * y;
        }
        int n = times.length;
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }
}
