package org.coag.core.theory.fragmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coag.core.config.ConfigReader;
import org.coag.core.model.MassFunction;
import org.coag.core.model.ModelSpec;
import org.coag.core.rng.CounterRng;
import org.coag.core.rng.FdLibm;
import org.coag.core.rng.Purpose;
import org.coag.core.step.CollisionRule;
import org.coag.core.step.PairConstants;
import org.coag.core.theory.BetaRecipe;
import org.junit.jupiter.api.Test;

/**
 * Detailed balance of the dual fragmentation rule without simulation: for a grid of models, mass
 * pairs and distances, the flux of a coagulation (mass n at x, mass m at x + z, into n + m at x)
 * under the product Poisson measure with intensities c_n, computed from the engine's own pair rule
 * ({@link CollisionRule#fire}, {@link CollisionRule#lowerSurvives}, {@link PairConstants}), equals
 * the flux of the reverse split computed from {@link DualFragmentation}.
 */
class DetailedBalanceTest {
    private static final double TOLERANCE = 1e-12;

    static ModelSpec spec(String model, double eps) {
        return ConfigReader.read("[model]\nparticles = 1000\neps = " + eps + "\n" + model + "\n[time]\nsteps = 1\n", List.of()).model();
    }

    static final String[] MODELS = {
        "dim = 2",
        "dim = 3",
        "dim = 4",
        "dim = 3\nkernel = { type = \"bump\" }\nalpha = { type = \"constant\", value = 7.5 }",
        "dim = 3\nradii = { type = \"power\", coefficient = 0.5, exponent = 0.3333333333333333 }\ndiffusion = { type = \"power\", coefficient = 1, exponent = -0.5 }",
        "dim = 2\nb = 0.5\nkernel = { type = \"bump\" }",
        "dim = 4\nb = 0.75\nradii = { type = \"power\", coefficient = 0.5, exponent = 0.25 }",
    };

    /** A shape f*_n with no theta^n structure, so that the ratios c_n c_m / c_(n+m) differ by pair. */
    static final MassFunction SHAPE = MassFunction.table("test shape", new double[] {0.4, 0.13, 0.09, 0.05, 0.031, 0.02, 0.017, 0.011});

    /** Measure of the set of u in [0, 1) on which the lower id survives, by bisection on the engine's rule. */
    static double lowerSurvivalProbability(int massLo, int massHi) {
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 80; i++) {
            double mid = 0.5 * (lo + hi);
            if (CollisionRule.lowerSurvives(mid, massLo, massHi)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** The engine's pair rate at r2: fire with an unbounded window, then invert its exponential. */
    static double engineRate(ModelSpec spec, int n, int m, double r2, CounterRng rng) {
        double tau = CollisionRule.fire(PairConstants.of(spec, n, m), spec.kernel(), r2, rng, Purpose.COLLIDE, 0, 0, 1,
                Double.POSITIVE_INFINITY);
        if (tau == CollisionRule.NO_FIRE) {
            return 0;
        }
        return -FdLibm.log(1.0 - rng.uniform0()) / tau;
    }

    @Test
    void coagulationAndSplitFluxesAreEqual() {
        CounterRng rng = new CounterRng(7);
        int checked = 0;
        int inRange = 0;
        double worst = 0;
        for (String model : MODELS) {
            ModelSpec spec = spec(model, 0.01);
            DualFragmentation frag = new DualFragmentation(spec, SHAPE);
            for (int n = 1; n <= 4; n++) {
                for (int m = 1; m <= 4; m++) {
                    double range = Math.sqrt(PairConstants.of(spec, n, m).range2());
                    for (double fraction : new double[] {0, 0.1, 0.37, 0.5, 0.81, 0.999, 1.0, 1.001, 1.7}) {
                        double r2 = fraction * range * fraction * range;
                        double rate = engineRate(spec, n, m, r2, rng);
                        for (boolean survivorIsLower : new boolean[] {true, false}) {
                            double keep = survivorIsLower ? lowerSurvivalProbability(n, m) : 1 - lowerSurvivalProbability(m, n);
                            double coagulation = frag.intensity(n) * frag.intensity(m) * rate * keep;
                            double split = frag.intensity(n + m) * frag.splitRateDensity(n, m, r2);
                            checked++;
                            if (coagulation == 0) {
                                assertEquals(0.0, split, "split outside the range: " + model + " n=" + n + " m=" + m + " r/range=" + fraction);
                                continue;
                            }
                            inRange++;
                            double rel = Math.abs(split / coagulation - 1);
                            worst = Math.max(worst, rel);
                            assertTrue(rel < TOLERANCE, model + " n=" + n + " m=" + m + " r/range=" + fraction + ": coagulation flux "
                                    + coagulation + " split flux " + split);
                        }
                    }
                }
            }
        }
        System.out.printf("detailed balance: %d transitions (%d in range), worst relative difference %.2e%n", checked, inRange, worst);
        assertTrue(inRange > 300, "too few in-range transitions: " + inRange);
    }

    /** G(n,m) = F(n,m) + F(m,n) is the macroscopic kernel naive beta f*_n f*_m / f*_(n+m), independent of eps. */
    @Test
    void macroscopicSplitKernelIsTheSumOfBothOrders() {
        for (String model : MODELS) {
            for (double eps : new double[] {0.01, 0.001}) {
                ModelSpec spec = spec(model, eps);
                DualFragmentation frag = new DualFragmentation(spec, SHAPE);
                BetaRecipe recipe = BetaRecipe.of(spec);
                for (int n = 1; n <= 4; n++) {
                    for (int m = 1; m <= 4; m++) {
                        double both = frag.splitRate(n, m) + frag.splitRate(m, n);
                        assertEquals(1.0, both / frag.splitKernel(recipe, n, m), 1e-12, model + " eps " + eps + " n=" + n + " m=" + m);
                    }
                }
            }
        }
    }
}
