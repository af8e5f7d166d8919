package org.coag.core.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coag.core.backend.ParticleState;
import org.coag.core.model.ModelSpec;
import org.junit.jupiter.api.Test;

/**
 * The reflecting wall and the pair clocks of walkers that part and meet again, against laws derived
 * by hand; false-failure odds about 1e-6 per check (|z| &lt; 4.892).
 */
class LatticeBoundaryLawsTest {
    private static final int RUNS = 20_000;

    private static ModelSpec line(int side, String boundary, String coalescence, double alpha, double r, double dt) {
        return LatticeRuns.spec("""
                [model]
                space = "lattice"
                dim = 1
                mode = "annihilation"
                [model.lattice]
                side = %d
                boundary = "%s"
                coalescence = "%s"
                %s
                [model.diffusion]
                value = %s
                [time]
                dt = %s
                steps = 1
                """.formatted(side, boundary, coalescence, coalescence.equals("rate") ? "[model.alpha]\nvalue = " + alpha : "", r, dt));
    }

    /**
     * A walker in the reflecting box {0, 1} jumps at rate r; half its jumps point out of the box and
     * are suppressed, so its site flips at rate r/2 and P(X_t = X_0) = (1 + exp(-r t)) / 2. At r t = 1
     * that is 0.68394; the fraction of RUNS walkers back at 0 is tested with the binomial variance.
     */
    @Test
    void aReflectingWallSuppressesHalfTheJumpsOfATwoSiteBox() {
        double r = 2.0;
        ModelSpec spec = line(2, "reflecting", "rate", 1.0, r, 0.125);
        ParticleState start = LatticeRuns.walkers(1, new long[][] {{0}});
        int home = 0;
        for (int i = 0; i < RUNS; i++) {
            ParticleState end = LatticeRuns.after(spec, 900 + i, start, 4);
            assertEquals(1, end.count());
            long x = end.positions()[0][0];
            assertTrue(x == 0 || x == 1, "stays in the box: " + x);
            home += x == 0 ? 1 : 0;
        }
        double p = (1 + Math.exp(-r * 0.5)) / 2;
        double z = (home / (double) RUNS - p) / Math.sqrt(p * (1 - p) / RUNS);
        assertTrue(Math.abs(z) < LatticeRuns.Z_1E6, "P(X = 0) " + home / (double) RUNS + " against " + p + ": z = " + z);
    }

    /**
     * Two walkers on T_2^1, each jumping at rate r (every jump goes to the other site), coalescing at
     * rate alpha when together. Together (S), the pair leaves at rate 2r or coalesces at rate alpha;
     * apart (D), it meets at rate 2r. Mean times to coalescence:
     * <pre>
     *   m_S = 1/(alpha + 2r) + 2r/(alpha + 2r) m_D,   m_D = 1/(2r) + m_S
     * </pre>
     * so m_S alpha / (alpha + 2r) = 2 / (alpha + 2r): m_S = 2 / alpha and m_D = 1/(2r) + 2/alpha.
     * Pairs part and meet many times at alpha = 0.5, r = 1, which checks that a parted pair's clock
     * dies and a new one is drawn (from the pair's own counter) when it meets again.
     */
    @Test
    void pairsThatPartAndMeetAgainDrawFreshClocks() {
        double alpha = 0.5;
        double r = 1.0;
        ModelSpec spec = line(2, "torus", "rate", alpha, r, 0.7);
        check(spec, new long[][] {{1}, {1}}, 2 / alpha);
        check(spec, new long[][] {{0}, {1}}, 1 / (2 * r) + 2 / alpha);
    }

    private static void check(ModelSpec spec, long[][] sites, double expected) {
        ParticleState start = LatticeRuns.walkers(1, sites);
        double[] t = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            List<Double> times = LatticeRuns.coalescenceTimes(spec, 70_000 + i, start, 0, 1_000_000);
            assertEquals(1, times.size());
            t[i] = times.get(0);
        }
        double z = LatticeRuns.zScore(t, expected);
        assertTrue(Math.abs(z) < LatticeRuns.Z_1E6, "mean " + LatticeRuns.meanAndVariance(t)[0] + " against " + expected + ": z = " + z);
    }
}
