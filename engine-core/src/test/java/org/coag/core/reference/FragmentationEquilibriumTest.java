package org.coag.core.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.config.ConfigReader;
import org.coag.core.model.InitialStates;
import org.coag.core.model.ModelSpec;
import org.coag.core.observe.PairCorrelation;
import org.coag.core.theory.fragmentation.CanonicalSpectrum;
import org.coag.core.theory.fragmentation.DualFragmentation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The physics of the dual rule: from a monodisperse start the mass spectrum relaxes to the exact
 * equilibrium of the finite system, the product Poisson measure (means |L| c_k) conditioned on the
 * total mass ({@link CanonicalSpectrum}). d = 3 unit torus, N = 1000, volume fraction 0.1, Doi
 * kernel, alpha = 1, dt = 0.01 eps^2 (the pair rule's rate * dt = 0.01, so the discrete step's
 * deviation from detailed balance is about 0.5 %), f*_k = rho / 2 (about 500 theta^k particles of
 * mass k, theta near 1/2).
 *
 * <p>Each of 8 seeds averages the counts of masses 1..4 over steps 5000, 6000, ..., 13000 (the
 * spectrum is within noise of equilibrium by step 4000); the mean over seeds is compared with the
 * exact expectation, in units of its standard error from the seed-to-seed spread (Student t with
 * 7 degrees of freedom). The test fails if |t| &gt; 6 for any mass: false-failure odds
 * 4 * P(|t_7| &gt; 6) = 4 * 5.4e-4, about 0.2 %. For contrast the same spectrum is compared with
 * the equilibrium a wrong beta would give (f*_k theta^k with f*_k halved for k &gt;= 2, i.e. the
 * split rates doubled): it must be rejected.
 *
 * <p>At the same samples the pair correlation of all particles at distances 0..3 eps (6 bins,
 * {@link PairCorrelation}) must be 1: at equilibrium the particles are Poisson, with no depletion
 * inside the range. Pair counts in a shell of snapshots 1000 steps apart (rms relative displacement
 * 6 eps) are close to independent Poisson counts, so each bin's z = (count - expected) /
 * sqrt(expected) must stay below 5 (false-failure odds 6 * 5.7e-7). For contrast, the same system
 * without fragmentation (12 seeds, 10 snapshots 200 steps apart after 2000 steps, t = 20 to 40
 * eps^2) shows the microscopic repulsion: inside the range (y &lt; 1) its pair correlation is below 1
 * by more than 3 standard errors (4 seeds gave z = -3.5, so 12 give about -6: missing it has odds
 * about 0.1 %) and within 5 of the quasi-steady prediction, 1 - u averaged over the ball, which is
 * beta / naive beta = 0.83.
 */
@Tag("validation")
class FragmentationEquilibriumTest {
    private static final int SEEDS = 8;
    private static final int BURN_IN = 5000;
    private static final int EVERY = 1000;
    private static final int STEPS = 13000;
    private static final int MASSES = 4;
    private static final double T_LIMIT = 6;
    private static final int BINS = 6;
    private static final double Y_MAX = 3;
    private static final double Z_LIMIT = 5;
    private static final int CONTRAST_SEEDS = 12;
    private static final double CONTRAST_Z = 3;

    @Test
    void massSpectrumRelaxesToTheConditionedPoissonEquilibrium() {
        String text = """
                [model]
                dim = 3
                particles = 1000
                volume_fraction = 0.1
                [time]
                dt_over_eps2 = 0.01
                steps = 13000
                """;
        double rho = ConfigReader.read(text, List.of()).model().initialDensity();
        ModelSpec spec = ConfigReader.read(text + "[model.fragmentation]\nrule = \"dual\"\nequilibrium = { value = " + rho / 2 + " }\n",
                List.of()).model();
        DualFragmentation dual = new DualFragmentation(spec, spec.fragmentation().equilibrium());
        double volume = spec.domain().volume(spec.dim());
        double[] expected = CanonicalSpectrum.meanCounts(k -> volume * dual.intensity(k), spec.particles(), MASSES);
        double[] wrong = CanonicalSpectrum.meanCounts(k -> volume * dual.intensity(k) * (k >= 2 ? 0.5 : 1), spec.particles(), MASSES);

        double[][] perSeed = new double[SEEDS][MASSES];
        PairCorrelation pairs = new PairCorrelation(new double[BINS], new double[BINS]);
        for (int seed = 0; seed < SEEDS; seed++) {
            ParticleState init = InitialStates.generate(spec, 100 + seed);
            ParticleState state = new ParticleState(spec.dim(), 1);
            try (Simulation sim = new ReferenceBackend().create(spec, 100 + seed, init, 0)) {
                int samples = 0;
                sim.advance(BURN_IN, (s, kind, lo, hi, ml, mh, sv) -> { });
                for (long step = BURN_IN; step <= STEPS; step += EVERY) {
                    if (step > BURN_IN) {
                        sim.advance(EVERY, (s, kind, lo, hi, ml, mh, sv) -> { });
                    }
                    sim.readState(state);
                    pairs = pairs.plus(PairCorrelation.measure(spec, state, BINS, Y_MAX));
                    for (int i = 0; i < state.count(); i++) {
                        int m = state.masses()[i];
                        if (m <= MASSES) {
                            perSeed[seed][m - 1]++;
                        }
                    }
                    samples++;
                }
                for (int k = 0; k < MASSES; k++) {
                    perSeed[seed][k] /= samples;
                }
            }
        }
        boolean wrongRejected = false;
        for (int k = 0; k < MASSES; k++) {
            double mean = 0;
            for (double[] s : perSeed) {
                mean += s[k] / SEEDS;
            }
            double var = 0;
            for (double[] s : perSeed) {
                var += (s[k] - mean) * (s[k] - mean) / (SEEDS - 1);
            }
            double se = Math.sqrt(var / SEEDS);
            double t = (mean - expected[k]) / se;
            double tWrong = (mean - wrong[k]) / se;
            System.out.printf("mass %d: measured %.2f +- %.2f, equilibrium %.2f (t = %+.2f, relative %+.2f %%); wrong beta %.2f (t = %+.1f)%n",
                    k + 1, mean, se, expected[k], t, 100 * (mean / expected[k] - 1), wrong[k], tWrong);
            assertTrue(Math.abs(t) < T_LIMIT, "mass " + (k + 1) + ": " + mean + " +- " + se + " against " + expected[k]);
            wrongRejected |= Math.abs(tWrong) > T_LIMIT;
        }
        assertTrue(wrongRejected, "the test cannot tell a wrong equilibrium from the right one");
        double[] g = pairs.ratio();
        for (int b = 0; b < BINS; b++) {
            double z = (pairs.counts()[b] - pairs.expected()[b]) / Math.sqrt(pairs.expected()[b]);
            System.out.printf("equilibrium g(y in [%.1f, %.1f)) = %.4f +- %.4f (z = %+.2f, %.0f pairs)%n", b * Y_MAX / BINS,
                    (b + 1) * Y_MAX / BINS, g[b], g[b] / Math.sqrt(pairs.counts()[b]), z, pairs.counts()[b]);
            assertTrue(Math.abs(z) < Z_LIMIT, "pair correlation bin " + b + ": " + g[b]);
        }
        ModelSpec pure = ConfigReader.read(text, List.of()).model();
        PairCorrelation coag = new PairCorrelation(new double[BINS], new double[BINS]);
        for (int seed = 0; seed < CONTRAST_SEEDS; seed++) {
            ParticleState state = new ParticleState(pure.dim(), 1);
            try (Simulation sim = new ReferenceBackend().create(pure, 200 + seed, InitialStates.generate(pure, 200 + seed), 0)) {
                sim.advance(2000, (s, kind, lo, hi, ml, mh, sv) -> { });
                for (int k = 0; k < 10; k++) {
                    sim.advance(200, (s, kind, lo, hi, ml, mh, sv) -> { });
                    sim.readState(state);
                    coag = coag.plus(PairCorrelation.measure(pure, state, BINS, Y_MAX));
                }
            }
        }
        double[] gc = coag.ratio();
        for (int b = 0; b < BINS; b++) {
            System.out.printf("pure coagulation g(y in [%.1f, %.1f)) = %.4f +- %.4f%n", b * Y_MAX / BINS, (b + 1) * Y_MAX / BINS, gc[b],
                    gc[b] / Math.sqrt(coag.counts()[b]));
        }
        double inside = coag.counts()[0] + coag.counts()[1];
        double poisson = coag.expected()[0] + coag.expected()[1];
        double zc = (inside - poisson) / Math.sqrt(poisson);
        double predicted = org.coag.core.theory.BetaRecipe.of(pure).at(1, 1) / org.coag.core.theory.BetaRecipe.of(pure).naive(1, 1);
        System.out.printf("pure coagulation inside the range: g = %.3f +- %.3f (z = %.1f); quasi-steady 1 - u averaged over the ball = "
                + "beta / naive = %.3f%n", inside / poisson, Math.sqrt(inside) / poisson, zc, predicted);
        assertTrue(zc < -CONTRAST_Z, "pure coagulation shows no depletion inside the range: g = " + inside / poisson + ", z = " + zc);
        double zPredicted = (inside - predicted * poisson) / Math.sqrt(inside);
        assertTrue(Math.abs(zPredicted) < Z_LIMIT, "pure coagulation inside the range: g = " + inside / poisson + " against "
                + predicted + " (z = " + zPredicted + ")");
    }
}
