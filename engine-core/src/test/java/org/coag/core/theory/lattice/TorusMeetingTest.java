package org.coag.core.theory.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.coag.core.model.ModelException;
import org.junit.jupiter.api.Test;

/** The mean meeting time on T_L^d: the linear system against the spectral sum, Kac's formula and the large-L law. */
class TorusMeetingTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    /** Two exact routes that share no code: conjugate gradients over the offsets, and the eigenvalue sum. */
    @Test
    void linearSystemMatchesTheSpectralSum() {
        for (int d = 1; d <= 4; d++) {
            for (int side : new int[] {4, 8}) {
                for (double kappa : new double[] {INF, 0.7}) {
                    TorusMeeting m = TorusMeeting.of(d, side, 2, kappa);
                    String where = "d = " + d + ", L = " + side + ", kappa = " + kappa;
                    assertEquals(m.spectralFromStationary(), m.fromStationary(), 1e-9 * m.fromStationary(), where);
                    int[] offset = new int[d];
                    offset[0] = side / 2;
                    offset[d - 1] += 1;
                    assertEquals(m.spectralFromOffset(offset), m.fromOffset(offset), 1e-9 * m.fromOffset(offset), where);
                }
            }
        }
    }

    /**
     * Kac: the offset walk (rate D) leaves 0 after a mean 1/D and returns after a mean L^d / D in all, so from a
     * neighbour the meeting time is (L^d - 1) / D; with finite kappa every start adds E_0 T = L^d / kappa.
     */
    @Test
    void neighbourStartFollowsKacsFormula() {
        for (int d = 2; d <= 4; d++) {
            int side = d == 4 ? 4 : 8;
            double sites = Math.pow(side, d);
            TorusMeeting instant = TorusMeeting.of(d, side, 2, INF);
            TorusMeeting slow = TorusMeeting.of(d, side, 2, 0.3);
            int[] neighbour = new int[d];
            neighbour[d - 1] = -1;
            assertEquals((sites - 1) / 2, instant.fromOffset(neighbour), 1e-9 * sites, "d = " + d);
            assertEquals(sites / 0.3, slow.fromOffset(new int[d]), 1e-9 * sites / 0.3, "d = " + d);
            assertEquals(instant.fromStationary() + sites / 0.3, slow.fromStationary(), 1e-9 * sites / 0.3, "d = " + d);
        }
    }

    /** d = 1: from offset x the discrete walk needs x (L - x) steps (gambler's ruin); averaged, (L^2 - 1) / 6. */
    @Test
    void cycleMatchesGamblersRuin() {
        TorusMeeting m = TorusMeeting.of(1, 9, 0.5, INF);
        for (int x = 0; x < 9; x++) {
            assertEquals(x * (9 - x) / 0.5, m.fromOffset(x), 1e-9, "x = " + x);
        }
        assertEquals((81 - 1) / 6.0 / 0.5, m.fromStationary(), 1e-9);
    }

    /**
     * The large-L law L^d (G_d / D + 1 / kappa), against the exact linear system at L = 4, 8, 16: the relative gap
     * shrinks like 1/L in d = 3 (halving) and like 1/L^2 in d = 4 (quartering).
     */
    @Test
    void exactValueApproachesTheGreensFunctionLaw() {
        for (double kappa : new double[] {INF, 1.0}) {
            double[] gap3 = gaps(3, new int[] {4, 8, 16}, kappa);
            double[] gap4 = gaps(4, new int[] {4, 8, 16}, kappa);
            for (int i = 1; i < 3; i++) {
                double ratio3 = gap3[i - 1] / gap3[i];
                double ratio4 = gap4[i - 1] / gap4[i];
                assertTrue(ratio3 > 1.8 && ratio3 < 2.4, "d = 3 gaps " + java.util.Arrays.toString(gap3));
                assertTrue(ratio4 > 3.2, "d = 4 gaps " + java.util.Arrays.toString(gap4));
            }
            assertTrue(gap3[2] < 0.06 && gap4[2] < 0.004, "kappa = " + kappa);
        }
    }

    /** d = 2 has only the leading (2/pi) L^2 log L / D; its relative gap shrinks like 1 / log L. */
    @Test
    void planarGapShrinksSlowly() {
        double[] gap = gaps(2, new int[] {8, 32, 128}, INF);
        assertTrue(Math.abs(gap[2]) < Math.abs(gap[1]) && Math.abs(gap[1]) < Math.abs(gap[0]), java.util.Arrays.toString(gap));
    }

    @Test
    void badInputIsRefusedInOneLine() {
        assertThrows(ModelException.class, () -> TorusMeeting.of(3, 0, 2, INF));
        assertThrows(ModelException.class, () -> TorusMeeting.of(3, 4, 2, 0));
        assertThrows(ModelException.class, () -> TorusMeeting.of(3, 4, 2, INF).fromOffset(1, 2));
        ModelException big = assertThrows(ModelException.class, () -> TorusMeeting.of(4, 64, 2, INF).fromStationary());
        assertTrue(big.getMessage().contains("spectral"), big.getMessage());
    }

    private static double[] gaps(int d, int[] sides, double kappa) {
        double[] gap = new double[sides.length];
        for (int i = 0; i < sides.length; i++) {
            TorusMeeting m = TorusMeeting.of(d, sides[i], 2, kappa);
            double exact = sides[i] <= 16 ? m.fromStationary() : m.spectralFromStationary();
            gap[i] = (m.asymptoticFromStationary() - exact) / exact;
        }
        return gap;
    }
}
