package org.coag.core.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coag.core.backend.ParticleState;
import org.coag.core.model.InitialStates;
import org.coag.core.model.ModelSpec;
import org.junit.jupiter.api.Test;

/** The lattice starts' laws, and the resolution of a crowded site at time 0. */
class LatticeStartTest {
    /**
     * A Poisson(lambda) start on L^d sites draws a Poisson(lambda L^d) total: mean and variance both
     * lambda L^d. Over 400 seeds the mean total is tested with the exact variance, |z| &lt; 4.892
     * (1e-6); every site's coordinates lie in the box and ids are 0..n-1 in site order.
     */
    @Test
    void poissonStartHasTheRightMeanTotal() {
        ModelSpec spec = LatticeRuns.spec("""
                [model]
                space = "lattice"
                dim = 2
                [model.lattice]
                side = 20
                start = "poisson"
                occupation = 0.7
                [time]
                steps = 1
                """);
        double mean = 0.7 * 400;
        int seeds = 400;
        double sum = 0;
        for (int seed = 1; seed <= seeds; seed++) {
            ParticleState s = InitialStates.generate(spec, seed);
            sum += s.count();
            long previous = -1;
            for (int i = 0; i < s.count(); i++) {
                assertEquals(i, s.ids()[i]);
                long x = s.positions()[0][i];
                long y = s.positions()[1][i];
                assertTrue(x >= 0 && x < 20 && y >= 0 && y < 20);
                long site = x + 20 * y;
                assertTrue(site >= previous, "ids follow the site order");
                previous = site;
            }
        }
        double z = (sum / seeds - mean) / Math.sqrt(mean / seeds);
        assertTrue(Math.abs(z) < LatticeRuns.Z_1E6, "mean total " + sum / seeds + " against " + mean + ": z = " + z);
    }

    /** Bernoulli(p): the total is Binomial(L^d, p), mean L^d p, variance L^d p (1 - p). */
    @Test
    void bernoulliStartHasTheRightMeanTotal() {
        ModelSpec spec = LatticeRuns.spec("""
                [model]
                space = "lattice"
                dim = 3
                [model.lattice]
                side = 6
                start = "bernoulli"
                occupation = 0.3
                [time]
                steps = 1
                """);
        int seeds = 400;
        double sum = 0;
        for (int seed = 1; seed <= seeds; seed++) {
            sum += InitialStates.generate(spec, seed).count();
        }
        double n = 216;
        double z = (sum / seeds - n * 0.3) / Math.sqrt(n * 0.3 * 0.7 / seeds);
        assertTrue(Math.abs(z) < LatticeRuns.Z_1E6, "mean total " + sum / seeds + ": z = " + z);
    }

    /**
     * n walkers on one site with instantaneous coalescence resolve at time 0 by joining the two
     * smallest ids: coagulation leaves one walker of mass n after n - 1 events at time 0,
     * annihilation leaves n mod 2 walkers after floor(n / 2) events, the first pairs (0, 1), (2, 3), ...
     */
    @Test
    void aCrowdedSiteResolvesAtTimeZeroInIdOrder() {
        for (String mode : new String[] {"coagulation", "annihilation"}) {
            ModelSpec spec = LatticeRuns.spec("""
                    [model]
                    space = "lattice"
                    dim = 3
                    mode = "%s"
                    particles = 7
                    [model.lattice]
                    side = 5
                    start = "one_site"
                    coalescence = "instantaneous"
                    [time]
                    steps = 1
                    """.formatted(mode));
            ParticleState start = InitialStates.generate(spec, 3);
            for (int i = 0; i < 7; i++) {
                assertEquals(2, start.positions()[0][i], "the central site of side 5");
            }
            List<Double> times = LatticeRuns.coalescenceTimes(spec, 3, start, 0, 1);
            ParticleState end = LatticeRuns.after(spec, 3, start, 1);
            if (mode.equals("coagulation")) {
                assertEquals(6, times.size());
                assertEquals(1, end.count());
                assertEquals(7, end.masses()[0]);
            } else {
                assertEquals(3, times.size());
                assertEquals(1, end.count());
                assertEquals(6, end.ids()[0], "ids 0-1, 2-3, 4-5 annihilate; 6 is left");
            }
            for (int i = 0; i < times.size(); i++) {
                assertEquals(0.0, times.get(i));
            }
        }
    }
}
