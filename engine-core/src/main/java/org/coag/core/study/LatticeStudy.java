package org.coag.core.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.coag.core.config.RunConfig;
import org.coag.core.model.LatticeSpec;
import org.coag.core.model.Mode;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.coag.core.run.LatticeTheoryReport;
import org.coag.core.theory.lattice.LatticeRecipe;

/**
 * What a lattice study (docs/lattice.md, "Studies over the side L") adds to the study machinery: the sweep
 * over the side L in the survey's Brownian scaling (section 2.2.2: space squeezed by L, time sped up by
 * L^2), its theory and its results. Side L runs the study config with {@code time.t_end} and
 * {@code time.dt} both times (L / L0)^2, L0 = {@code model.lattice.side}: every L takes the same steps and
 * is observed at the same scaled times tau = t / L^2. The theory is the constant-kernel Smoluchowski ODE
 * with the lattice recipe's beta ({@link LatticeRecipe}); from a start density n0 (walkers per site) its
 * survivor fraction is h(t) = 1 / (1 + c beta n0 t), c = 1/2 for coagulation and 1 for annihilation. At
 * a fixed tau, h / h_ODE - 1 vanishes as L grows (about like 1 / L in d = 3), which is what the study shows.
 */
public final class LatticeStudy {
    private LatticeStudy() {
    }

    /**
     * @param cfg a lattice study's config
     * @throws ModelException when the lattice theory does not apply to it (one line)
     */
    static void check(RunConfig cfg) {
        ModelSpec s = cfg.model();
        String why = LatticeTheoryReport.whyNot(s);
        if (why != null) {
            throw new ModelException("study: a lattice study compares each side L with the lattice theory, and there is none "
                    + "for this config: " + why);
        }
        if (s.lattice().start() == LatticeSpec.Start.ONE_SITE) {
            throw new ModelException("study: a lattice study needs a start spread over the sites (the ODE is for a uniform "
                    + "density); model.lattice.start = \"one_site\" is not one");
        }
    }

    /**
     * @param base the study config (side L0)
     * @param tEnd its time.t_end
     * @param side L
     * @return the overrides that make the config the run at side L: the side, and t_end and dt times (L / L0)^2
     */
    static List<String> overrides(RunConfig base, double tEnd, int side) {
        int side0 = base.model().lattice().side();
        double scale = (double) side * side / ((double) side0 * side0);
        List<String> o = new ArrayList<>();
        o.add("model.lattice.side=" + side);
        o.add("time.t_end=" + tEnd * scale);
        o.add("time.dt=" + base.model().dt() * scale);
        return o;
    }

    /**
     * The survivor fraction of the constant-kernel ODE.
     *
     * @param spec the lattice model
     * @param beta the kernel (the lattice recipe's, or a comparison rate)
     * @param startDensity n0, walkers per site at time 0
     * @param time t, in the walkers' units
     * @return n(t) / n0
     */
    public static double odeFraction(ModelSpec spec, double beta, double startDensity, double time) {
        return LatticeRecipe.meanFieldDensity(startDensity, beta, time, spec.mode() == Mode.ANNIHILATION) / startDensity;
    }

    /**
     * @param spec a lattice model the theory applies to
     * @return the lattice recipe's beta for its walkers
     */
    public static double beta(ModelSpec spec) {
        double jumpRate = spec.diffusion().at(1);
        double kappa = spec.lattice().instantaneous() ? Double.POSITIVE_INFINITY : spec.alpha().at(1, 1);
        return LatticeRecipe.rate(spec.dim(), kappa, jumpRate, jumpRate);
    }

    /**
     * @param spec a lattice model
     * @return the comparison rate without depletion: the naive kappa, or for coalescence on arrival the
     *     no-depletion arrival rate 2 d(1)
     */
    public static double naiveBeta(ModelSpec spec) {
        return spec.lattice().instantaneous() ? LatticeRecipe.noDepletionArrivalRate(2 * spec.diffusion().at(1))
                : LatticeRecipe.naive(spec.alpha().at(1, 1));
    }

    /** The theory file of a lattice study: beta, the comparison rate and the ODE at the config's side L0 from its mean start density. */
    static StudyTheoryData theory(RunConfig cfg, String key, double[] times) {
        ModelSpec s = cfg.model();
        LatticeSpec l = s.lattice();
        double n0 = l.start() == LatticeSpec.Start.ONE_PER_SITE ? 1 : l.occupation();
        double beta = beta(s);
        double naive = naiveBeta(s);
        double[][] totals = new double[times.length][];
        double[][] naiveTotals = new double[times.length][];
        for (int t = 0; t < times.length; t++) {
            totals[t] = new double[] {odeFraction(s, beta, n0, times[t])};
            naiveTotals[t] = new double[] {odeFraction(s, naive, n0, times[t])};
        }
        String solver = String.format("constant-kernel Smoluchowski ODE n' = -beta n^2%s with beta = %.6g from the lattice recipe "
                + "(%s %.6g), closed form", s.mode() == Mode.ANNIHILATION ? "" : " / 2", beta,
                l.instantaneous() ? "no-depletion arrival rate" : "naive kappa", naive);
        return new StudyTheoryData(key, solver, times, totals, naiveTotals, new double[times.length][0][0], new String[0],
                new double[0], new double[0][], new double[0], new double[0], beta, naive);
    }

    /**
     * @param task a finished task
     * @param cfg its run config
     * @param summary its summary.json
     * @param steps the study's observation steps, 0 first
     * @param survivors its survivors at the study's observation steps, t = 0 first
     * @return its result: times and survivors; eps = 1 / L (the lattice spacing on the unit torus), weight
     *     L^-(d-2) (a walker's mass in the survey's scaling), and the continuum's snapshot fields empty
     */
    static StudyRunData result(StudyTask task, RunConfig cfg, Map<String, Object> summary, long[] steps, int[] survivors) {
        ModelSpec spec = cfg.model();
        int outputs = survivors.length;
        double[] times = new double[outputs];
        for (int t = 0; t < outputs; t++) {
            times[t] = steps[t] * spec.dt();
        }
        int side = spec.lattice().side();
        return new StudyRunData(task.particles(), task.seed(), cfg.run().backend(), 1.0 / side, spec.dt(),
                ((Number) summary.get("wall_seconds")).doubleValue(), (String) summary.get("event_log_sha256"),
                (String) summary.get("final_state_sha256"), Math.pow(side, -(spec.dim() - 2)), times, survivors.clone(),
                new long[outputs][0], new double[outputs][0][0], new double[outputs][0][0], new double[outputs][0][0], 0,
                new double[outputs][0], new double[outputs][0], new double[0], new double[0][], side);
    }
}
