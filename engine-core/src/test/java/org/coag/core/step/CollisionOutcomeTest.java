package org.coag.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.coag.core.model.Mode;
import org.junit.jupiter.api.Test;

/** The outcome each mode maps to, and the survivor rule either side of its boundary u1 = m_lo / (m_lo + m_hi). */
class CollisionOutcomeTest {
    @Test
    void eachModeHasItsOutcomeAndKind() {
        assertSame(EventKind.COAGULATION, CollisionOutcome.of(Mode.COAGULATION).kind());
        assertSame(EventKind.ANNIHILATION, CollisionOutcome.of(Mode.ANNIHILATION).kind());
        assertEquals(CollisionOutcome.NONE, CollisionOutcome.of(Mode.ANNIHILATION).survivor(0.5, 1, 1));
    }

    @Test
    void theLowerIdSurvivesBelowItsMassShare() {
        CollisionOutcome c = CollisionOutcome.of(Mode.COAGULATION);
        for (int lo = 1; lo <= 7; lo++) {
            for (int hi = 1; hi <= 7; hi++) {
                double share = (double) lo / (lo + hi);
                assertEquals(CollisionOutcome.LOWER, c.survivor(share - 1e-9, lo, hi), lo + "," + hi);
                assertEquals(CollisionOutcome.HIGHER, c.survivor(share + 1e-9, lo, hi), lo + "," + hi);
            }
        }
    }
}
