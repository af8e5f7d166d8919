package org.coag.core.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.config.ConfigReader;
import org.coag.core.model.InitialStates;
import org.coag.core.model.ModelSpec;
import org.coag.core.observe.DensityModes;
import org.coag.core.observe.ModeAutocorrelation;
import org.coag.core.theory.fragmentation.CoagFragEquilibrium;
import org.coag.core.theory.fragmentation.DensityModeCorrelation;
import org.coag.core.theory.fragmentation.DualFragmentation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The time autocorrelation of the mass-1 density mode at the dual-fragmentation equilibrium against
 * the linearised (Ornstein-Uhlenbeck) prediction of {@link DensityModeCorrelation}. The system of
 * {@link FragmentationEquilibriumTest}: d = 3 unit torus, N = 1000, volume fraction 0.1, Doi kernel,
 * alpha = 1, d(n) = 1, dt = 0.01 eps^2, f*_n = rho / 2 (about 250 particles of mass 1).
 *
 * <p>Each seed burns in for {@value #BURN_IN} steps (the spectrum is at equilibrium by step 4000),
 * then records rho_1(k) for k = 2 pi e_a, a = x, y, z, every {@value #EVERY} steps for
 * {@value #RECORD} steps. The 3 x {@value #SEEDS} series are pooled ({@link ModeAutocorrelation},
 * {@value #BLOCKS} jackknife blocks in time). Two limits are exact (docs/fragmentation.md):
 * <ul>
 *   <li>at lags short against the pair relaxation time eps^2 / D, the decay follows the rates of the
 *       microscopic events themselves, the naive pairing: at one observation ({@value #EVERY} steps,
 *       0.1 eps^2) the measurement must lie within {@value #Z_LIMIT} errors of it;</li>
 *   <li>at lags long against eps^2 / D, the quasi-steady pairing (the recipe's beta): at the lags
 *       where its prediction is near 0.75, 0.5 and 0.25 (about 3, 7 and 13 eps^2) the measurement
 *       must lie within {@value #Z_LIMIT} errors of it. The crossover leaves the measurement about
 *       1.5 % of C below it at 5 eps^2 (8 seeds of examples/fragmentation-modes.toml), about 1 error
 *       here.</li>
 * </ul>
 * False-failure odds about 4 * 6e-5 for Gaussian errors; the jackknife error itself is uncertain
 * by about 1 / sqrt(2 (blocks - 1)), 24 %. For contrast, pure diffusion exp(-d(1) |k|^2 tau), the
 * decay without the reactions, must be rejected at some lag.
 */
@Tag("validation")
class DensityModeAutocorrelationTest {
    private static final int SEEDS = 4;
    private static final int BURN_IN = 5000;
    private static final int EVERY = 10;
    private static final int RECORD = 60000;
    private static final int BLOCKS = 10;
    private static final double Z_LIMIT = 4;
    private static final double[] LEVELS = {0.75, 0.5, 0.25};
    private static final int MAX_MASS = 40;

    @Test
    void massOneModeDecaysAsTheLinearisedEquilibriumDynamics() {
        String text = """
                [model]
                dim = 3
                particles = 1000
                volume_fraction = 0.1
                [time]
                dt_over_eps2 = 0.01
                steps = 65000
                """;
        double rho = ConfigReader.read(text, List.of()).model().initialDensity();
        ModelSpec spec = ConfigReader.read(text + "[model.fragmentation]\nrule = \"dual\"\nequilibrium = { value = " + rho / 2 + " }\n",
                List.of()).model();
        double k2 = 4 * Math.PI * Math.PI;
        DensityModeCorrelation theory = DensityModeCorrelation.forModel(spec, spec.fragmentation().equilibrium(), rho, MAX_MASS, k2,
                DensityModeCorrelation.Pairing.QUASI_STEADY);
        DensityModeCorrelation naive = DensityModeCorrelation.forModel(spec, spec.fragmentation().equilibrium(), rho, MAX_MASS, k2,
                DensityModeCorrelation.Pairing.NAIVE);
        double d1 = spec.diffusion().at(1);
        double dtObs = EVERY * spec.dt();

        int samples = RECORD / EVERY + 1;
        double[][] re = new double[3 * SEEDS][samples];
        double[][] im = new double[3 * SEEDS][samples];
        double count = 0;
        ParticleState state = new ParticleState(spec.dim(), 1);
        for (int seed = 0; seed < SEEDS; seed++) {
            try (Simulation sim = new ReferenceBackend().create(spec, 300 + seed, InitialStates.generate(spec, 300 + seed), 0)) {
                sim.advance(BURN_IN, (s, kind, lo, hi, ml, mh, sv) -> { });
                for (int i = 0; i < samples; i++) {
                    if (i > 0) {
                        sim.advance(EVERY, (s, kind, lo, hi, ml, mh, sv) -> { });
                    }
                    sim.readState(state);
                    double[] m = DensityModes.measure(state, 1, 3);
                    for (int a = 0; a < 3; a++) {
                        re[3 * seed + a][i] = m[2 * a];
                        im[3 * seed + a][i] = m[2 * a + 1];
                    }
                    for (int p = 0; p < state.count(); p++) {
                        count += state.masses()[p] == 1 ? 1 : 0;
                    }
                }
            }
        }
        double power = 0;
        for (int j = 0; j < re.length; j++) {
            for (int i = 0; i < samples; i++) {
                power += re[j][i] * re[j][i] + im[j][i] * im[j][i];
            }
        }
        System.out.printf("mean N_1 %.2f (equilibrium %.2f), mean |rho_1|^2 %.2f (Poisson: N_1)%n", count / (SEEDS * samples),
                equilibriumCount(spec, rho), power / re.length / samples);

        int maxLag = 0;
        while (theory.autocorrelation(1, maxLag * dtObs) > 0.2) {
            maxLag++;
        }
        ModeAutocorrelation c = ModeAutocorrelation.of(re, im, maxLag, BLOCKS);
        boolean diffusionRejected = false;
        for (int l = 1; l <= maxLag; l++) {
            if (l > 2 && l % 5 != 0) {
                continue;
            }
            double tau = l * dtObs;
            double predicted = theory.autocorrelation(1, tau);
            double pure = Math.exp(-d1 * k2 * tau);
            System.out.printf("tau %.5f (%5d steps): measured %.4f +- %.4f, quasi-steady %.4f (z %+.2f), naive %.4f (z %+.2f), diffusion only %.4f (z %+.1f)%n",
                    tau, l * EVERY, c.values()[l], c.errors()[l], predicted, (c.values()[l] - predicted) / c.errors()[l],
                    naive.autocorrelation(1, tau), (c.values()[l] - naive.autocorrelation(1, tau)) / c.errors()[l], pure,
                    (c.values()[l] - pure) / c.errors()[l]);
            diffusionRejected |= Math.abs(c.values()[l] - pure) > Z_LIMIT * c.errors()[l];
        }
        double zShort = (c.values()[1] - naive.autocorrelation(1, dtObs)) / c.errors()[1];
        assertTrue(Math.abs(zShort) < Z_LIMIT, "lag " + EVERY + " steps: measured " + c.values()[1] + " +- " + c.errors()[1]
                + " against the naive " + naive.autocorrelation(1, dtObs));
        for (double level : LEVELS) {
            int l = 1;
            while (theory.autocorrelation(1, l * dtObs) > level) {
                l++;
            }
            double predicted = theory.autocorrelation(1, l * dtObs);
            double z = (c.values()[l] - predicted) / c.errors()[l];
            assertTrue(Math.abs(z) < Z_LIMIT, "lag " + l * EVERY + " steps: measured " + c.values()[l] + " +- " + c.errors()[l]
                    + " against " + predicted);
        }
        assertTrue(diffusionRejected, "the test cannot tell the reactions' contribution from pure diffusion");
    }

    /** @return |L| f_1 / sigma, the grand-canonical mean number of mass-1 particles */
    private static double equilibriumCount(ModelSpec spec, double rho) {
        double f1 = CoagFragEquilibrium.ofFamily(spec.fragmentation().equilibrium()::at, MAX_MASS, rho)[0];
        return spec.domain().volume(spec.dim()) * f1 / new DualFragmentation(spec, spec.fragmentation().equilibrium()).densityScale();
    }
}
