package org.coag.core.lattice;

import java.util.Comparator;

/**
 * A pending event of a lattice step: a walker's jump or a co-located pair's coalescence clock.
 * Slots index the step's walkers; ids break ties.
 *
 * @param time when it fires (time units, exact double)
 * @param kind {@link #PAIR} or {@link #JUMP}
 * @param idLo the walker's id (jump) or the pair's smaller id
 * @param idHi the walker's id (jump) or the pair's larger id
 * @param slotLo slot of idLo
 * @param slotHi slot of idHi
 * @param tagLo jump: the walker's clock index j it was drawn from (valid while it is the walker's latest); pair: slotLo's site version at the draw
 * @param tagHi jump: the direction 0..2d-1; pair: slotHi's site version at the draw
 * @param draw pair: the survivor draw u1 of the clock's block; jump: unused
 */
record LatticeEvent(double time, int kind, int idLo, int idHi, int slotLo, int slotHi, int tagLo, int tagHi, double draw) {
    /** A pair clock: first among events at the same time. */
    static final int PAIR = LatticeRules.PAIR;
    /** A jump. */
    static final int JUMP = LatticeRules.JUMP;

    /**
     * The resolution order ({@link LatticeRules#compare}): time, then pair clocks before jumps, then
     * the smaller id, then the larger id. Every key is a function of the run's state, never of a
     * draw order, so any implementation that processes events in this order gives the same run.
     */
    static final Comparator<LatticeEvent> ORDER = (a, b) -> LatticeRules.compare(a.time, a.kind, a.idLo, a.idHi,
            b.time, b.kind, b.idLo, b.idHi);
}
