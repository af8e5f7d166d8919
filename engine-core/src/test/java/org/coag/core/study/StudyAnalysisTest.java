package org.coag.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coag.core.config.StudySettings;
import org.junit.jupiter.api.Test;

/** What a study report shows when a value cannot be computed: one seed (no standard error), two N (no fitted exponent). */
class StudyAnalysisTest {
    static final double[] TIMES = {0, 0.5, 1};

    /** The limit: one mass, h = 1, 0.9, 0.8 at the three times; one test function whose integral is h. */
    static StudyTheoryData theory() {
        double[][] totals = {{1}, {0.9}, {0.8}};
        double[][][] tested = {{{1}}, {{0.9}}, {{0.8}}};
        return new StudyTheoryData("key", "ode", TIMES, totals, totals, tested, new String[] {"one"}, new double[] {0},
                new double[][] {{0.8}}, new double[0], new double[0], 1, 1);
    }

    /**
     * A run of N particles with {@code last} survivors at t = 1 (and N, then the mean of both, before),
     * whose test integral is off the limit's by {@code offset} at t &gt; 0.
     */
    static StudyRunData run(long n, long seed, int last, double offset) {
        int[] survivors = {(int) n, (int) (n + last) / 2, last};
        long[][] byMass = new long[3][1];
        double[][][] tested = new double[3][1][1];
        for (int t = 0; t < 3; t++) {
            byMass[t][0] = survivors[t];
            tested[t][0][0] = theory().testIntegrals()[t][0][0] + (t > 0 ? offset : 0);
        }
        double[][][] one = {{{0}}, {{0}}, {{0}}};
        double[][] bins = new double[3][2];
        return new StudyRunData(n, seed, "reference", 1.0 / n, 1e-4, 1.0, "e", "f", 1.0 / n, TIMES, survivors, byMass, tested,
                one, one, 1.0 / n, bins, bins, new double[] {0}, new double[][] {{0.8}}, 0);
    }

    static StudySettings settings() {
        return new StudySettings(new long[] {100, 200}, 1, 3, "reference", 1, 2, 3.0, 0.0, new int[0]);
    }

    @Test
    void oneSeedHasNoStandardErrorAndSaysSo() {
        StudyAnalysis a = StudyAnalysis.of(theory(), List.of(run(100, 1, 80, 0.01), run(200, 1, 160, 0.02)), settings());
        assertTrue(Double.isNaN(a.survivorSe()[0][2]) && Double.isNaN(a.weakErrorSe()[1][0]), "NaN inside, never printed");
        String h = StudyAnalysis.withError(a.survivorFraction()[0][2], a.survivorSe()[0][2], a.seeds()[0], "%.4f");
        assertEquals("0.8000 (one seed: no error)", h);
        String weak = StudyAnalysis.withError(a.weakError()[1][0], a.weakErrorSe()[1][0], a.seeds()[1], "%.3g");
        assertFalse(weak.contains("NaN"), weak);
        assertTrue(weak.contains("one seed"), weak);
    }

    /**
     * Two N whose test integrals are off by 0.01 and 0.02 at t = 0.5 and 1: by the trapezoid rule
     * 0.75 times the offset over [0, 1], so N^1 between them, labelled two-point.
     */
    @Test
    void twoNGiveATwoPointSlopeNotAFit() {
        StudyAnalysis a = StudyAnalysis.of(theory(), List.of(run(100, 1, 80, 0.01), run(200, 1, 160, 0.02)), settings());
        assertEquals(0.0075, a.weakError()[0][0], 1e-12);
        assertEquals(0.015, a.weakError()[1][0], 1e-12);
        PowerLawFit rate = a.weakRate()[0];
        assertFalse(rate.fitted());
        assertEquals(1.0, rate.exponent(), 1e-12);
        assertTrue(rate.describe().contains("two-point"), rate.describe());
    }

    /** Two seeds with h = 0.9 and 0.8: mean 0.85, standard error sqrt((0.05^2 + 0.05^2) / 1 / 2) = 0.05. */
    @Test
    void twoSeedsGiveTheStandardErrorOfTheMean() {
        StudyAnalysis a = StudyAnalysis.of(theory(), List.of(run(100, 1, 90, 0.01), run(100, 2, 80, 0.01)), settings());
        assertEquals(0.85, a.survivorFraction()[0][2], 1e-12);
        assertEquals(0.05, a.survivorSe()[0][2], 1e-12);
        assertEquals("0.8500 +- 0.0500", StudyAnalysis.withError(0.85, 0.05, 2, "%.4f"));
        assertEquals("n/a (one N)", a.weakRate()[0].describe());
    }
}
