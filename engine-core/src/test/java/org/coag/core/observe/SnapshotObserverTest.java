package org.coag.core.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.coag.core.backend.ParticleState;
import org.coag.core.config.ConfigReader;
import org.coag.core.model.InitialStates;
import org.coag.core.model.ModelSpec;
import org.coag.core.theory.BetaTable;
import org.coag.core.theory.TorusGeometry;
import org.junit.jupiter.api.Test;

/** The study observables on states with known answers. */
class SnapshotObserverTest {
    private static ModelSpec spec(String extra) {
        return ConfigReader.read("[model]\ndim = 3\nparticles = 200000\nvolume_fraction = 0.02\n" + extra
                + "[time]\nsteps = 1\n", List.of()).model();
    }

    /**
     * Uniform i.i.d. positions (the initial state) have no correlation: pairs / Poisson expectation
     * is 1. About 2000 pairs with y &lt; 3 per bin group; 6 sigma tolerance on the pooled ratio.
     */
    @Test
    void poissonCloudHasPairRatioOne() {
        ModelSpec spec = spec("");
        ParticleState s = InitialStates.generate(spec, 7);
        PairCorrelation p = PairCorrelation.measure(spec, s, 3, 3.0);
        double c = 0;
        double e = 0;
        for (int b = 0; b < 3; b++) {
            c += p.counts()[b];
            e += p.expected()[b];
        }
        System.out.printf("Poisson cloud: %.0f pairs within 3 eps, expected %.1f%n", c, e);
        assertEquals(1.0, c / e, 6 / Math.sqrt(e));
    }

    /** J = 1 integrates to weight * count; cell counts add up; weight = eps^(d-2) = f(0) |L| / N. */
    @Test
    void countsWeightsAndTestIntegrals() {
        ModelSpec spec = spec("mode = \"coagulation\"\n");
        ParticleState s = InitialStates.generate(spec, 3);
        TorusGeometry g = new TorusGeometry(3, 8, 1.0);
        SnapshotObserver o = new SnapshotObserver(spec, g, new double[3], 4, 2, List.of(TestFunction.one()),
                BetaTable.build(spec, 2), 10, 3.0);
        Snapshot snap = o.observe(0, s);
        assertEquals(spec.eps(), o.weight(), 1e-15 * spec.eps());
        assertEquals(200000, snap.byMass()[0]);
        long cells = 0;
        for (int c : snap.cellCounts()[0]) {
            cells += c;
        }
        assertEquals(200000, cells);
        assertEquals(o.weight() * 200000, snap.testIntegrals()[0][0], 1e-9);
        double ratio = snap.propensity()[0][0] / snap.propensityTheory()[0][0];
        double naiveOverBeta = org.coag.core.theory.BetaRecipe.of(spec).naive(1, 1) / BetaTable.build(spec, 1).at(1, 1);
        System.out.printf("propensity of a Poisson cloud / (beta integral f^2) = %.4f, naive / beta = %.4f%n", ratio, naiveOverBeta);
        assertEquals(naiveOverBeta, ratio, 0.1, "uncorrelated pairs collide at the naive rate (about 2000 pairs in range: 2 % error)");
    }
}
