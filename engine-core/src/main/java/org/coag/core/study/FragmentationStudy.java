package org.coag.core.study;

import java.util.Arrays;
import org.coag.core.config.RunConfig;
import org.coag.core.model.Domain;
import org.coag.core.model.InitialCondition;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.coag.core.theory.BetaRecipe;
import org.coag.core.theory.TheoryProblem;
import org.coag.core.theory.fragmentation.CoagFragProblem;

/**
 * What a study of a config with {@code [model.fragmentation]} (docs/fragmentation.md, "Studies") adds to the
 * study machinery: its limit. The tasks, observations, lock, resume and submission are those of every
 * continuum study (the sweep over N at fixed Z); the limit is the homogeneous coagulation-fragmentation ODE
 * with the recipe's beta and the split kernel scaled by beta / naive beta ({@link CoagFragProblem}, the ODE
 * {@code coag theory ode} solves), and the comparison curve is the same ODE without the depletion (naive
 * beta, bare split kernel). It needs a torus and a uniform start: there is no coagulation-fragmentation PDE.
 */
public final class FragmentationStudy {
    private FragmentationStudy() {
    }

    /**
     * @param cfg a study config with fragmentation
     * @throws ModelException when the coagulation-fragmentation ODE is not its limit (one line)
     */
    static void check(RunConfig cfg) {
        ModelSpec s = cfg.model();
        if (s.domain().type() != Domain.Type.TORUS || s.initial().shape() != InitialCondition.Shape.UNIFORM) {
            throw new ModelException("study: a study with [model.fragmentation] compares with the homogeneous "
                    + "coagulation-fragmentation ODE, which needs a torus and a uniform start (domain.type = \"torus\", "
                    + "initial.type = \"uniform\")");
        }
        CoagFragProblem.of(TheoryProblem.of(cfg));
    }

    /**
     * The theory file of a fragmentation study: integral f_n over the torus (f_n |L|, PDE units) at the study's
     * times from the ODE with the recipe's beta and the corrected split kernel ({@code totals}) and from the ODE
     * with the naive beta and the bare split kernel ({@code naiveTotals}); no test functions, profile or pair theory.
     */
    static StudyTheoryData theory(RunConfig cfg, String key, double[] times) {
        TheoryProblem p = TheoryProblem.of(cfg);
        ModelSpec spec = p.spec();
        CoagFragProblem frag = CoagFragProblem.of(p);
        double[] f0 = p.odeInitial();
        double tol = 1e-30 * Arrays.stream(f0).sum();
        double[][] f = frag.ode().solve(f0, times, p.settings().relTol(), tol);
        double[][] naive = frag.naiveOde().solve(f0, times, p.settings().relTol(), tol);
        double volume = spec.domain().volume(spec.dim());
        int outputs = times.length;
        double[][] totals = new double[outputs][];
        double[][] naiveTotals = new double[outputs][];
        for (int t = 0; t < outputs; t++) {
            totals[t] = scaled(f[t], volume);
            naiveTotals[t] = scaled(naive[t], volume);
        }
        BetaRecipe recipe = BetaRecipe.of(spec);
        String solver = String.format("coagulation-fragmentation ODE with the recipe's beta and the split kernel times beta / naive "
                + "beta (%s rule), Dormand-Prince 8(5,3), M = %d", spec.fragmentation().rule().name().toLowerCase(), p.maxMass());
        return new StudyTheoryData(key, solver, times, totals, naiveTotals, new double[outputs][0][p.maxMass()], new String[0],
                new double[0], new double[0][], new double[0], new double[0], recipe.at(1, 1), recipe.naive(1, 1));
    }

    /**
     * @param cfg a study config with fragmentation (any N: the equilibrium in PDE units does not depend on it)
     * @param theory its theory
     * @return integral f_n over the torus (n = 1..M) at the equilibrium of the dual rule with the mass of the start,
     *     or null for given split rates (no closed form)
     */
    public static double[] equilibriumTotals(RunConfig cfg, StudyTheoryData theory) {
        TheoryProblem p = TheoryProblem.of(cfg);
        CoagFragProblem frag = CoagFragProblem.of(p);
        if (!frag.hasEquilibrium()) {
            return null;
        }
        ModelSpec spec = p.spec();
        double volume = spec.domain().volume(spec.dim());
        double rho = 0;
        for (int n = 1; n <= theory.totals()[0].length; n++) {
            rho += n * theory.totals()[0][n - 1] / volume;
        }
        return scaled(frag.equilibrium(rho), volume);
    }

    private static double[] scaled(double[] v, double factor) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i] * factor;
        }
        return r;
    }
}
