package org.coag.cpu;

import java.util.Arrays;
import org.coag.core.backend.EventSink;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.lattice.LatticeRules;
import org.coag.core.lattice.LatticeStepper;
import org.coag.core.model.LatticeSpec;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.coag.core.rng.CounterRng;
import org.coag.core.step.CollisionOutcome;

/**
 * The lattice model on the cpu backend: the rules of {@link LatticeStepper} (docs/lattice.md), with
 * flat arrays instead of objects and maps, bit-identical to it at any thread count.
 *
 * <p>One step s, the interval (s dt, (s+1) dt]:
 * <ol>
 *   <li>draws (parallel, {@link WorkerPool}): each walker's site index and its first clock of the
 *       step, block (LATTICE_WALK, s, id, 0); a pure function of the walker, so the shares do not
 *       matter;</li>
 *   <li>events (caller): the walkers in {@link LatticeSites} (a linked list per site), their jumps in
 *       a {@link WalkerQueue} (at most one entry per walker: its latest clock, if due within the
 *       step), the pair clocks in {@link PairClocks}, the pair counters in {@link PairCounters}; crowded sites resolved as the
 *       reference does, then events taken in the reference's order (time, pair clocks before jumps,
 *       smaller id, larger id) until the next is later than (s+1) dt.</li>
 * </ol>
 * Every draw comes from {@link LatticeRules} with the reference's keys (ids and each walker's or
 * pair's own counter), and the events are applied one by one in the reference's order, so each event
 * sees the reference's state and the EventSink receives the reference's events in its order. The
 * reference's stale jump events are never stored here (a redrawn clock replaces the walker's entry),
 * and it skips them unseen; nor are clocks later than (s+1) dt, which the reference's loop never
 * reaches: so the order of the valid events is the same. Only the draws at the step
 * start run on several threads; the events run on one (see docs/lattice.md, "Backends").
 */
final class CpuLatticeSimulation implements Simulation {
    /** Masses below this have their jump rate in a table. */
    private static final int RATE_TABLE = 256;
    private final ModelSpec spec;
    private final int dim;
    private final int side;
    private final boolean reflecting;
    private final boolean instantaneous;
    private final CollisionOutcome outcome;
    private final CounterRng rng;
    private final CounterRng[] workerRngs;
    private final WorkerPool pool;
    private final ParticleState state;
    private final long[] strides;
    private final LatticeSites sites;
    private final WalkerQueue walkers;
    private final PairClocks pairs = new PairClocks();
    private final PairCounters pairDraws = new PairCounters();
    private final WorkerPool.Task drawTask = this::drawPhase;
    private final double[] rateOfMass;
    private long[] siteKey = new long[0];
    private int[] clocks = new int[0];
    private int[] siteVersion = new int[0];
    private int[] direction = new int[0];
    private double[] jumpTime = new double[0];
    private int[] crowd = new int[0];
    private long step;
    private double stepStart;
    private int count;
    private int[] ids;
    private int[] mass;
    private long[][] pos;
    private EventSink sink;

    /**
     * @param spec a lattice model
     * @param seed the run seed
     * @param initial the walkers at step {@code firstStep} (copied)
     * @param firstStep the index of the next step
     * @param threads worker threads
     * @param walkersPerBucket the jumps per time bucket of the {@link WalkerQueue} ({@link WalkerQueue#PER_BUCKET})
     */
    CpuLatticeSimulation(ModelSpec spec, long seed, ParticleState initial, long firstStep, int threads, int walkersPerBucket) {
        this.spec = spec;
        this.walkers = new WalkerQueue(walkersPerBucket);
        LatticeSpec lattice = spec.lattice();
        this.dim = spec.dim();
        this.side = lattice.side();
        this.reflecting = lattice.boundary() == LatticeSpec.Boundary.REFLECTING;
        this.instantaneous = lattice.instantaneous();
        this.outcome = CollisionOutcome.of(spec.mode());
        this.rng = new CounterRng(seed);
        this.pool = new WorkerPool(threads);
        this.workerRngs = new CounterRng[threads];
        for (int w = 0; w < threads; w++) {
            workerRngs[w] = new CounterRng(seed);
        }
        this.state = initial.copy();
        this.step = firstStep;
        this.strides = new long[dim];
        for (int k = 0; k < dim; k++) {
            strides[k] = k == 0 ? 1 : strides[k - 1] * side;
        }
        this.sites = new LatticeSites(lattice.sites(dim), state.count());
        this.rateOfMass = new double[RATE_TABLE];
        Arrays.fill(rateOfMass, Double.NaN);
        for (int n = 1; n < RATE_TABLE; n++) {
            try {
                rateOfMass[n] = spec.diffusion().at(n);
            } catch (ModelException beyondTable) {
                break;
            }
        }
    }

    /**
     * The jump rate d(n), from a table of d(1..{@link #RATE_TABLE}-1) computed once (the same
     * values); outside it (or beyond a config table, whose error it then raises) from d itself.
     */
    private double rate(int n) {
        double r = n < RATE_TABLE ? rateOfMass[n] : Double.NaN;
        return Double.isNaN(r) ? spec.diffusion().at(n) : r;
    }

    @Override
    public void advance(long steps, EventSink events) {
        this.sink = events;
        for (long s = 0; s < steps; s++) {
            runStep();
            step++;
        }
    }

    private void runStep() {
        LatticeRules.checkStep(step);
        count = state.count();
        ids = state.ids();
        mass = state.masses();
        pos = state.positions();
        if (siteKey.length < count) {
            siteKey = new long[count];
            clocks = new int[count];
            siteVersion = new int[count];
            direction = new int[count];
            jumpTime = new double[count];
        }
        stepStart = step * spec.dt();
        double stepEnd = (step + 1) * spec.dt();
        pool.sizeFor(count);
        pool.run(drawTask);
        sites.reset(count);
        walkers.build(jumpTime, ids, mass, count, stepStart, stepEnd);
        resolveCrowdedSites();
        runEvents(stepEnd);
        sites.clear(siteKey, count);
        pairs.clear();
        pairDraws.clear();
        state.removeEmpty();
    }

    private void drawPhase(int worker) {
        CounterRng own = workerRngs[worker];
        int from = WorkerPool.chunkStart(worker, pool.size(), count);
        int to = WorkerPool.chunkStart(worker + 1, pool.size(), count);
        for (int w = from; w < to; w++) {
            long key = 0;
            for (int k = 0; k < dim; k++) {
                key += pos[k][w] * strides[k];
            }
            siteKey[w] = key;
            siteVersion[w] = 0;
            clocks[w] = 1;
            double hold = LatticeRules.holdTime(own, step, ids[w], 0, rate(mass[w]));
            direction[w] = LatticeRules.direction(own, dim);
            jumpTime[w] = stepStart + hold;
        }
    }

    /**
     * Puts the walkers on their sites; a site that holds several (only at time 0) is resolved as the
     * reference does, in increasing site index: instantaneous, by joining its two smallest ids again
     * and again; rate mode, by a clock for every pair on it.
     */
    private void resolveCrowdedSites() {
        int crowded = 0;
        for (int w = 0; w < count; w++) {
            int head = sites.first(siteKey[w]);
            if (head >= 0 && sites.next(head) < 0) {
                crowd = crowded < crowd.length ? crowd : Arrays.copyOf(crowd, Math.max(16, 2 * crowd.length));
                crowd[crowded++] = w;
            }
            sites.add(w, siteKey[w]);
        }
        long[] keys = new long[crowded];
        for (int i = 0; i < crowded; i++) {
            keys[i] = siteKey[crowd[i]];
        }
        Arrays.sort(keys);
        for (long key : keys) {
            if (instantaneous) {
                for (int[] here = sortedById(key); here.length > 1; here = sortedById(key)) {
                    int survivor = coalesce(here[0], here[1], stepStart, Double.NaN);
                    if (survivor >= 0) {
                        scheduleJump(survivor, stepStart);
                    }
                }
            } else {
                for (int a = sites.first(key); a >= 0; a = sites.next(a)) {
                    for (int b = sites.next(a); b >= 0; b = sites.next(b)) {
                        schedulePair(a, b, stepStart);
                    }
                }
            }
        }
    }

    private int[] sortedById(long key) {
        int n = 0;
        for (int w = sites.first(key); w >= 0; w = sites.next(w)) {
            n++;
        }
        long[] byId = new long[n];
        n = 0;
        for (int w = sites.first(key); w >= 0; w = sites.next(w)) {
            byId[n++] = ((long) ids[w] << 32) | w;
        }
        Arrays.sort(byId);
        int[] slots = new int[n];
        for (int i = 0; i < n; i++) {
            slots[i] = (int) byId[i];
        }
        return slots;
    }

    private void runEvents(double stepEnd) {
        while (true) {
            boolean pairFirst = !pairs.isEmpty() && (walkers.isEmpty() || pairFirst(walkers.top()));
            if (pairFirst) {
                if (pairs.topTime() > stepEnd) {
                    return;
                }
                pairs.pop();
                int lo = pairs.poppedSlotLo;
                int hi = pairs.poppedSlotHi;
                if (mass[lo] > 0 && mass[hi] > 0 && siteVersion[lo] == pairs.poppedTagLo && siteVersion[hi] == pairs.poppedTagHi) {
                    double time = pairs.poppedTime;
                    int survivor = coalesce(lo, hi, time, pairs.poppedDraw);
                    if (survivor >= 0) {
                        scheduleJump(survivor, time);
                        schedulePairsOf(survivor, time);
                    }
                }
            } else if (!walkers.isEmpty()) {
                int w = walkers.top();
                if (jumpTime[w] > stepEnd) {
                    return;
                }
                jump(w, direction[w], jumpTime[w]);
            } else {
                return;
            }
        }
    }

    private boolean pairFirst(int w) {
        return LatticeRules.compare(pairs.topTime(), LatticeRules.PAIR, pairs.topIdLo(), pairs.topIdHi(),
                jumpTime[w], LatticeRules.JUMP, ids[w], ids[w]) < 0;
    }

    /** As the reference's jump: suppressed or side-1 moves redraw; arrival coalesces or draws pair clocks. */
    private void jump(int w, int dir, double time) {
        int axis = dir >> 1;
        long from = pos[axis][w];
        long to = LatticeRules.target(from, dir, side, reflecting);
        if (to == from) {
            scheduleJump(w, time);
            return;
        }
        sites.remove(w, siteKey[w]);
        pos[axis][w] = to;
        siteKey[w] += (to - from) * strides[axis];
        siteVersion[w]++;
        int other = sites.first(siteKey[w]);
        sites.add(w, siteKey[w]);
        if (instantaneous && other >= 0) {
            int survivor = coalesce(other, w, time, Double.NaN);
            if (survivor >= 0) {
                scheduleJump(survivor, time);
            }
            return;
        }
        schedulePairsOf(w, time);
        scheduleJump(w, time);
    }

    private void schedulePairsOf(int w, double time) {
        if (instantaneous) {
            return;
        }
        for (int v = sites.first(siteKey[w]); v >= 0; v = sites.next(v)) {
            if (v != w) {
                schedulePair(v, w, time);
            }
        }
    }

    /** As the reference's coalesce: reports, applies the outcome; the dead leave site and heap. */
    private int coalesce(int a, int b, double time, double draw) {
        int lo = ids[a] < ids[b] ? a : b;
        int hi = lo == a ? b : a;
        double u = draw;
        if (Double.isNaN(u)) {
            LatticeRules.pairBlock(rng, step, ids[lo], ids[hi], pairDraws.next(ids[lo], ids[hi]));
            u = rng.uniform1();
        }
        int massLo = mass[lo];
        int massHi = mass[hi];
        int who = LatticeRules.decide(outcome, u, step, ids[lo], ids[hi], massLo, massHi, sink);
        if (who == CollisionOutcome.NONE) {
            kill(lo);
            kill(hi);
            return -1;
        }
        int survivor = who == CollisionOutcome.LOWER ? lo : hi;
        kill(survivor == lo ? hi : lo);
        mass[survivor] = LatticeRules.joinedMass(massLo, massHi);
        siteVersion[survivor]++;
        return survivor;
    }

    private void kill(int w) {
        mass[w] = 0;
        sites.remove(w, siteKey[w]);
        walkers.remove(w);
    }

    private void scheduleJump(int w, double now) {
        int j = clocks[w]++;
        double hold = LatticeRules.holdTime(rng, step, ids[w], j, rate(mass[w]));
        direction[w] = LatticeRules.direction(rng, dim);
        jumpTime[w] = now + hold;
        walkers.changed(w);
    }

    private void schedulePair(int a, int b, double now) {
        int lo = ids[a] < ids[b] ? a : b;
        int hi = lo == a ? b : a;
        LatticeRules.pairBlock(rng, step, ids[lo], ids[hi], pairDraws.next(ids[lo], ids[hi]));
        double wait = LatticeRules.pairWait(rng, spec.alpha().at(mass[lo], mass[hi]));
        pairs.push(now + wait, lo, hi, ids[lo], ids[hi], siteVersion[lo], siteVersion[hi], rng.uniform1());
    }

    @Override
    public long stepIndex() {
        return step;
    }

    @Override
    public int liveCount() {
        return state.count();
    }

    @Override
    public void readState(ParticleState into) {
        state.copyInto(into);
    }

    @Override
    public void close() {
        pool.close();
    }
}
