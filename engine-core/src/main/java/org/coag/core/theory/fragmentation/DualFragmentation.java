package org.coag.core.theory.fragmentation;

import org.coag.core.model.MassFunction;
import org.coag.core.model.ModelSpec;
import org.coag.core.theory.BetaRecipe;

/**
 * The fragmentation rule that is the exact time reversal of the model's coagulation (docs/theory.md,
 * "Coagulation with fragmentation"), the one home of its rates.
 *
 * <p>Coagulation: masses n at x and m at y fire at rate {@code P(n,m) V(|x-y|^2 / u^2)} for
 * {@code |x-y| < range(n,m)} (P the pair's rate prefactor, u its range unit, both from
 * {@link org.coag.core.step.PairConstants}); the mass-n particle survives at x with probability
 * n / (n+m). Its reverse: a particle of mass n+m at x keeps mass n at x and puts a new particle of
 * mass m at x + z. Detailed balance against the product Poisson measure with intensities c_n
 * (particles per unit volume),
 * <pre>
 *   c_n c_m P(n,m) V(z^2/u^2) n/(n+m) = c_(n+m) Phi(n,m; z),
 * </pre>
 * gives the split rate density {@code Phi(n,m;z) = F(n,m) p(n,m;z)} with the total rate
 * <pre>
 *   F(n,m) = n/(n+m) * A(n,m) * c_n c_m / c_(n+m),   A(n,m) = P(n,m) u(n,m)^d integral(V)
 * </pre>
 * (per unit time) and the placement density {@code p(n,m;z) = V(z^2/u^2) / (u^d integral(V))} on
 * the range ball. A(n,m) = sigma * naive beta(n,m), with the density scale sigma = eps^(d-2)
 * (d &gt;= 3) or 1/|log eps| (d = 2), for every b; the user gives the macroscopic equilibrium
 * densities f*_n = sigma c_n (units of the PDE), so {@code F(n,m) = n/(n+m) naive(n,m) f*_n f*_m / f*_(n+m)}
 * does not depend on eps. Multiplying f*_n by theta^n leaves F unchanged: the conserved mass picks
 * theta.
 */
public final class DualFragmentation {
    private final ModelSpec spec;
    private final MassFunction equilibrium;
    private final double kernelIntegral;

    /**
     * @param spec the model (its coagulation rule)
     * @param equilibrium f*_n, the macroscopic equilibrium densities up to a factor theta^n (PDE units)
     */
    public DualFragmentation(ModelSpec spec, MassFunction equilibrium) {
        this.spec = spec;
        this.equilibrium = equilibrium;
        this.kernelIntegral = spec.kernel().integral(spec.dim());
    }

    /** @return sigma, with f_n = sigma c_n: eps^(d-2) for d &gt;= 3, 1 / |log eps| for d = 2 */
    public double densityScale() {
        if (spec.dim() == 2) {
            return 1.0 / Math.abs(StrictMath.log(spec.eps()));
        }
        return StrictMath.pow(spec.eps(), spec.dim() - 2);
    }

    /**
     * @param n mass
     * @return c_n = f*_n / sigma, the microscopic intensity (particles per unit volume)
     */
    public double intensity(int n) {
        return equilibrium.at(n) / densityScale();
    }

    /**
     * @param n mass
     * @param m mass
     * @return A(n,m), the coagulation rate of the pair integrated over relative positions (volume / time)
     */
    public double pairIntegral(int n, int m) {
        double unit = spec.rangeUnit(n, m);
        return spec.ratePrefactor(n, m) * StrictMath.pow(unit, spec.dim()) * kernelIntegral;
    }

    /**
     * @param kept the mass that stays at the parent's position
     * @param added the mass of the new particle
     * @return F(kept, added), the rate of this split of a particle of mass kept + added (1 / time)
     */
    public double splitRate(int kept, int added) {
        double ratio = intensity(kept) * intensity(added) / intensity(kept + added);
        return (double) kept / (kept + added) * pairIntegral(kept, added) * ratio;
    }

    /**
     * @param kept the mass that stays
     * @param added the mass of the new particle
     * @param r2 squared distance of the new particle from the parent (length units squared)
     * @return p(kept, added; z), the placement density (1 / volume), 0 outside the range
     */
    public double placementDensity(int kept, int added, double r2) {
        double range = spec.interactionRange(kept, added);
        if (!(r2 < range * range)) {
            return 0;
        }
        double unit = spec.rangeUnit(kept, added);
        return spec.kernel().value(r2 / (unit * unit)) / (StrictMath.pow(unit, spec.dim()) * kernelIntegral);
    }

    /**
     * @param kept the mass that stays
     * @param added the mass of the new particle
     * @param r2 squared distance of the new particle (length units squared)
     * @return Phi(kept, added; z) = F p, the split rate density (1 / (time volume))
     */
    public double splitRateDensity(int kept, int added, double r2) {
        return splitRate(kept, added) * placementDensity(kept, added, r2);
    }

    /**
     * @param k a mass &gt;= 2
     * @return the total fragmentation rate of a particle of mass k, sum over kept n of F(n, k - n)
     */
    public double totalRate(int k) {
        double sum = 0;
        for (int n = 1; n < k; n++) {
            sum += splitRate(n, k - n);
        }
        return sum;
    }

    /**
     * The macroscopic fragmentation kernel in the ODE's convention (a particle of mass n+m splits
     * into the unordered pair {n, m} at rate G for n != m, at rate G/2 for n = m):
     * {@code G(n,m) = F(n,m) + F(m,n) = naive(n,m) f*_n f*_m / f*_(n+m)}.
     *
     * @param recipe the model's beta recipe (for the naive beta)
     * @param n mass
     * @param m mass
     * @return G(n, m) (1 / time)
     */
    public double splitKernel(BetaRecipe recipe, int n, int m) {
        return recipe.naive(n, m) * equilibrium.at(n) * equilibrium.at(m) / equilibrium.at(n + m);
    }
}
