package org.coag.core.lattice;

import org.coag.core.backend.EventSink;
import org.coag.core.model.ModelException;
import org.coag.core.rng.CounterRng;
import org.coag.core.rng.FdLibm;
import org.coag.core.rng.Purpose;
import org.coag.core.step.CollisionOutcome;

/**
 * The one home of the lattice model's draws, boundary rule and event order (docs/lattice.md), shared
 * by the reference ({@link LatticeStepper}) and the cpu backend's variant, so both take the same
 * bits from the same formulas.
 */
public final class LatticeRules {
    /** Event kind of a pair clock: first among events at the same time. */
    public static final int PAIR = 0;
    /** Event kind of a jump. */
    public static final int JUMP = 1;

    private LatticeRules() {
    }

    /**
     * Refuses a step index the pair counter layout (step &lt;&lt; 24 | k) cannot hold.
     *
     * @param s the step index
     */
    public static void checkStep(long s) {
        if (s >= 1L << 32) {
            throw new ModelException("lattice: step " + s + " is beyond 2^32 - 1 (the pair counter layout); raise time.dt");
        }
    }

    /**
     * Draws clock j of walker {@code id} in step s: block (LATTICE_WALK, s, id, j). Afterwards
     * {@link #direction} reads the jump's direction from the same block.
     *
     * @param rng the generator (its block is replaced)
     * @param step the step index s
     * @param id the walker's id
     * @param j the walker's clock index within the step
     * @param rate the walker's total jump rate d(n) (per time unit)
     * @return the holding time -ln(u0) / d(n) (time units)
     */
    public static double holdTime(CounterRng rng, long step, int id, int j, double rate) {
        rng.block(Purpose.LATTICE_WALK, step, id, j);
        return -FdLibm.log(rng.uniform0()) / rate;
    }

    /**
     * @param rng the generator, on the block of the walker's clock ({@link #holdTime})
     * @param dim d
     * @return the direction 0..2d-1 from word 2: (unsigned w2 x 2d) &gt;&gt;&gt; 32 (axis dir / 2, +1 for even dir)
     */
    public static int direction(CounterRng rng, int dim) {
        return (int) (((rng.word(2) & 0xFFFFFFFFL) * (2L * dim)) >>> 32);
    }

    /**
     * Draws block k of pair (lo, hi) in step s: (LATTICE_PAIR, s &lt;&lt; 24 | k, lo, hi). Its u0 gives
     * the pair clock ({@link #pairWait}), its u1 the survivor draw.
     *
     * @param rng the generator (its block is replaced)
     * @param step the step index s (checked by {@link #checkStep})
     * @param idLo the smaller id
     * @param idHi the larger id
     * @param k the pair's draw index within the step
     */
    public static void pairBlock(CounterRng rng, long step, int idLo, int idHi, int k) {
        if (k >= 1 << 24) {
            throw new ModelException("lattice: a pair drew more than 2^24 clocks in one step; lower time.dt");
        }
        rng.block(Purpose.LATTICE_PAIR, (step << 24) | k, idLo, idHi);
    }

    /**
     * @param rng the generator, on the pair's block ({@link #pairBlock})
     * @param alpha the pair's rate alpha(n_lo, n_hi) (per time unit)
     * @return the pair clock's wait -ln(u0) / alpha (time units)
     */
    public static double pairWait(CounterRng rng, double alpha) {
        return -FdLibm.log(rng.uniform0()) / alpha;
    }

    /**
     * The boundary rule: where a jump in {@code direction} takes coordinate {@code coord} on its
     * axis ({@code direction / 2}). A jump out of a reflecting box is suppressed; on the torus the
     * coordinate wraps (and a side-1 torus leaves it in place).
     *
     * @param coord the coordinate 0..side-1 on the jump's axis
     * @param direction 0..2d-1
     * @param side L
     * @param reflecting true for the reflecting box
     * @return the new coordinate; {@code coord} itself when the walker stays
     */
    public static long target(long coord, int direction, int side, boolean reflecting) {
        long to = coord + ((direction & 1) == 0 ? 1 : -1);
        if (to < 0 || to >= side) {
            return reflecting ? coord : Math.floorMod(to, side);
        }
        return to;
    }

    /**
     * Decides a coalescence of the pair (lo, hi) and reports it as one collision event.
     *
     * @param outcome the model's outcome
     * @param u the survivor draw (u1 of the pair's block)
     * @param step the step, for the event
     * @param idLo the smaller id
     * @param idHi the larger id
     * @param massLo the mass of idLo
     * @param massHi the mass of idHi
     * @param sink receives the event
     * @return {@link CollisionOutcome#LOWER}, {@link CollisionOutcome#HIGHER} or {@link CollisionOutcome#NONE}
     */
    public static int decide(CollisionOutcome outcome, double u, long step, int idLo, int idHi, int massLo, int massHi,
                             EventSink sink) {
        int who = outcome.survivor(u, massLo, massHi);
        sink.collision(step, outcome.kind(), idLo, idHi, massLo, massHi, survivorId(who, idLo, idHi));
        return who;
    }

    /**
     * @param who an outcome's decision
     * @param idLo the smaller id
     * @param idHi the larger id
     * @return the surviving id, or -1 when both vanish
     */
    public static int survivorId(int who, int idLo, int idHi) {
        return who == CollisionOutcome.LOWER ? idLo : who == CollisionOutcome.HIGHER ? idHi : -1;
    }

    /**
     * @param massLo mass of one walker of a coagulation
     * @param massHi mass of the other
     * @return the survivor's mass, refused beyond 2^31 - 1
     */
    public static int joinedMass(int massLo, int massHi) {
        long total = (long) massLo + massHi;
        if (total > Integer.MAX_VALUE) {
            throw new ModelException("lattice: a coagulation made a mass beyond 2^31 - 1");
        }
        return (int) total;
    }

    /**
     * The resolution order of events (time, pair clocks before jumps, smaller id, larger id); a jump
     * has idLo = idHi = the walker's id. Every key is a function of the run's state, never of a draw
     * order.
     *
     * @return negative, zero or positive as event a comes before, ties with or after event b
     */
    public static int compare(double timeA, int kindA, int loA, int hiA, double timeB, int kindB, int loB, int hiB) {
        int c = Double.compare(timeA, timeB);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(kindA, kindB);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(loA, loB);
        return c != 0 ? c : Integer.compare(hiA, hiB);
    }
}
