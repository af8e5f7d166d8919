package org.coag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.coag.core.config.ConfigReader;
import org.coag.core.model.ModelSpec;
import org.coag.core.theory.PairRate;
import org.coag.core.study.Study;
import org.coag.core.study.StudyAnalysis;
import org.coag.core.study.StudyRunData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The physics validation suite (issue 7): the survey's predictions measured on the cpu backend
 * through {@code coag study}'s pipeline. Run with {@code mvn -B test -Pvalidation -Dgroups=validation}.
 * Seeds are fixed, so each test is deterministic; the stated odds are those of a failure for a
 * random choice of seed, from the statistical error of the measured quantity.
 */
@Tag("validation")
class ValidationTest {
    private static final String TORUS_DOI_3D = String.join("\n", "[model]", "dim = 3", "mode = \"annihilation\"",
            "particles = 40000", "volume_fraction = 1e-3", "[model.alpha]", "value = 2.0",
            "[time]", "dt_over_eps2 = 0.05", "t_end = 0.0029", "[theory]", "grid = 8", "[study]", "seeds = 1", "observations = 16");

    @TempDir
    Path tmp;

    static Study.Result study(Path dir, String config, String... overrides) throws IOException {
        return Study.run(config, List.of(overrides), dir, new Study.Listener() {
            @Override
            public void message(String line) {
                System.out.println("  " + line);
            }

            @Override
            public void progress(double done, String detail) {
            }
        });
    }

    /**
     * beta from 1/h - 1 = beta f(0) t: least squares with intercept over t >= t_end / 4 (the
     * intercept absorbs the transient before the depletion forms), averaged over the runs.
     */
    static double measuredBeta(Study.Result r, long particles) {
        double sum = 0;
        int k = 0;
        for (StudyRunData d : r.runs()) {
            if (d.particles() != particles) {
                continue;
            }
            double sx = 0, sy = 0, sxx = 0, sxy = 0;
            int n = 0;
            double last = d.times()[d.times().length - 1];
            for (int t = 1; t < d.times().length; t++) {
                if (d.times()[t] >= 0.25 * last) {
                    double y = (double) d.particles() / d.survivors()[t] - 1;
                    sx += d.times()[t];
                    sy += y;
                    sxx += d.times()[t] * d.times()[t];
                    sxy += d.times()[t] * y;
                    n++;
                }
            }
            double f0 = d.weight() * d.particles() / Math.pow(r.config().model().domain().side(), r.config().model().dim());
            sum += (n * sxy - sx * sy) / (n * sxx - sx * sx) / f0;
            k++;
        }
        return sum / k;
    }

    /**
     * Proposition 3.1: torus annihilation, Doi, d = 3, alpha = 2, D = 2, N = 40000 to h ~ 0.45 (about
     * 11000 collisions): the corrected beta 5.992, not the naive 8.378. Statistical error about 1.5 % (BetaFit's Poisson estimate), time-step bias +0.5 % at
     * dt = 0.05 eps^2; the 4 % tolerance is 2.5 sigma: false-failure odds about 1 %.
     */
    @Test
    void proposition31TorusAnnihilationGivesTheCorrectedBeta() throws IOException {
        Study.Result r = study(tmp, TORUS_DOI_3D);
        double beta = measuredBeta(r, 40000);
        System.out.printf("Proposition 3.1: beta measured %.4f, expected in this fit with the transient %.4f, corrected theory %.4f, "
                + "naive %.4f%n", beta, expectedBeta(r, TORUS_DOI_3D, 40000), r.theory().beta11(), r.theory().naive11());
        assertEquals(r.theory().beta11(), beta, 0.04 * r.theory().beta11());
        assertTrue(beta < 0.85 * r.theory().naive11(), "far from the naive rate");
    }

    /**
     * Claim 3.11: with the bump kernel and alpha = 40 (u(0) = 0.66, beta = 8.36), the pair density
     * of survivors inside the range follows 1 - u(y) at times t &gt;&gt; eps^2. phi = 4e-3, so a
     * particle's mean free time, (4 pi / 3) / (beta phi) = 125 eps^2, is long against eps^2, and the
     * run lasts 250 eps^2; the pairs are pooled over the 76 observations at t &gt;= 60 eps^2, where
     * the transient left over from the uncorrelated start (about u R / sqrt(pi D t), R = beta /
     * (4 pi D) = 0.33 eps) is below 0.008. The ratio pooled over all bins inside the range (about
     * 1100 pairs: Poisson standard error 0.018) must agree within 0.05 (2.8 sigma), the inner half
     * (y &lt; 1/2, about 100 pairs, error 0.043) within 0.15 (3.5 sigma): false-failure odds about
     * 0.5 %. (Measured: 0.587 +- 0.018 against 0.560, inner half 0.443 +- 0.043 against 0.400.)
     * The peak pair rate is 15 / eps^2, so dt = 0.005 eps^2 keeps rate * dt at 0.07; at 0.05 eps^2
     * (rate * dt = 0.7) the discrete scheme over-depletes the centre.
     */
    @Test
    void claim311PairCorrelationFollowsOneMinusU() throws IOException {
        Study.Result r = study(tmp, String.join("\n", "[model]", "dim = 3", "mode = \"annihilation\"", "particles = 30000",
                "volume_fraction = 4e-3", "[model.kernel]", "type = \"bump\"", "[model.alpha]", "value = 40.0",
                "[time]", "dt_over_eps2 = 0.005", "t_end = 2.5e-3", "[theory]", "grid = 8",
                "[study]", "seeds = 2", "observations = 100", "pair_bins = 30", "pair_max = 3.0", "pair_after = 60"));
        StudyAnalysis a = StudyAnalysis.of(r.theory(), r.runs(), r.config().study());
        double[] g = a.pairRatio();
        double[] se = a.pairSe();
        for (int b = 0; b < a.pairY().length && a.pairY()[b] < 1; b++) {
            System.out.printf("  y = %.2f: g = %.3f +- %.3f, 1 - u = %.3f%n", a.pairY()[b], g[b], se[b],
                    StudyAnalysis.interpolate(r.theory().pairY(), r.theory().pairTheory(), a.pairY()[b]));
        }
        StudyAnalysis.PairPool inside = a.pairsWithin(r.theory(), 1.0);
        StudyAnalysis.PairPool core = a.pairsWithin(r.theory(), 0.5);
        System.out.printf("Claim 3.11: pair correlation inside the range %.4f +- %.4f, 1 - u %.4f; inner half %.4f +- %.4f, "
                + "1 - u %.4f (no depletion would be 1)%n", inside.measured(), inside.se(), inside.theory(), core.measured(),
                core.se(), core.theory());
        assertEquals(inside.theory(), inside.measured(), 0.05);
        assertEquals(core.theory(), core.measured(), 0.15);
    }

    /**
     * Section 3.4: P_{N,b} with b = 1/2 (range eps^(1/2), per-pair rate alpha eps^(-1/2)): near the
     * naive beta alpha |B_1| = 8.378, not the b = 1 recipe's 5.992. At this eps (2.4e-5) the
     * finite-eps prediction (the b = 1 problem at strength alpha eps^(1/2) = 0.0098) is 0.2 % below
     * the naive limit; the test compares with it. About 5600 collisions over 2 seeds: statistical
     * error about 2.5 %; the 8 % tolerance is 3 sigma (odds 0.3 %).
     */
    @Test
    void section34PnbWithHalfGivesTheNaiveBeta() throws IOException {
        Study.Result r = study(tmp, String.join("\n", "[model]", "dim = 3", "mode = \"annihilation\"", "particles = 20000",
                "b = 0.5", "volume_fraction = 1e-2", "[model.alpha]", "value = 2.0",
                "[time]", "dt = 5e-6", "t_end = 0.06", "[theory]", "grid = 8", "[study]", "seeds = 2", "observations = 12"));
        double beta = measuredBeta(r, 20000);
        System.out.printf("Section 3.4 (b = 1/2): beta measured %.4f, prediction at this eps %.4f, limit (naive) %.4f, "
                + "b = 1 recipe %.4f%n", beta, r.theory().beta11(), r.theory().naive11(), 8 * Math.PI * (1 - Math.tanh(1)));
        assertEquals(r.theory().beta11(), beta, 0.08 * r.theory().beta11());
    }

    /**
     * Section 3.4 at finite eps, where it matters: P_{N,b} with b = 0.8, eps = 1e-3, Doi, alpha = 6,
     * D = 2. In units of its range the pair problem has strength lambda = alpha eps^0.2 = 1.51, so the
     * prediction (BetaRecipe, the b = 1 problem at lambda, rescaled by alpha / lambda) is 23 % below
     * the naive alpha |B_1| = 25.13 that the eps -> 0 limit gives, and 68 % above the b = 1 recipe (11.51) at
     * alpha = 6. N = 40000 to h = 0.34, about 13000 collisions per seed, 3 seeds. Seeds 1-3 at N = 20000
     * (3300 collisions) spread by 5.8 % (more than BetaFit's Poisson estimate), which scales to 3.2 %
     * per run here and 1.9 % for the mean. The time-step bias is within about 1.5 % (halving dt moved
     * one seed by -1.3 %). The 6 % tolerance is 3 sigma: false-failure odds about 0.3 %. (One run:
     * measured 19.66 against the prediction 19.33.)
     */
    @Test
    void section34PnbAtFiniteEpsFollowsTheWeakerStrength() throws IOException {
        Study.Result r = study(tmp, String.join("\n", "[model]", "dim = 3", "mode = \"annihilation\"", "particles = 40000",
                "b = 0.8", "eps = 1e-3", "[model.alpha]", "value = 6.0",
                "[time]", "dt = 5e-7", "t_end = 2.5e-3", "[theory]", "grid = 8", "[study]", "seeds = 3", "observations = 12"));
        double beta = measuredBeta(r, 40000);
        double lambda = 6.0 * Math.pow(1e-3, 0.2);
        double k = Math.sqrt(6.0 / 2);
        double b1 = 2 * 4 * Math.PI * (1 - Math.tanh(k) / k);
        System.out.printf("Section 3.4 (b = 0.8, eps = 1e-3): beta measured %.4f, prediction at this eps %.4f (lambda %.4f), "
                + "limit (naive) %.4f, b = 1 recipe %.4f%n", beta, r.theory().beta11(), lambda, r.theory().naive11(), b1);
        assertTrue(r.theory().beta11() < 0.8 * r.theory().naive11(), "the finite-eps correction is at least 20 %");
        assertEquals(r.theory().beta11(), beta, 0.06 * r.theory().beta11());
    }

    /**
     * The transient (Claims 3.5-3.6, Lemma 1.5), where it is large: torus annihilation, Doi, alpha = 2,
     * D = 2, volume fraction 0.02, N = 20000, observed at 200 steps of 0.05 eps^2 (tau = D t / eps^2 =
     * 20, h about 0.77). There 1/h - 1 is f(0) K1(t) with the transient, 5.7 % above the limit
     * f(0) beta t, and the naive f(0) alpha |B_1| t is 40 % above. About 2300 collisions per seed: the
     * Poisson error of 1/h - 1 is 2.7 % per run and 0.95 % for the mean of 8 seeds. The 3 % tolerance
     * is 3.2 sigma (false-failure odds about 0.2 %). Measured: 0.3024 (8 seeds) against the prediction 0.3023, the
     * limit 0.2861 and the naive 0.4000.
     */
    @Test
    void transientAtHighVolumeFractionFollowsK1() throws IOException {
        String text = String.join("\n", "[model]", "dim = 3", "mode = \"annihilation\"", "particles = 20000", "volume_fraction = 0.02",
                "[model.alpha]", "value = 2.0", "[time]", "dt_over_eps2 = 0.05", "t_end = 3.848e-4", "[theory]", "grid = 8",
                "[study]", "seeds = 8", "observations = 2");
        Study.Result r = study(tmp, text);
        ModelSpec spec = ConfigReader.read(text, List.of()).model();
        double sum = 0;
        double t = Double.NaN;
        for (StudyRunData d : r.runs()) {
            int last = d.times().length - 1;
            t = d.times()[last];
            sum += (double) d.particles() / d.survivors()[last] - 1;
        }
        double measured = sum / r.runs().size();
        double f0 = spec.initialDensity();
        double predicted = f0 * PairRate.of(spec, 1, 1).integral(t);
        double limit = f0 * r.theory().beta11() * t;
        double naive = f0 * r.theory().naive11() * t;
        System.out.printf("Transient (phi = 0.02, t = %.4g): 1/h - 1 measured %.4f, prediction f(0) K1(t) %.4f, limit f(0) beta t %.4f, "
                + "naive %.4f%n", t, measured, predicted, limit, naive);
        assertTrue(predicted > 1.04 * limit, "the transient is large here");
        assertEquals(predicted, measured, 0.03 * predicted);
    }

    /**
     * d = 4 torus annihilation (Proposition 3.1 in d = 4), Doi, alpha = 2, D = 2, volume fraction 1e-3,
     * N = 20000 to h about 0.66: the recipe (1.8) by the radial solver, 8.466, not the naive
     * alpha |B_1| = 9.870. About 3400 collisions per seed: 2.6 % per run, 1.3 % for the mean of 4
     * seeds. The 4 % tolerance is 3 sigma (false-failure odds about 0.3 %). Measured: 8.280 (4 seeds)
     * against 8.466 expected in the fit window (with the transient), -2.2 %.
     */
    @Test
    void fourDimensionalTorusAnnihilationGivesTheRecipe() throws IOException {
        String text = String.join("\n", "[model]", "dim = 4", "mode = \"annihilation\"", "particles = 20000", "volume_fraction = 1e-3",
                "[model.alpha]", "value = 2.0", "[time]", "dt_over_eps2 = 0.05", "t_end = 0.0302", "[theory]", "grid = 8",
                "[study]", "seeds = 4", "observations = 16");
        Study.Result r = study(tmp, text);
        double beta = measuredBeta(r, 20000);
        double expected = expectedBeta(r, text, 20000);
        System.out.printf("d = 4: beta measured %.4f, expected in this fit with the transient %.4f, recipe (1.8) %.4f, naive %.4f%n",
                beta, expected, r.theory().beta11(), r.theory().naive11());
        assertEquals(expected, beta, 0.04 * expected);
        assertTrue(beta < 0.92 * r.theory().naive11(), "away from the naive rate");
    }

    /**
     * Proposition 4.1 asserted: the microscopic collision propensity eps^(d-2) sum alpha V_eps over
     * pairs of mass 1 (left side) against beta integral f_1^2 from the candidate densities (right
     * side). Two things separate them at a finite time and step, each predicted here:
     * <ul>
     *   <li>The transient: pairs in range carry k1(t) / beta ({@link PairRate}). The t = 0
     *       observation is left out, because uncorrelated pairs collide at the naive rate, 40 % above.</li>
     *   <li>The step. A snapshot is taken right after a step's collisions. A pair inside the Doi
     *       range fires in a step with probability 1 - e^(-x), x = rate dt (0.1 here). The density
     *       there is therefore x / (1 - e^(-x)) of the continuous one before the kill and e^(-x) of
     *       that after it, which gives left / right = x e^(-x) / (1 - e^(-x)) = 0.9508.</li>
     * </ul>
     * Setup: torus annihilation, volume fraction 0.02, N = 20000, 8 observations to tau = 150,
     * 4 seeds. Measured: 0.9465; the per-seed ratios spread with a standard deviation of the mean of
     * 0.003, so the 0.015 tolerance is 5 sigma of that spread, allowing for a finite-density effect
     * of up to about 1 %.
     */
    @Test
    void proposition41CollisionPropensityMatchesBetaTimesTheCandidateDensities() throws IOException {
        String text = String.join("\n", "[model]", "dim = 3", "mode = \"annihilation\"", "particles = 20000", "volume_fraction = 0.02",
                "[model.alpha]", "value = 2.0", "[time]", "dt_over_eps2 = 0.05", "t_end = 2.886e-3", "[theory]", "grid = 8",
                "[study]", "seeds = 4", "observations = 8");
        Study.Result r = study(tmp, text);
        ModelSpec spec = ConfigReader.read(text, List.of()).model();
        PairRate rate = PairRate.of(spec, 1, 1);
        double beta = r.theory().beta11();
        double[] ratios = new double[r.runs().size()];
        double left = 0;
        double right = 0;
        double rightLimit = 0;
        for (int k = 0; k < ratios.length; k++) {
            StudyRunData d = r.runs().get(k);
            double l = 0;
            double rr = 0;
            for (int t = 1; t < d.times().length; t++) {
                l += d.propensity()[t][0][0];
                rr += d.propensityTheory()[t][0][0] * rate.rate(d.times()[t]) / beta;
                rightLimit += d.propensityTheory()[t][0][0];
            }
            ratios[k] = l / rr;
            left += l;
            right += rr;
        }
        double x = spec.ratePrefactor(1, 1) * spec.dt();
        double step = x * Math.exp(-x) / (1 - Math.exp(-x));
        double mean = java.util.Arrays.stream(ratios).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(ratios).map(v -> (v - mean) * (v - mean)).sum() / (ratios.length - 1));
        System.out.printf("Proposition 4.1 (mass 1, t > 0): left / right = %.4f with the transient (per seed %s, sd of the mean %.4f), "
                + "%.4f against beta alone; predicted for the step x = %.3f: %.4f%n", left / right, java.util.Arrays.toString(ratios),
                sd / Math.sqrt(ratios.length), left / rightLimit, x, step);
        assertEquals(step, left / right, 0.015);
    }

    /**
     * Coagulation on the torus, Doi, alpha = 2, d(n) = n^(-1/3): survivors by mass at t_end against
     * the ODE (2.1) with the recipe's beta table, masses 1..4. Each count N_n has Poisson-like error
     * sqrt(N_n); the check is 4 sigma plus 2 % (time-step bias), odds of a false failure about 1e-4.
     */
    @Test
    void coagulationMassSpectrumFollowsTheOdeWithTheRecipeBeta() throws IOException {
        Study.Result r = study(tmp, String.join("\n", "[model]", "dim = 3", "mode = \"coagulation\"", "particles = 30000",
                "volume_fraction = 1e-3", "[model.alpha]", "value = 2.0", "[model.diffusion]", "type = \"power\"",
                "coefficient = 1.0", "exponent = -0.3333333333333333", "[time]", "dt_over_eps2 = 0.05", "t_end = 0.004",
                "[theory]", "grid = 8", "masses = 32", "[study]", "seeds = 1", "observations = 8"));
        StudyAnalysis a = StudyAnalysis.of(r.theory(), r.runs(), r.config().study());
        StudyRunData d = r.runs().get(0);
        int last = d.times().length - 1;
        for (int n = 1; n <= 4; n++) {
            double measured = d.byMass()[last][n - 1];
            double expected = a.theorySpectrum()[n - 1] / d.weight();
            double naive = r.theory().naiveTotals()[last][n - 1] / d.weight();
            System.out.printf("coagulation spectrum at t = %.4g: mass %d measured %.0f, ODE (recipe beta) %.1f, ODE (naive beta) %.1f%n",
                    d.times()[last], n, measured, expected, naive);
            assertEquals(expected, measured, 4 * Math.sqrt(expected) + 0.02 * expected, "mass " + n);
        }
    }

    /**
     * Free space, d = 3, Gaussian start at fixed Z = 10 (examples/study-free-coag-3d.toml, to t = 3e-4): the
     * time-integrated weak errors against the radial PDE shrink as N grows 16-fold (4 seeds each).
     * Fluctuations alone give errors ~ N^(-1/2); a failure needs the N = 16000 mean (over 4 seeds)
     * to exceed the N = 1000 mean, odds below 1e-3.
     */
    @Test
    void freeSpaceWeakErrorsShrinkWithN() throws IOException {
        String text = java.nio.file.Files.readString(Path.of("..", "examples", "study-free-coag-3d.toml"));
        Study.Result r = study(tmp, text, "time.t_end=3e-4", "study.particles=[1000, 4000, 16000]", "study.seeds=4");
        StudyAnalysis a = StudyAnalysis.of(r.theory(), r.runs(), r.config().study());
        for (int j = 0; j < a.testNames().length; j++) {
            System.out.printf("weak error, J = %-12s N = 1000: %.3e, 4000: %.3e, 16000: %.3e; rate %s%n",
                    a.testNames()[j], a.weakError()[0][j], a.weakError()[1][j], a.weakError()[2][j], a.weakRate()[j].describe());
            assertTrue(a.weakError()[2][j] < a.weakError()[0][j], "J = " + a.testNames()[j]);
            assertTrue(a.weakRate()[j].exponent() < -0.2, "J = " + a.testNames()[j] + ": rate " + a.weakRate()[j].describe());
        }
    }

    /**
     * d = 2 with the |log eps| scaling, torus annihilation, Doi, alpha = 2, Z = N / |log eps| = 200:
     * beta measured at |log eps| = 4 and 8 (N = 800, 1600; 4 seeds) against the finite-|log eps|
     * prediction (PairRate: the two-particle problem at strength alpha / |log eps|, its rate's
     * least-squares slope over the same fit window) and against the limit (2.4),
     * 2 pi D a / (2 pi D + a), a = alpha pi, which the prediction approaches as N grows. Statistical
     * error of each estimate about 4 %; the 12 % tolerance is 3 sigma (false-failure odds about 0.5 %
     * for the two). Measured (2026-12-07): 5.681 against the prediction 5.373 (the limit 4.189) at
     * |log eps| = 4, and 4.982 against 4.719 at 8. The prediction explains about 80 % of the excess
     * over (2.4). Seed sweeps (docs/theory.md) put the residual at +2.7 +- 0.6 % pooled over
     * |log eps| = 4, 6 and 8, unchanged by dt (0.01 eps^2) and by halving the density: likely a
     * three-particle effect the pair problem leaves out; the 12 % tolerance covers it.
     */
    @Test
    void planarRateFollowsTheFiniteLogEpsPrediction() throws IOException {
        String text = String.join("\n", "[model]", "dim = 2", "mode = \"annihilation\"", "particles = 800", "Z = 200.0",
                "[model.alpha]", "value = 2.0", "[time]", "dt_over_eps2 = 0.05", "t_end = 1e-3", "[theory]", "grid = 8",
                "[study]", "particles = [800, 1600]", "seeds = 4", "observations = 12");
        Study.Result r = study(tmp, text);
        double limit = r.theory().beta11();
        for (long n : new long[] {800, 1600}) {
            double measured = measuredBeta(r, n);
            double expected = expectedBeta(r, text, n);
            System.out.printf("d = 2, N = %d (|log eps| = %.1f): beta measured %.4f, finite-|log eps| prediction %.4f, limit (2.4) %.4f, "
                    + "naive %.4f%n", n, n / 200.0, measured, expected, limit, r.theory().naive11());
            assertEquals(expected, measured, 0.12 * expected, "N = " + n);
        }
        assertTrue(Math.abs(expectedBeta(r, text, 1600) - limit) < Math.abs(expectedBeta(r, text, 800) - limit),
                "the prediction approaches (2.4) as |log eps| grows");
    }

    /**
     * The slope {@link #measuredBeta} would find if 1/h - 1 followed f(0) K1(t) exactly: the
     * least-squares slope of K1 over the same window ({@link PairRate#fittedSlope}).
     */
    static double expectedBeta(Study.Result r, String config, long particles) {
        ModelSpec spec = ConfigReader.read(config, List.of("model.particles=" + particles)).model();
        for (StudyRunData d : r.runs()) {
            if (d.particles() == particles) {
                double last = d.times()[d.times().length - 1];
                double[] window = java.util.Arrays.stream(d.times()).skip(1).filter(t -> t >= 0.25 * last).toArray();
                return PairRate.of(spec, 1, 1).fittedSlope(window);
            }
        }
        throw new IllegalStateException("no run with N = " + particles);
    }
}
