package org.coag.core.theory.fragmentation;

import java.util.function.IntToDoubleFunction;
import org.coag.core.model.Fragmentation;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.coag.core.theory.BetaRecipe;
import org.coag.core.theory.TheoryProblem;

/**
 * The coagulation-fragmentation ODE a config with {@code [model.fragmentation]} defines
 * ({@link CoagFragOde}; docs/theory.md, "Coagulation with fragmentation"): the recipe's beta(n, m)
 * with the corrected split kernel G(n, m) beta(n, m) / naive(n, m), the pair that describes the
 * dilute limit away from equilibrium and whose equilibrium is the particle system's. The split
 * kernel G in the ODE's convention (an unordered split {n, m} at rate G, G/2 for n = m; 1 / time):
 * <ul>
 *   <li>dual rule: G(n, m) = naive(n, m) f*_n f*_m / f*_(n+m) ({@link DualFragmentation});
 *       the equilibrium is f_n = f*_n theta^n with sum_n n f_n = rho, on masses 1..M as the
 *       truncated ODE has it;</li>
 *   <li>given rates lambda_k, kept mass uniform on 1..k-1: G(n, m) = 2 lambda_(n+m) / (n + m - 1);
 *       no closed-form equilibrium.</li>
 * </ul>
 * The new particle is placed with density proportional to V in the pair's range for both rules,
 * which is what the correction beta / naive assumes.
 */
public final class CoagFragProblem {
    private final TheoryProblem problem;
    private final BetaRecipe recipe;
    private final CoagFragOde ode;
    private final CoagFragOde naiveOde;
    private final DualFragmentation dual;

    private CoagFragProblem(TheoryProblem problem) {
        this.problem = problem;
        ModelSpec spec = problem.spec();
        this.recipe = BetaRecipe.of(spec);
        Fragmentation law = spec.fragmentation();
        this.dual = law.rule() == Fragmentation.Rule.DUAL ? new DualFragmentation(spec, law.equilibrium()) : null;
        CoagFragOde.DoubleKernel split = dual != null ? (n, m) -> dual.splitKernel(recipe, n, m)
                : (n, m) -> 2 * law.rate().at(n + m) / (n + m - 1);
        CoagFragOde.DoubleKernel beta = (n, m) -> problem.beta().at(n, m);
        this.ode = new CoagFragOde(beta, (n, m) -> split.at(n, m) * beta.at(n, m) / recipe.naive(n, m), problem.maxMass());
        this.naiveOde = new CoagFragOde(recipe::naive, split, problem.maxMass());
    }

    /**
     * @param problem the config's macroscopic problem (with fragmentation, beta from the recipe)
     * @return its coagulation-fragmentation ODE
     * @throws ModelException when the config has no fragmentation or asks for another kernel
     */
    public static CoagFragProblem of(TheoryProblem problem) {
        if (!problem.spec().fragmentation().enabled()) {
            throw new ModelException("theory ode: the config has no [model.fragmentation]");
        }
        if (!problem.settings().kernel().equals("recipe")) {
            throw new ModelException("theory.kernel: with fragmentation the ODE uses the recipe's beta and its corrected split kernel; "
                    + "unset theory.kernel (got \"" + problem.settings().kernel() + "\")");
        }
        return new CoagFragProblem(problem);
    }

    /** @return the ODE on masses 1..M */
    public CoagFragOde ode() {
        return ode;
    }

    /**
     * @return the ODE without the depletion: the naive beta with the bare split kernel G (the rates of uncorrelated
     *     particles); for the dual rule it has the same equilibrium and relaxes towards it at another speed
     */
    public CoagFragOde naiveOde() {
        return naiveOde;
    }

    /** @return whether the equilibrium is known in closed form (the dual rule) */
    public boolean hasEquilibrium() {
        return dual != null;
    }

    /**
     * @param rho the mass density sum_n n f_n (conserved by the truncated ODE)
     * @return f_n for n = 1..M at the equilibrium of the dual rule (PDE units)
     * @throws IllegalStateException for the rate rule
     */
    public double[] equilibrium(double rho) {
        if (dual == null) {
            throw new IllegalStateException("no closed-form equilibrium for given split rates");
        }
        IntToDoubleFunction shape = n -> problem.spec().fragmentation().equilibrium().at(n);
        return CoagFragEquilibrium.ofFamily(shape, problem.maxMass(), rho);
    }

    /** @return sigma, with c_n = f_n / sigma the particles per unit volume (the dual rule) */
    public double densityScale() {
        if (dual == null) {
            throw new IllegalStateException("no closed-form equilibrium for given split rates");
        }
        return dual.densityScale();
    }
}
