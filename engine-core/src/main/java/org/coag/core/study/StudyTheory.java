package org.coag.core.study;

import java.util.Arrays;
import java.util.List;
import org.coag.core.config.RunConfig;
import org.coag.core.model.Domain;
import org.coag.core.model.InitialCondition;
import org.coag.core.model.ModelSpec;
import org.coag.core.observe.TestFunction;
import org.coag.core.theory.BetaRecipe;
import org.coag.core.theory.CoagulationKernel;
import org.coag.core.theory.PdeGeometry;
import org.coag.core.theory.RadialBetaSolver;
import org.coag.core.theory.SmoluchowskiOde;
import org.coag.core.theory.SmoluchowskiPde;
import org.coag.core.theory.TheoryProblem;

/** Solves a study's macroscopic side once: the ODE for a uniform torus start, else the PDE; recipe and naive beta. */
final class StudyTheory {
    static final int PROFILE_MASSES = 4;

    private StudyTheory() {
    }

    static StudyTheoryData compute(RunConfig cfg, String key, double[] times, PdeGeometry grid, List<TestFunction> tests,
                                   double pairMax) {
        TheoryProblem p = TheoryProblem.of(cfg);
        ModelSpec spec = p.spec();
        BetaRecipe recipe = BetaRecipe.of(spec);
        CoagulationKernel naive = CoagulationKernel.of("naive alpha integral(V)", recipe::naive);
        int mm = p.maxMass();
        double[][] weights = StudyGrid.cellWeights(grid, tests, spec.dim());
        int outputs = times.length;
        double[][] totals = new double[outputs][];
        double[][] naiveTotals = new double[outputs][];
        double[][][] tested = new double[outputs][tests.size()][mm];
        double[][] profile = new double[Math.min(PROFILE_MASSES, mm)][];
        String solver;
        double[] later = Arrays.copyOfRange(times, 1, outputs);
        if (spec.domain().type() == Domain.Type.TORUS && spec.initial().shape() == InitialCondition.Shape.UNIFORM) {
            double volume = spec.domain().volume(spec.dim());
            double[] f0 = p.odeInitial();
            double tol = 1e-30 * Arrays.stream(f0).sum();
            SmoluchowskiOde.Solution s = new SmoluchowskiOde(p.kernel(), mm, spec.mode()).solve(f0, times, 1e-10, tol, null);
            SmoluchowskiOde.Solution n = new SmoluchowskiOde(naive, mm, spec.mode()).solve(f0, times, 1e-10, tol, null);
            for (int t = 0; t < outputs; t++) {
                totals[t] = scaled(s.densities()[t], volume);
                naiveTotals[t] = scaled(n.densities()[t], volume);
                for (int j = 0; j < tests.size(); j++) {
                    double integral = Arrays.stream(weights[j]).sum();
                    tested[t][j] = scaled(s.densities()[t], integral);
                }
            }
            for (int k = 0; k < profile.length; k++) {
                double[] flat = new double[grid.cells()];
                Arrays.fill(flat, s.densities()[outputs - 1][k]);
                profile[k] = StudyGrid.profile(grid, flat);
            }
            solver = "Smoluchowski ODE, Dormand-Prince 8(5,3), M = " + mm;
        } else {
            double[][] f0 = p.pdeInitial(grid);
            double dt = p.pdeStep(f0);
            SmoluchowskiPde pde = new SmoluchowskiPde(grid, p.diffusion(), p.kernel(), mm, spec.mode());
            double[][] withLost = Arrays.copyOf(f0, mm + 1);
            withLost[mm] = new double[grid.cells()];
            totals[0] = Arrays.copyOf(pde.totals(withLost), mm);
            naiveTotals[0] = totals[0];
            record(tested[0], weights, withLost, mm);
            int[] k = {1};
            pde.run(f0, later, dt, (t, f, tot) -> {
                totals[k[0]] = Arrays.copyOf(tot, mm);
                record(tested[k[0]], weights, f, mm);
                if (k[0] == outputs - 1) {
                    for (int n = 0; n < profile.length; n++) {
                        profile[n] = StudyGrid.profile(grid, f[n]);
                    }
                }
                k[0]++;
            }, null);
            int[] kn = {1};
            new SmoluchowskiPde(grid, p.diffusion(), naive, mm, spec.mode()).run(f0, later, dt,
                    (t, f, tot) -> naiveTotals[kn[0]++] = Arrays.copyOf(tot, mm), null);
            solver = "coagulation-diffusion PDE, " + grid.describe() + ", dt = " + dt + ", M = " + mm;
        }
        double[][] pair = pairTheory(spec, pairMax);
        String[] names = tests.stream().map(TestFunction::name).toArray(String[]::new);
        return new StudyTheoryData(key, solver, times, totals, naiveTotals, tested, names,
                StudyGrid.profileCoordinate(grid, spec.dim()), profile, pair[0], pair[1], recipe.at(1, 1), recipe.naive(1, 1));
    }

    private static double[] scaled(double[] v, double factor) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i] * factor;
        }
        return r;
    }

    private static void record(double[][] into, double[][] weights, double[][] f, int mm) {
        for (int j = 0; j < weights.length; j++) {
            for (int n = 0; n < mm; n++) {
                double s = 0;
                for (int c = 0; c < weights[j].length; c++) {
                    s += weights[j][c] * f[n][c];
                }
                into[j][n] = s;
            }
        }
    }

    /** 1 - u(y) of Claim 3.11 for the mass-1 pair, y in units of the interaction unit; empty in d = 2 or for b &lt; 1. */
    private static double[][] pairTheory(ModelSpec spec, double pairMax) {
        if (spec.dim() < 3 || spec.b() < 1) {
            return new double[][] {new double[0], new double[0]};
        }
        double c = spec.alpha().at(1, 1) / (2 * spec.diffusion().at(1));
        double[][] rows = new RadialBetaSolver(spec.kernel(), spec.dim()).profile(c, pairMax, 100);
        double[] y = new double[rows.length];
        double[] g = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = rows[i][0];
            g[i] = 1 - rows[i][1];
        }
        return new double[][] {y, g};
    }
}
