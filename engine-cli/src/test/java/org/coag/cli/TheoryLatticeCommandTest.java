package org.coag.cli;

import static org.coag.cli.CliTest.coag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.coag.cli.CliTest.Outcome;
import org.coag.core.theory.lattice.KingmanCoalescent;
import org.coag.core.theory.lattice.TorusMeeting;
import org.junit.jupiter.api.Test;

/** {@code coag theory lattice} as a user runs it. */
class TheoryLatticeCommandTest {
    /**
     * T_8^3, rate-1 walkers, coalescence on meeting: G_3 = 1.51638605915 (Watson), beta = 2 / G_3, the exact
     * meeting time from the linear system, and the asymptotic one 8^3 G_3 / 2.
     */
    @Test
    void printsGreensFunctionRecipeAndKingmanTimeScale() {
        Outcome o = coag("theory", "lattice", "--dim", "3", "--L", "8", "--kappa", "inf", "--walkers", "4", "--law", "300");
        assertEquals(0, o.code(), o.err());
        String out = o.out();
        assertTrue(out.contains("walkers on T_8^3 (512 sites): jump rate 1 per walker (rate / 6 to each neighbour), kappa = inf"), out);
        assertTrue(out.contains("G_d, Green's function at the origin      1.51638605915"), out);
        assertTrue(out.contains("lattice recipe beta                      " + TheoryLatticeCommand.fmt(2 / 1.516386059151978)), out);
        double exact = TorusMeeting.of(3, 8, 2, Double.POSITIVE_INFINITY).spectralFromStationary();
        assertTrue(out.contains("exact " + TheoryLatticeCommand.fmt(exact) + " (linear system)"), out);
        assertTrue(out.contains("asymptotic " + TheoryLatticeCommand.fmt(512 * 1.516386059151978 / 2)), out);
        assertTrue(out.contains("mean time to one walker, n = 4           exact " + TheoryLatticeCommand.fmt(1.5 * exact)), out);
        double[] law = new KingmanCoalescent(1 / exact).blockCountLaw(4, 300);
        assertTrue(out.contains(String.format(java.util.Locale.ROOT, "P(k walkers at t = 300), k = 1..4: %.6g", law[1])), out);
    }

    @Test
    void recurrentDimensionsPrintTheTorusOnlyAndBadOptionsFailInOneLine() {
        Outcome planar = coag("theory", "lattice", "--dim", "2", "--L", "16", "--kappa", "2.5");
        assertEquals(0, planar.code(), planar.err());
        assertTrue(planar.out().contains("G_d is infinite in d = 2 (the walk is recurrent)"), planar.out());
        double exact = TorusMeeting.of(2, 16, 2, 2.5).spectralFromStationary();
        assertTrue(planar.out().contains("exact " + TheoryLatticeCommand.fmt(exact)), planar.out());
        Outcome bad = coag("theory", "lattice", "--kappa", "-1");
        assertEquals(1, bad.code());
        assertTrue(bad.err().startsWith("coag: error: --kappa must be a positive number or inf, got '-1'"), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
    }
}
