package org.coag.core.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.coag.core.backend.ParticleState;
import org.coag.core.model.InitialStates;
import org.coag.core.model.ModelSpec;
import org.junit.jupiter.api.Test;

/**
 * The lattice model against laws derived by hand, never against itself: each test has false-failure
 * odds of about 1e-6 (fixed seeds, so a pass is reproducible; the odds are those of a fresh seed set).
 */
class LatticeExactLawsTest {
    private static final int RUNS = 20_000;

    private static String singleSite(int walkers, double alpha, double jumpRate, double dt) {
        return """
                [model]
                space = "lattice"
                dim = 1
                mode = "coagulation"
                particles = %d
                [model.lattice]
                side = 1
                start = "one_site"
                [model.alpha]
                value = %s
                [model.diffusion]
                value = %s
                [time]
                dt = %s
                steps = 1000
                """.formatted(walkers, alpha, jumpRate, dt);
    }

    /**
     * Two walkers on the single site of T_1^1 (every jump lands where it started) coalesce after an
     * Exp(alpha) time. Kolmogorov-Smirnov: P(sqrt(n) D_n > 2.70) ~ 2 exp(-2 x 2.70^2) = 1.0e-6. The
     * step dt = 0.15 / alpha is short, so most pairs cross several step boundaries, where every clock
     * is redrawn: the test also checks that the redraw keeps the law.
     */
    @Test
    void twoWalkersOnOneSiteCoalesceAfterAnExponentialTime() {
        double alpha = 2.0;
        ModelSpec spec = LatticeRuns.spec(singleSite(2, alpha, 0.7, 0.15 / alpha));
        double[] t = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            ParticleState start = InitialStates.generate(spec, i + 1);
            List<Double> times = LatticeRuns.coalescenceTimes(spec, i + 1, start, 1, 1000);
            assertEquals(1, times.size(), "seed " + (i + 1));
            t[i] = times.get(0);
        }
        Arrays.sort(t);
        double d = 0;
        for (int i = 0; i < RUNS; i++) {
            double cdf = 1 - Math.exp(-alpha * t[i]);
            d = Math.max(d, Math.max((i + 1.0) / RUNS - cdf, cdf - (double) i / RUNS));
        }
        assertTrue(Math.sqrt(RUNS) * d < 2.70, "KS statistic sqrt(n) D = " + Math.sqrt(RUNS) * d);
    }

    /**
     * n walkers on one site are Kingman's coalescent with pair rate alpha: with k walkers left each
     * of the k(k-1)/2 pairs fires at rate alpha, so the wait for the next coalescence is
     * Exp(alpha k(k-1)/2), independent of the past, and each coalescence removes one walker. The time
     * to one walker is the sum over k = n..2 of those waits:
     * E = sum_k 2 / (alpha k (k-1)) = (2/alpha) sum_k (1/(k-1) - 1/k) = 2 (1 - 1/n) / alpha,
     * Var = sum_k (2 / (alpha k (k-1)))^2. The mean of RUNS runs is tested with |z| &lt; 4.892
     * (two-sided 1e-6), z from the exact variance. Masses grow (coagulation), so the test also runs
     * the survivor's redrawn clocks.
     */
    @Test
    void walkersOnOneSiteFollowKingmansCoalescent() {
        int n = 8;
        double alpha = 1.5;
        ModelSpec spec = LatticeRuns.spec(singleSite(n, alpha, 0.3, 0.4));
        double mean = 2 * (1 - 1.0 / n) / alpha;
        double variance = 0;
        for (int k = 2; k <= n; k++) {
            variance += Math.pow(2 / (alpha * k * (k - 1)), 2);
        }
        double sum = 0;
        for (int i = 0; i < RUNS; i++) {
            ParticleState start = InitialStates.generate(spec, 1000 + i);
            List<Double> times = LatticeRuns.coalescenceTimes(spec, 1000 + i, start, 1, 1000);
            assertEquals(n - 1, times.size());
            sum += times.get(n - 2);
        }
        double z = (sum / RUNS - mean) / Math.sqrt(variance / RUNS);
        assertTrue(Math.abs(z) < LatticeRuns.Z_1E6, "mean time to one walker " + sum / RUNS + " against " + mean + ", z = " + z);
    }

    /**
     * A lone walker of mass 4 with d(n) = 8 / n jumps at total rate r = 2: after N ~ Poisson(r t)
     * jumps, each a unit step along one of d axes, E |X|^2 = E N = r t and E x_k^2 = r t / d per axis
     * (each jump adds 1 to |X|^2 on average, the cross term averaging to 0). On T_{2^20}^3 nothing
     * wraps in t = 5. Sample means against r t and r t / d, |z| &lt; 4.892 each (z from the sample
     * variance; 4 tests, so about 4e-6 in all).
     */
    @Test
    void aLoneWalkersDisplacementVarianceIsTheJumpRateTimesTime() {
        String toml = """
                [model]
                space = "lattice"
                dim = 3
                particles = 1
                [model.lattice]
                side = 1048576
                start = "one_site"
                [model.diffusion]
                type = "power"
                coefficient = 8.0
                exponent = -1.0
                [initial.mass]
                value = 4
                [time]
                dt = 0.5
                steps = 10
                """;
        ModelSpec spec = LatticeRuns.spec(toml);
        double rt = 2.0 * 5.0;
        long centre = 1048576 / 2;
        double[] total = new double[RUNS];
        double[][] axis = new double[3][RUNS];
        for (int i = 0; i < RUNS; i++) {
            ParticleState end = LatticeRuns.after(spec, 7 + i, InitialStates.generate(spec, 7 + i), 10);
            for (int k = 0; k < 3; k++) {
                double x = end.positions()[k][0] - centre;
                axis[k][i] = x * x;
                total[i] += x * x;
            }
        }
        double z = LatticeRuns.zScore(total, rt);
        assertTrue(Math.abs(z) < LatticeRuns.Z_1E6, "E|X|^2 against r t = " + rt + ": z = " + z);
        for (int k = 0; k < 3; k++) {
            double zk = LatticeRuns.zScore(axis[k], rt / 3);
            assertTrue(Math.abs(zk) < LatticeRuns.Z_1E6, "axis " + k + ": z = " + zk);
        }
    }

    /**
     * Two walkers on T_3^2, jump rate r each, coalescing on arrival. Their difference D performs a
     * walk on Z_3^2 that moves to each of its 4 neighbours at rate r/2 (total 2r, mean 1/(2r) per
     * move) until D = 0. By symmetry the eight other states form two classes: axis {(+-1,0),(0,+-1)}
     * and diagonal {(+-1,+-1)}. From an axis state the 4 neighbours are 0, one axis state (1 -> 2 =
     * -1 mod 3) and two diagonal ones; from a diagonal state two axis and two diagonal ones. With a,
     * g the mean meeting times:
     * <pre>
     *   a = 1/(2r) + a/4 + g/2
     *   g = 1/(2r) + a/2 + g/2
     * </pre>
     * The second gives g = 1/r + a; then a/4 = 1/r: a = 4/r, g = 5/r. On T_4^1 the difference moves
     * +-1 at rate r each, m(d) = d (L - d) / (2r), so m(2) = 2/r. Sample means, |z| &lt; 4.892.
     */
    @Test
    void meetingTimesOnTinyToriMatchTheLinearSystem() {
        double r = 1.25;
        checkMeeting(torus(2, 3, r), new long[][] {{0, 0}, {1, 1}}, 5 / r);
        checkMeeting(torus(2, 3, r), new long[][] {{2, 0}, {0, 0}}, 4 / r);
        checkMeeting(torus(1, 4, r), new long[][] {{3}, {1}}, 2 / r);
    }

    private static ModelSpec torus(int dim, int side, double r) {
        return LatticeRuns.spec("""
                [model]
                space = "lattice"
                dim = %d
                mode = "annihilation"
                [model.lattice]
                side = %d
                coalescence = "instantaneous"
                [model.diffusion]
                value = %s
                [time]
                dt = 0.5
                steps = 1
                """.formatted(dim, side, r));
    }

    private static void checkMeeting(ModelSpec spec, long[][] sites, double expected) {
        ParticleState start = LatticeRuns.walkers(spec.dim(), sites);
        double[] t = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            List<Double> times = LatticeRuns.coalescenceTimes(spec, 50_000 + i, start, 0, 100_000);
            assertEquals(1, times.size());
            t[i] = times.get(0);
        }
        double z = LatticeRuns.zScore(t, expected);
        assertTrue(Math.abs(z) < LatticeRuns.Z_1E6, "mean meeting time " + LatticeRuns.meanAndVariance(t)[0] + " against " + expected
                + " from " + Arrays.deepToString(sites) + ": z = " + z);
    }
}
