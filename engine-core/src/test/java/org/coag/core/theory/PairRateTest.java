package org.coag.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coag.core.config.ConfigReader;
import org.coag.core.model.ModelSpec;
import org.junit.jupiter.api.Test;

/**
 * The pair rate of a model in the PDE's units: its limits (naive at t = 0, the recipe as t grows
 * in d &gt;= 3, (2.4) as |log eps| grows in d = 2), K1 against a quadrature of k1, and the fitted
 * slope of a straight K1.
 */
class PairRateTest {
    static ModelSpec spec(String model) {
        return ConfigReader.read("[model]\nparticles = 100\n" + model + "\n[time]\nsteps = 1\n", List.of()).model();
    }

    @Test
    void startsNaiveAndRelaxesToTheRecipe() {
        for (String model : new String[] {"eps = 0.001\ndim = 3\n[model.alpha]\nvalue = 2.0",
            "eps = 0.001\ndim = 3\nb = 0.8\n[model.alpha]\nvalue = 6.0",
            "eps = 0.01\ndim = 4\n[model.kernel]\ntype = \"bump\"\n[model.alpha]\nvalue = 3.0",
            "eps = 0.001\ndim = 3\n[model.radii]\ntype = \"power\"\ncoefficient = 1.0\nexponent = 0.5\n[model.alpha]\nvalue = 2.0"}) {
            ModelSpec s = spec(model);
            BetaRecipe recipe = BetaRecipe.of(s);
            PairRate rate = PairRate.of(s, 1, 2);
            assertEquals(recipe.naive(1, 2), rate.rate(0), 1e-12 * recipe.naive(1, 2), model);
            double tau = 1e12;
            double t = tau * s.rangeUnit(1, 2) * s.rangeUnit(1, 2) / (s.diffusion().at(1) + s.diffusion().at(2));
            assertEquals(recipe.at(1, 2), rate.rate(t), 1e-5 * recipe.at(1, 2), model);
        }
    }

    /** K1 against Simpson's rule on k1 (an independent route to the integral and its time scale). */
    @Test
    void integralIsTheQuadratureOfTheRate() {
        ModelSpec s = spec("eps = 0.001\ndim = 3\n[model.alpha]\nvalue = 2.0");
        PairRate rate = PairRate.of(s, 1, 1);
        double a = 1e-6;
        double b = 2e-4;
        int n = 400;
        double h = (b - a) / n;
        double sum = rate.rate(a) + rate.rate(b);
        for (int i = 1; i < n; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * rate.rate(a + i * h);
        }
        double simpson = sum * h / 3;
        double exact = rate.integral(b) - rate.integral(a);
        assertEquals(exact, simpson, 1e-6 * exact, "Simpson's own error at n = 400 is about 2e-7");
    }

    /** A K1 that is exactly linear on the window (long after the transient, d = 3) has the recipe's slope. */
    @Test
    void fittedSlopeOfTheLateRateIsTheRecipe() {
        ModelSpec s = spec("eps = 0.001\ndim = 3\n[model.alpha]\nvalue = 2.0");
        double[] late = {1e3, 1.5e3, 2e3, 2.5e3};
        assertEquals(BetaRecipe.of(s).at(1, 1), PairRate.of(s, 1, 1).fittedSlope(late), 1e-4 * BetaRecipe.of(s).at(1, 1));
    }

    /**
     * d = 2 at a fixed macroscopic time: the finite-|log eps| rate lies above (2.4) and falls to it as
     * |log eps| grows, with an excess of order 1/|log eps| (the pair problem's 1 / log tau, tau =
     * D t / eps^2 ~ eps^-2): (k1 - beta) |log eps| stays between 2 and 6 from |log eps| = 4 to 24.
     */
    @Test
    void planarRateApproachesFormula24() {
        double previous = Double.POSITIVE_INFINITY;
        for (double logEps : new double[] {4, 8, 16, 24}) {
            ModelSpec s = spec("eps = " + Math.exp(-logEps) + "\ndim = 2\n[model.alpha]\nvalue = 2.0");
            double limit = BetaRecipe.of(s).at(1, 1);
            double k = PairRate.of(s, 1, 1).rate(1e-3);
            System.out.printf("d = 2, |log eps| = %4.0f: k1(1e-3) = %.6f, (2.4) = %.6f, excess x |log eps| = %.3f%n", logEps, k, limit,
                    (k - limit) * logEps);
            assertTrue(k < previous && k > limit, "|log eps| = " + logEps);
            assertTrue((k - limit) * logEps > 2 && (k - limit) * logEps < 6, "|log eps| = " + logEps);
            previous = k;
        }
    }
}
