package org.coag.core.lattice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.coag.core.backend.EventSink;
import org.coag.core.backend.ParticleState;
import org.coag.core.model.LatticeSpec;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.coag.core.rng.CounterRng;
import org.coag.core.step.CollisionOutcome;
import org.coag.core.step.Scheme;

/**
 * The reference of the lattice model (docs/lattice.md): coalescing continuous-time random walkers
 * on {0..L-1}^d, exact in time, one observation step (s dt, (s+1) dt] at a time.
 *
 * <p><b>Scheme.</b> At the start of step s (time t0 = s dt) every clock is drawn afresh from the
 * walker's or pair's own Philox counter; by memorylessness this is the same Markov chain as clocks
 * carried over, and it makes the state at a step boundary exactly the {@link ParticleState} (sites,
 * masses, ids): a checkpoint needs nothing else. Then events are taken in {@link LatticeEvent#ORDER}
 * (time, pair clocks before jumps, smaller id, larger id) until the next is later than (s+1) dt.
 * <ul>
 * <li>Walker w of mass n (id i): its j-th clock of the step is block (LATTICE_WALK, s, i, j): holding
 * time -log(u0) / d(n) from the time it was drawn, direction (unsigned w2 x 2d) &gt;&gt;&gt; 32 (axis =
 * dir / 2, +1 for even dir, -1 for odd). A jump out of a reflecting box is suppressed; on the torus
 * coordinates wrap.</li>
 * <li>Pair (lo, hi) on one site (rate mode): its k-th clock of the step is block (LATTICE_PAIR,
 * s &lt;&lt; 24 | k, lo, hi): fires after -log(u0) / alpha(m_lo, m_hi); u1 is the survivor draw of
 * {@link CollisionOutcome}. A pair clock dies when either walker leaves the site, dies or changes
 * mass (each walker's site version counts those); the survivor of a coagulation draws a new jump
 * clock (its rate d(n) may have changed; the old one is void) and new clocks with every walker
 * still on its site.</li>
 * <li>Instantaneous mode: a walker that arrives on an occupied site coalesces at once with the one
 * walker there (a site never holds two), survivor draw u1 of the pair's next block; a site that
 * holds several walkers at a step start (only possible at time 0) resolves by repeatedly joining its
 * two smallest ids.</li>
 * </ul>
 * Every draw is keyed by ids and the walker's or pair's own counter within the step, never by a
 * global draw order, so a parallel variant that keeps the event order above is bit-identical.
 */
public final class LatticeStepper implements Scheme {
    /** Sees every coalescence with its exact time (tests; the event log holds the step only). */
    public interface Trace {
        /**
         * @param time the exact time of the coalescence
         * @param idLo the pair's smaller id
         * @param idHi the pair's larger id
         * @param survivorId the surviving id, or -1
         */
        void coalesced(double time, int idLo, int idHi, int survivorId);
    }

    private final ModelSpec spec;
    private final LatticeSpec lattice;
    private final CounterRng rng;
    private final CollisionOutcome outcome;
    private final int dim;
    private Trace trace;

    private long step;
    private EventSink sink;
    private int[] ids;
    private int[] mass;
    private long[][] site;
    private int[] clocks;
    private int[] siteVersion;
    private final Map<Long, List<Integer>> occupants = new HashMap<>();
    private final Map<Long, Integer> pairDraws = new HashMap<>();
    private final PriorityQueue<LatticeEvent> queue = new PriorityQueue<>(LatticeEvent.ORDER);

    /**
     * @param spec a lattice model ({@link ModelSpec#isLattice()})
     * @param seed the run seed
     */
    public LatticeStepper(ModelSpec spec, long seed) {
        this.spec = spec;
        this.lattice = spec.lattice();
        this.rng = new CounterRng(seed);
        this.outcome = CollisionOutcome.of(spec.mode());
        this.dim = spec.dim();
    }

    /** @param trace receives every coalescence with its exact time, or null */
    public void setTrace(Trace trace) {
        this.trace = trace;
    }

    /**
     * Runs step s, the interval (s dt, (s+1) dt], on {@code state} in place (the dead are removed).
     *
     * @param s the step index (below 2^32)
     * @param state the walkers at time s dt
     * @param events receives the step's coalescences
     */
    @Override
    public void step(long s, ParticleState state, EventSink events) {
        LatticeRules.checkStep(s);
        this.step = s;
        this.sink = events;
        int n = state.count();
        ids = state.ids();
        mass = state.masses();
        site = state.positions();
        clocks = new int[n];
        siteVersion = new int[n];
        occupants.clear();
        pairDraws.clear();
        queue.clear();
        double t0 = s * spec.dt();
        double t1 = (s + 1) * spec.dt();
        for (int w = 0; w < n; w++) {
            occupants.computeIfAbsent(siteKey(w), k -> new ArrayList<>()).add(w);
            scheduleJump(w, t0);
        }
        List<Long> crowded = new ArrayList<>();
        occupants.forEach((key, list) -> {
            if (list.size() > 1) {
                crowded.add(key);
            }
        });
        crowded.sort(null);
        for (long key : crowded) {
            List<Integer> here = occupants.get(key);
            if (lattice.instantaneous()) {
                while (here.size() > 1) {
                    here.sort((a, b) -> Integer.compare(ids[a], ids[b]));
                    int survivor = coalesce(here.get(0), here.get(1), t0, Double.NaN);
                    if (survivor >= 0) {
                        scheduleJump(survivor, t0);
                    }
                }
            } else {
                for (int a = 0; a < here.size(); a++) {
                    for (int b = a + 1; b < here.size(); b++) {
                        schedulePair(here.get(a), here.get(b), t0);
                    }
                }
            }
        }
        for (LatticeEvent e = queue.poll(); e != null && e.time() <= t1; e = queue.poll()) {
            if (e.kind() == LatticeEvent.JUMP) {
                if (mass[e.slotLo()] > 0 && clocks[e.slotLo()] - 1 == e.tagLo()) {
                    jump(e.slotLo(), e.tagHi(), e.time());
                }
            } else if (mass[e.slotLo()] > 0 && mass[e.slotHi()] > 0
                    && siteVersion[e.slotLo()] == e.tagLo() && siteVersion[e.slotHi()] == e.tagHi()) {
                int survivor = coalesce(e.slotLo(), e.slotHi(), e.time(), e.draw());
                if (survivor >= 0) {
                    scheduleJump(survivor, e.time());
                    schedulePairsOf(survivor, e.time());
                }
            }
        }
        queue.clear();
        state.removeEmpty();
    }

    /**
     * Walker w's clock fired: it moves (or, out of a reflecting box or on a side-1 torus, stays and
     * draws its next clock). Arriving on an occupied site, instantaneous: it coalesces with the
     * walker there and the survivor, if any, draws its next clock; rate mode: it draws a clock with
     * every walker there, then its own next clock.
     */
    private void jump(int w, int direction, double time) {
        int axis = direction >> 1;
        long to = LatticeRules.target(site[axis][w], direction, lattice.side(),
                lattice.boundary() == LatticeSpec.Boundary.REFLECTING);
        if (to == site[axis][w]) {
            scheduleJump(w, time);
            return;
        }
        occupants.get(siteKey(w)).remove(Integer.valueOf(w));
        site[axis][w] = to;
        siteVersion[w]++;
        List<Integer> here = occupants.computeIfAbsent(siteKey(w), k -> new ArrayList<>());
        here.add(w);
        if (lattice.instantaneous() && here.size() > 1) {
            int survivor = coalesce(here.get(0), w, time, Double.NaN);
            if (survivor >= 0) {
                scheduleJump(survivor, time);
            }
            return;
        }
        schedulePairsOf(w, time);
        scheduleJump(w, time);
    }

    /** Rate mode: draws a clock for w with every other walker on its site (nothing when instantaneous). */
    private void schedulePairsOf(int w, double time) {
        if (lattice.instantaneous()) {
            return;
        }
        for (int v : occupants.get(siteKey(w))) {
            if (v != w) {
                schedulePair(v, w, time);
            }
        }
    }

    /**
     * Joins slots a and b at {@code time}: reports the event and applies the outcome; the survivor's
     * site version moves on, so its old pair clocks die (the caller draws its new clocks).
     *
     * @param draw the survivor draw of the firing pair clock, or NaN to draw the pair's next block
     * @return the surviving slot, or -1
     */
    private int coalesce(int a, int b, double time, double draw) {
        int lo = ids[a] < ids[b] ? a : b;
        int hi = lo == a ? b : a;
        double u = draw;
        if (Double.isNaN(u)) {
            pairBlock(lo, hi);
            u = rng.uniform1();
        }
        int massLo = mass[lo];
        int massHi = mass[hi];
        int who = LatticeRules.decide(outcome, u, step, ids[lo], ids[hi], massLo, massHi, sink);
        if (trace != null) {
            trace.coalesced(time, ids[lo], ids[hi], LatticeRules.survivorId(who, ids[lo], ids[hi]));
        }
        List<Integer> here = occupants.get(siteKey(lo));
        if (who == CollisionOutcome.NONE) {
            kill(lo, here);
            kill(hi, here);
            return -1;
        }
        int survivor = who == CollisionOutcome.LOWER ? lo : hi;
        kill(survivor == lo ? hi : lo, here);
        mass[survivor] = LatticeRules.joinedMass(massLo, massHi);
        siteVersion[survivor]++;
        return survivor;
    }

    private void kill(int w, List<Integer> here) {
        mass[w] = 0;
        here.remove(Integer.valueOf(w));
    }

    /** Draws walker w's next clock (its counter's next block); any clock it drew before is void. */
    private void scheduleJump(int w, double now) {
        int j = clocks[w]++;
        double hold = LatticeRules.holdTime(rng, step, ids[w], j, spec.diffusion().at(mass[w]));
        int direction = LatticeRules.direction(rng, dim);
        queue.add(new LatticeEvent(now + hold, LatticeEvent.JUMP, ids[w], ids[w], w, w, j, direction, 0));
    }

    private void schedulePair(int a, int b, double now) {
        int lo = ids[a] < ids[b] ? a : b;
        int hi = lo == a ? b : a;
        pairBlock(lo, hi);
        double wait = LatticeRules.pairWait(rng, spec.alpha().at(mass[lo], mass[hi]));
        queue.add(new LatticeEvent(now + wait, LatticeEvent.PAIR, ids[lo], ids[hi], lo, hi, siteVersion[lo], siteVersion[hi],
                rng.uniform1()));
    }

    /** Draws the pair's next block of this step (its own counter k): (LATTICE_PAIR, s &lt;&lt; 24 | k, lo, hi). */
    private void pairBlock(int lo, int hi) {
        long key = ((long) ids[lo] << 32) | (ids[hi] & 0xFFFFFFFFL);
        LatticeRules.pairBlock(rng, step, ids[lo], ids[hi], pairDraws.merge(key, 1, Integer::sum) - 1);
    }

    private long siteKey(int w) {
        long key = 0;
        for (int k = dim - 1; k >= 0; k--) {
            key = key * lattice.side() + site[k][w];
        }
        return key;
    }
}
