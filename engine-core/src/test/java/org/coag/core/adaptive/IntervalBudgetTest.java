package org.coag.core.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The budgets of the intervals a refinement leaves alone add up to at most the tolerance, whatever
 * tree the refinement grows: random spans [from, to] of a 2^levels grid, cut into the aligned dyadic
 * blocks the refiner screens, each block split at random, perhaps down to single steps; the leaves cover
 * the span, so their budgets must add up to the tolerance (to rounding), never more.
 */
class IntervalBudgetTest {
    private static final int LEVELS = 30;
    private static final double TOLERANCE = 1e-5;

    @Test
    void leftAloneIntervalsShareTheToleranceWhateverTheTree() {
        SplittableRandom random = new SplittableRandom(20261204);
        IntervalBudget budget = new IntervalBudget(TOLERANCE);
        long top = 1L << LEVELS;
        for (int run = 0; run < 2000; run++) {
            long from = run % 3 == 0 ? 0 : random.nextLong(top - 1);
            long to = run % 2 == 0 ? top : from + 1 + random.nextLong(top - from);
            budget.start(to - from);
            double spent = 0;
            for (long ql = from; ql < to; ) {
                long size = ql == 0 ? top : Long.lowestOneBit(ql);
                while (ql + size > to) {
                    size >>= 1;
                }
                spent += leaves(budget, size, to - from, random);
                ql += size;
            }
            assertTrue(spent <= TOLERANCE * (1 + 1e-12), "span " + (to - from) + ": " + spent);
            assertEquals(TOLERANCE, spent, TOLERANCE * 1e-12, "span " + (to - from));
        }
    }

    @Test
    void theWholeSpanHasTheWholeTolerance() {
        IntervalBudget budget = new IntervalBudget(TOLERANCE);
        budget.start(12345);
        assertEquals(-Math.log(TOLERANCE), budget.logInverse(12345), 1e-14);
        budget.start(1L << LEVELS);
        assertEquals(-Math.log(TOLERANCE) + 3 * Math.log(2), budget.logInverse(1L << (LEVELS - 3)), 1e-12);
    }

    @Test
    void refusesIntervalsThatAreNoDyadicBlock() {
        IntervalBudget budget = new IntervalBudget(TOLERANCE);
        budget.start(1000);
        assertThrows(IllegalArgumentException.class, () -> budget.logInverse(24));
        assertThrows(IllegalArgumentException.class, () -> budget.logInverse(1024));
    }

    /**
     * The budget spent on a block of n steps split at random (with probability 3/8, about the share
     * of failing screens the Z = 1 regime measures): exp(-threshold) of each leaf.
     */
    private static double leaves(IntervalBudget budget, long n, long span, SplittableRandom random) {
        if (n == 1 || random.nextInt(8) < 5) {
            return Math.exp(-budget.logInverse(n));
        }
        return leaves(budget, n / 2, span, random) + leaves(budget, n / 2, span, random);
    }
}
