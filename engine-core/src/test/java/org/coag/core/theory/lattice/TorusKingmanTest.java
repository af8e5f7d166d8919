package org.coag.core.theory.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Kingman time scale on T_L^d and the check of the survey's Cox constant. */
class TorusKingmanTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void pairRateIsTheInverseMeetingTimeAndTendsToBetaOverVolume() {
        double previousGap = INF;
        for (int side : new int[] {4, 8, 16, 64}) {
            TorusKingman k = TorusKingman.of(3, side, 1, 2.0);
            assertEquals(side <= 32 ? "linear system" : "spectral sum", k.exactRoute());
            double volume = Math.pow(side, 3);
            assertEquals(LatticeRecipe.rate(3, 2.0, 2) / volume, k.asymptoticPairRate(), 1e-15 / volume);
            assertEquals(1, k.exactPairRate() * k.meeting().spectralFromStationary(), 1e-9);
            double gap = Math.abs(k.exactPairRate() / k.asymptoticPairRate() - 1);
            assertTrue(gap < previousGap, "L = " + side + ": gap " + gap);
            previousGap = gap;
            assertEquals(2 * (1 - 1.0 / 5) * k.exactMeetingTime(), k.meanTimeToOne(5, true), 1e-9 * k.exactMeetingTime());
        }
    }

    /**
     * Rate-1 walkers, coalescence on meeting: the pair meets after L^d G_3 / 2 on average (so Kingman's unit-rate
     * clock is real time / (L^d G_3 / 2)); on T_32^3 the exact value is within 3 %, while the survey's
     * 2 L^d / G_3 is 79 % higher than the exact value (74 % higher than the asymptotic one: the ratio 4 / G_3^2).
     */
    @Test
    void coxTimeScaleIsHalfTheGreensFunctionTimesTheVolume() {
        double volume = Math.pow(32, 3);
        double green = LatticeGreen.atOrigin(3);
        TorusKingman k = TorusKingman.of(3, 32, 1, INF);
        double exact = k.exactMeetingTime();
        assertEquals(volume * green / 2, k.asymptoticMeetingTime(), 1e-12 * volume);
        assertEquals(1, exact / (volume * green / 2), 0.03);
        assertTrue(2 * volume / green / exact > 1.6, "the survey's 2 N^d / G is not the time scale");
    }

    /** A walker jump rate r runs the same walks r times faster: every time divides by r. */
    @Test
    void timesScaleWithTheJumpRate() {
        TorusKingman slow = TorusKingman.of(3, 6, 1, 1.5);
        TorusKingman fast = TorusKingman.of(3, 6, 4, 4 * 1.5);
        assertEquals(slow.exactMeetingTime() / 4, fast.exactMeetingTime(), 1e-9 * slow.exactMeetingTime());
        assertEquals(slow.asymptoticMeetingTime() / 4, fast.asymptoticMeetingTime(), 1e-12 * slow.asymptoticMeetingTime());
        double[] a = slow.blockCountLaw(4, 100, true);
        double[] b = fast.blockCountLaw(4, 25, true);
        for (int j = 1; j <= 4; j++) {
            assertEquals(a[j], b[j], 1e-9);
        }
    }
}
