package org.coag.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;
import org.junit.jupiter.api.Test;

/** The finite-N prediction beside the limit: each N at its own eps. */
class StudyPredictionTest {
    static final double[] TIMES = {0, 0.001, 0.002, 0.003, 0.004, 0.005};
    static final long[] NS = {1000, 4000, 16000};

    /** P_{N,b}, b = 0.8, d = 3, Doi kernel, alpha = 6, d(n) = 1 (D = 2), Z = 5: eps = 5 / N. */
    static RunConfig config(String mode, String b) {
        return ConfigReader.read(String.join("\n", "[model]", "dim = 3", "mode = \"" + mode + "\"", "particles = 1000", "b = " + b,
                "Z = 5.0", "[model.alpha]", "value = 6.0", "[time]", "dt_over_eps2 = 0.3", "t_end = 0.005", "[theory]", "masses = 8",
                "grid = 8"), List.of());
    }

    /** Runs whose 1/h - 1 is f(0) c t, as nearly as whole survivors allow. */
    static List<StudyRunData> runs(double c, double f0, long... ns) {
        List<StudyRunData> runs = new ArrayList<>();
        for (long n : ns) {
            int[] survivors = new int[TIMES.length];
            for (int t = 0; t < TIMES.length; t++) {
                survivors[t] = (int) Math.round(n / (1 + f0 * c * TIMES[t]));
            }
            for (long seed = 1; seed <= 2; seed++) {
                runs.add(new StudyRunData(n, seed, "cpu", 5.0 / n, 1e-6, 1, "e", "f", 1, TIMES, survivors, new long[0][], new double[0][][],
                        new double[0][][], new double[0][][], 1, new double[0][], new double[0][], new double[0], new double[0][], 0));
            }
        }
        return runs;
    }

    /**
     * At eps the pair problem in units of the range eps^0.8 has strength lambda = alpha eps^0.2, so
     * beta = (alpha / lambda) D 4 pi (1 - tanh k / k), k = sqrt(lambda / D) (the Doi closed form):
     * below the naive alpha 4 pi / 3 = 25.13 (the limit), approaching it as N grows.
     */
    @Test
    void belowOneEachNHasItsOwnBetaAndTheTransientCurve() {
        RunConfig cfg = config("annihilation", "0.8");
        double f0 = cfg.model().initialDensity();
        StudyPrediction p = StudyPrediction.of(cfg, TIMES, runs(20.0, f0, NS));
        double naive = 6.0 * 4 * Math.PI / 3;
        assertEquals(naive, p.betaLimit(), 1e-9);
        for (int i = 0; i < NS.length; i++) {
            double eps = 5.0 / NS[i];
            double lambda = 6.0 * Math.pow(eps, 0.2);
            double k = Math.sqrt(lambda / 2);
            double expected = 6.0 / lambda * 2 * 4 * Math.PI * (1 - Math.tanh(k) / k);
            assertEquals(eps, p.eps()[i], 1e-15);
            assertEquals(expected, p.betaAtEps()[i], 1e-9 * expected, "N = " + NS[i]);
            assertTrue(p.betaInWindow()[i] > p.betaAtEps()[i] && p.betaInWindow()[i] < naive, "the transient lies between");
            assertEquals(20.0, p.betaMeasured()[i], 0.01 * 20.0, "N = " + NS[i]);
            for (int t = 1; t < TIMES.length; t++) {
                double h = p.survivorFraction()[i][t];
                assertTrue(h > 1 / (1 + f0 * naive * TIMES[t]) && h < 1 / (1 + f0 * p.betaAtEps()[i] * TIMES[t]),
                        "K1 lies between beta t and naive t");
            }
        }
        assertTrue(p.betaAtEps()[0] < p.betaAtEps()[1] && p.betaAtEps()[1] < p.betaAtEps()[2], "towards the limit as eps -> 0");
        double[] limit = new double[TIMES.length];
        for (int t = 0; t < TIMES.length; t++) {
            limit[t] = 1 / (1 + f0 * naive * TIMES[t]);
        }
        assertTrue(p.largestDeparture(limit) > 0.01, "far enough from the limit to be drawn");
    }

    /** Coagulation with b = 0.8: the ODE at each N's eps, nearer the naive limit the larger N. */
    @Test
    void belowOneCoagulationSolvesTheOdeAtEachEps() {
        RunConfig cfg = config("coagulation", "0.8");
        StudyPrediction p = StudyPrediction.of(cfg, TIMES, runs(20.0, cfg.model().initialDensity(), NS));
        double[] far = StudyPrediction.of(cfg, TIMES, runs(20.0, 1, 1_000_000_000)).survivorFraction()[0];
        int last = TIMES.length - 1;
        assertTrue(p.survivorFraction()[0][last] > p.survivorFraction()[1][last] && p.survivorFraction()[1][last] > p.survivorFraction()[2][last],
                "a larger beta at a larger N: fewer survivors");
        assertTrue(p.survivorFraction()[2][last] > far[last], "all above the curve nearest the limit");
    }

    @Test
    void atBOneBetaDoesNotDependOnEpsAndNoCurveIsDrawnForCoagulation() {
        StudyPrediction p = StudyPrediction.of(config("coagulation", "1.0"), TIMES, runs(20.0, 5, NS));
        for (int i = 0; i < NS.length; i++) {
            assertEquals(p.betaLimit(), p.betaAtEps()[i], 1e-12);
            assertTrue(Double.isNaN(p.betaMeasured()[i]), "no beta fit for coagulation");
        }
        assertNull(p.survivorFraction());
        assertTrue(p.curve().startsWith("none apart from the limit"), p.curve());
    }
}
