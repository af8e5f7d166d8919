package org.coag.core.theory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.coag.core.model.DoiKernel;
import org.coag.core.model.ModelSpec;

/**
 * The macroscopic coagulation propensity beta(n, m) of a model (docs/model.md) at the model's
 * eps, by the rule that applies to it:
 * <ul>
 *   <li>P_{N,b} with b &lt; 1, d &gt;= 3, at finite eps: in units of the range s eps^b the pair
 *       problem is the b = 1 problem (1.7) with the weaker strength
 *       {@code lambda = alpha eps^((d-2)(1-b))} (the rate alpha eps^(-2+d(1-b)) s^-2 V times the
 *       squared range (s eps^b)^2), so beta = (alpha / lambda) * [the b = 1 value at strength
 *       lambda]. It tends to the naive alpha * integral(V) * s^(d-2) of section 3.4 as eps -&gt; 0
 *       ({@link #limit}) and is the b = 1 recipe at b = 1;</li>
 *   <li>P_{N,b} with b &lt; 1 in d = 2: the naive value (section 3.4);</li>
 *   <li>d = 2: (2.4), 2 pi D a / (2 pi D + a) with a = alpha(n,m) * integral(V);</li>
 *   <li>Doi kernel in d = 3: s * 4 pi D (1 - tanh(k)/k), k = sqrt(alpha / D);</li>
 *   <li>otherwise (d &gt;= 3): s^(d-2) * D * g(alpha / D) with g from {@link RadialBetaSolver}.</li>
 * </ul>
 * D = d(n) + d(m); s = r_n + r_m with radii, else 1 (section 2.4.2: the rescaled problem is the
 * unit-range one, so beta scales with s^(d-2)). Values for equal alpha / D are solved once. Thread-safe.
 */
public final class BetaRecipe {
    private final ModelSpec spec;
    private final RadialBetaSolver solver;
    private final double kernelIntegral;
    private final Map<Double, Double> perDiffusivity = new ConcurrentHashMap<>();

    private BetaRecipe(ModelSpec spec) {
        this.spec = spec;
        this.kernelIntegral = spec.kernel().integral(spec.dim());
        this.solver = b1Rule() == Rule.RADIAL_SOLVER ? new RadialBetaSolver(spec.kernel(), spec.dim()) : null;
    }

    /** The rule that gives beta for a model. */
    public enum Rule {
        /** b &lt; 1, d &gt;= 3: the b = 1 problem at the weaker strength alpha eps^((d-2)(1-b)). */
        FINITE_EPS_B_BELOW_ONE("(1.7)-(1.8) at the run's eps with strength alpha eps^((d-2)(1-b)), P_{N,b} with b < 1 "
                + "(section 3.4; naive as eps -> 0)"),
        /** b &lt; 1, d = 2: no correction. */
        NAIVE_B_BELOW_ONE("naive alpha * integral(V), P_{N,b} with b < 1 in d = 2 (section 3.4)"),
        /** (2.4). */
        PLANAR("(2.4), d = 2"),
        /** Doi kernel, d = 3. */
        DOI_CLOSED_FORM("closed form 4 pi D (1 - tanh(k)/k), Doi kernel, d = 3"),
        /** Numerical solution of (1.7). */
        RADIAL_SOLVER("(1.7)-(1.8) solved numerically (RK4 + Richardson, relative error < 1e-9)");

        private final String description;

        Rule(String description) {
            this.description = description;
        }

        /** @return a one-line description for reports */
        public String description() {
            return description;
        }
    }

    /**
     * @param spec the model
     * @return the recipe for its beta
     */
    public static BetaRecipe of(ModelSpec spec) {
        return new BetaRecipe(spec);
    }

    /** @return which rule applies */
    public Rule rule() {
        if (spec.b() < 1) {
            return spec.dim() == 2 ? Rule.NAIVE_B_BELOW_ONE : Rule.FINITE_EPS_B_BELOW_ONE;
        }
        return b1Rule();
    }

    /** The rule of the b = 1 problem of this kernel and dimension. */
    private Rule b1Rule() {
        if (spec.dim() == 2) {
            return Rule.PLANAR;
        }
        if (spec.dim() == 3 && spec.kernel() instanceof DoiKernel) {
            return Rule.DOI_CLOSED_FORM;
        }
        return Rule.RADIAL_SOLVER;
    }

    /**
     * @param n mass
     * @param m mass
     * @return beta(n, m) in the units of the PDE (1.2)
     */
    public double at(int n, int m) {
        double alpha = spec.alpha().at(n, m);
        switch (rule()) {
            case NAIVE_B_BELOW_ONE:
                return naive(n, m);
            case FINITE_EPS_B_BELOW_ONE:
                double lambda = effectiveStrength(alpha);
                return alpha / lambda * unitRange(n, m, lambda, b1Rule());
            default:
                return unitRange(n, m, alpha, rule());
        }
    }

    /**
     * @param n mass
     * @param m mass
     * @return the eps -&gt; 0 limit of {@link #at}: the naive value for b &lt; 1 (section 3.4), else
     *     {@link #at} itself (which does not depend on eps)
     */
    public double limit(int n, int m) {
        return spec.b() < 1 ? naive(n, m) : at(n, m);
    }

    /**
     * @param alpha the strength alpha(n, m)
     * @return the strength lambda of the pair problem that the model poses at this eps in units of
     *     its range s eps^b (the rate prefactor times the squared range): alpha eps^((d-2)(1-b)) for
     *     d &gt;= 3 (alpha itself at b = 1), alpha / |log eps| in d = 2 (the rate's 1/|log eps|, for
     *     every b)
     */
    public double effectiveStrength(double alpha) {
        if (spec.dim() == 2) {
            return alpha / Math.abs(Math.log(spec.eps()));
        }
        return alpha * Math.pow(spec.eps(), (spec.dim() - 2) * (1 - spec.b()));
    }

    /** beta of the b = 1 problem with strength {@code alpha} by the given b = 1 rule. */
    private double unitRange(int n, int m, double alpha, Rule rule) {
        double diff = spec.diffusion().at(n) + spec.diffusion().at(m);
        double scale = Math.pow(spec.rangeFactor(n, m), spec.dim() - 2);
        switch (rule) {
            case PLANAR:
                double a = alpha * kernelIntegral;
                return 2 * Math.PI * diff * a / (2 * Math.PI * diff + a);
            case DOI_CLOSED_FORM:
                return scale * diff * doi3(alpha / diff);
            default:
                double c = alpha / diff;
                return scale * diff * perDiffusivity.computeIfAbsent(c, key -> solver.solve(key).perDiffusivity());
        }
    }

    /**
     * @param n mass
     * @param m mass
     * @return the naive rate alpha(n,m) * integral(V) * s^(d-2)
     */
    public double naive(int n, int m) {
        return spec.alpha().at(n, m) * kernelIntegral * Math.pow(spec.rangeFactor(n, m), spec.dim() - 2);
    }

    /**
     * Doi kernel in d = 3, unit range and unit D.
     *
     * @param c alpha / D
     * @return 4 pi (1 - tanh(sqrt c) / sqrt c); below k = 0.01 from the series
     *     k^2/3 - 2k^4/15 + 17k^6/315 (the next term is below 1e-13 of the sum), where the closed
     *     form cancels
     */
    public static double doi3(double c) {
        double k = Math.sqrt(c);
        if (k < 0.01) {
            return 4 * Math.PI * c * (1.0 / 3 - c * (2.0 / 15 - c * 17.0 / 315));
        }
        return 4 * Math.PI * (1 - Math.tanh(k) / k);
    }
}
