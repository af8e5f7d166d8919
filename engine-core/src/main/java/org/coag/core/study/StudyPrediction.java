package org.coag.core.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;
import org.coag.core.model.Domain;
import org.coag.core.model.InitialCondition;
import org.coag.core.model.Mode;
import org.coag.core.model.ModelSpec;
import org.coag.core.theory.BetaRecipe;
import org.coag.core.theory.PairRate;
import org.coag.core.theory.SmoluchowskiOde;
import org.coag.core.theory.TheoryProblem;

/**
 * What each N of a study should be compared with, beside the eps -&gt; 0 limit that every N shares:
 * the same model at that N's own eps. For beta(1, 1) at each N:
 * <ul>
 *   <li>{@code betaAtEps}: the recipe at that eps ({@link BetaRecipe#at}); for P_{N,b} with b &lt; 1
 *       in d &gt;= 3 it lies between the recipe's b = 1 value and the naive limit, otherwise it is
 *       the limit itself;</li>
 *   <li>{@code betaInWindow}: the slope of the pair's integrated rate K1(t) ({@link PairRate}, the
 *       rate relaxing from the naive value as the depletion zone forms) over the observations the
 *       fit window holds (t &gt;= analysis.fit_from t_end): what a fit of 1/h - 1 over that window should
 *       find; in d = 2 the finite-|log eps| value;</li>
 *   <li>{@code betaMeasured}: for torus annihilation from a uniform start of mass 1, the measured
 *       slope of (1/h - 1) / f(0) over the same window, mean over seeds with its standard error.</li>
 * </ul>
 * The survivor fraction each N should follow ({@code survivorFraction}), where it can be computed
 * without a PDE per N: torus annihilation from mass 1 by mean field with the transient rate,
 * 1/h - 1 = f(0) K1(t); torus coagulation with b &lt; 1 by the ODE (2.1) with the recipe at that N's
 * eps. Elsewhere it is null and {@code curve} says why.
 *
 * @param particles the values of N, ascending
 * @param eps each N's eps
 * @param betaLimit beta(1, 1) as eps -&gt; 0
 * @param betaNaive the naive alpha integral(V) s^(d-2)
 * @param betaAtEps beta(1, 1) from the recipe at each N's eps [N]
 * @param betaInWindow the slope of K1 over the fit window at each N [N]
 * @param betaMeasured the measured slope (NaN where there is no such measurement) [N]
 * @param betaMeasuredSe its standard error over the seeds (NaN with one seed) [N]
 * @param window the observation times of the fit window
 * @param survivorFraction h(t) predicted at each N [N][t], or null
 * @param curve how {@code survivorFraction} was computed, or why it was not
 * @param curveLabel a short name of {@code survivorFraction} for a legend
 */
public record StudyPrediction(long[] particles, double[] eps, double betaLimit, double betaNaive, double[] betaAtEps,
                              double[] betaInWindow, double[] betaMeasured, double[] betaMeasuredSe, double[] window,
                              double[][] survivorFraction, String curve, String curveLabel) {

    /**
     * @param base the study's config (its own N)
     * @param times the observation times (t = 0 first)
     * @param runs the finished runs
     * @return the predictions at the N of {@code runs}
     */
    public static StudyPrediction of(RunConfig base, double[] times, List<StudyRunData> runs) {
        long[] ns = runs.stream().mapToLong(StudyRunData::particles).distinct().sorted().toArray();
        ModelSpec baseSpec = base.model();
        BetaRecipe baseRecipe = BetaRecipe.of(baseSpec);
        double last = times[times.length - 1];
        int from = 1;
        while (from < times.length - 1 && times[from] < base.run().fitFrom() * last) {
            from++;
        }
        double[] window = Arrays.copyOfRange(times, from, times.length);
        boolean uniformTorus = baseSpec.domain().type() == Domain.Type.TORUS && baseSpec.initial().shape() == InitialCondition.Shape.UNIFORM;
        boolean annihilation = uniformTorus && baseSpec.mode() == Mode.ANNIHILATION && baseSpec.initial().maxMass() == 1;
        boolean finiteEpsOde = uniformTorus && !annihilation && baseRecipe.rule() == BetaRecipe.Rule.FINITE_EPS_B_BELOW_ONE;
        int k = ns.length;
        double[] eps = new double[k];
        double[] atEps = new double[k];
        double[] inWindow = new double[k];
        double[] measured = new double[k];
        double[] measuredSe = new double[k];
        double[][] h = annihilation || finiteEpsOde ? new double[k][] : null;
        for (int i = 0; i < k; i++) {
            RunConfig cfg = ConfigReader.read(base.resolvedToml(), List.of("model.particles=" + ns[i]));
            ModelSpec spec = cfg.model();
            PairRate rate = PairRate.of(spec, 1, 1);
            eps[i] = spec.eps();
            atEps[i] = BetaRecipe.of(spec).at(1, 1);
            inWindow[i] = window.length >= 2 ? rate.fittedSlope(window) : Double.NaN;
            double[] perSeed = annihilation ? measuredSlopes(runs, ns[i], from, spec.initialDensity()) : new double[0];
            measured[i] = perSeed.length > 0 ? Arrays.stream(perSeed).average().orElseThrow() : Double.NaN;
            measuredSe[i] = StudyAnalysis.standardError(perSeed);
            if (annihilation) {
                h[i] = new double[times.length];
                for (int t = 0; t < times.length; t++) {
                    h[i][t] = 1 / (1 + spec.initialDensity() * rate.integral(times[t]));
                }
            } else if (finiteEpsOde) {
                h[i] = odeFraction(cfg, times);
            }
        }
        return new StudyPrediction(ns, eps, baseRecipe.limit(1, 1), baseRecipe.naive(1, 1), atEps, inWindow, measured, measuredSe,
                window, h, curveNote(baseSpec, annihilation, finiteEpsOde, atEps, inWindow),
                annihilation ? "finite N (its eps, with the transient)" : "finite N (recipe at its eps)");
    }

    private static String curveNote(ModelSpec spec, boolean annihilation, boolean finiteEpsOde, double[] atEps, double[] inWindow) {
        if (annihilation) {
            return "mean field with the pair rate's transient at each N's eps: 1/h - 1 = f(0) K1(t)";
        }
        if (finiteEpsOde) {
            return "the Smoluchowski ODE with beta from the recipe at each N's eps (P_{N,b}, b < 1)";
        }
        if (spec.dim() == 2) {
            return "not computed: in d = 2 the rate at finite |log eps| keeps changing in time (the fit window's column), "
                    + "and the ODE/PDE uses the limit 2 pi D a / (2 pi D + a)";
        }
        if (spec.b() < 1) {
            return "not computed: it takes one PDE per N; the beta table is per N, and the other curve is the recipe at the "
                    + "base config's eps";
        }
        double shift = 0;
        for (int i = 0; i < atEps.length; i++) {
            if (Double.isFinite(inWindow[i])) {
                shift = Math.max(shift, Math.abs(inWindow[i] / atEps[i] - 1));
            }
        }
        return String.format(Locale.ROOT, "none apart from the limit: beta does not depend on eps here, and the transient, "
                + "which does, moves the slope over the fit window by at most %.2g %% (the ODE/PDE leaves it out)", 100 * shift);
    }

    /** The ODE (2.1) at this N's beta table: survivors over the start, at the observation times. */
    private static double[] odeFraction(RunConfig cfg, double[] times) {
        TheoryProblem p = TheoryProblem.of(cfg);
        double[] f0 = p.odeInitial();
        double n0 = Arrays.stream(f0).sum();
        SmoluchowskiOde.Solution s = new SmoluchowskiOde(p.kernel(), p.maxMass(), cfg.model().mode()).solve(f0, times, 1e-10, 1e-30 * n0, null);
        double[] h = new double[times.length];
        for (int t = 0; t < times.length; t++) {
            h[t] = Arrays.stream(s.densities()[t]).sum() / n0;
        }
        return h;
    }

    /** Per seed of N: the least-squares slope of (1/h - 1) / f(0) against t over the observations from index {@code from} on. */
    private static double[] measuredSlopes(List<StudyRunData> runs, long n, int from, double initialDensity) {
        List<Double> slopes = new ArrayList<>();
        for (StudyRunData r : runs) {
            if (r.particles() != n) {
                continue;
            }
            double sx = 0, sy = 0, sxx = 0, sxy = 0;
            int k = 0;
            for (int t = from; t < r.times().length; t++) {
                if (r.survivors()[t] > 0) {
                    double x = r.times()[t];
                    double y = ((double) r.particles() / r.survivors()[t] - 1) / initialDensity;
                    sx += x;
                    sy += y;
                    sxx += x * x;
                    sxy += x * y;
                    k++;
                }
            }
            if (k >= 2) {
                slopes.add((k * sxy - sx * sy) / (k * sxx - sx * sx));
            }
        }
        return slopes.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * @param limit the limit's h(t) at the same times
     * @return the largest |h_N(t) - h(t)| / h(t) over every N and time (0 without a per-N curve)
     */
    public double largestDeparture(double[] limit) {
        double d = 0;
        for (int i = 0; survivorFraction != null && i < survivorFraction.length; i++) {
            for (int t = 0; t < limit.length; t++) {
                d = Math.max(d, Math.abs(survivorFraction[i][t] - limit[t]) / limit[t]);
            }
        }
        return d;
    }
}
