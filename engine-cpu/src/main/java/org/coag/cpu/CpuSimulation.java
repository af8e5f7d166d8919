package org.coag.cpu;

import java.util.Map;
import org.coag.core.backend.EventSink;
import org.coag.core.backend.PhaseTimes;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.model.ModelSpec;
import org.coag.core.step.StepLimits;
import org.coag.core.step.FiredPairs;
import org.coag.core.step.CollisionOutcome;
import org.coag.core.step.MassResolver;
import org.coag.core.step.PairConstants;
import org.coag.core.step.PairParameters;

/**
 * The fixed-step scheme of the reference backend (same draws, same decisions, same resolution
 * order), organised for SIMD and threads, with a Verlet list of candidate pairs. One step:
 * <ol>
 *   <li>move (parallel, vector): tiles of Philox blocks, AS241 normals, fixed-point increments;
 *       each worker notes how far any coordinate has moved since the pair list was built, the
 *       largest live sigma and range and, in free space, its bounding box;</li>
 *   <li>checks (master): the range and seam limits, exactly as the reference words them
 *       ({@link LimitChecks}); the list serves while the reach plus twice the farthest move stays
 *       within the reach it was built for;</li>
 *   <li>list rebuild, when it no longer serves (parallel): the particles are located in the rows of
 *       a {@link RowGrid} (a new grid when the reach outgrew it, a particle left a free-space grid,
 *       or three quarters of the particles are gone), each row's stayers merged with its arriving
 *       movers into the other buffer in order of the last coordinate, the dead left out
 *       ({@link RowSort}), and each row scanned as it is written: every pair within the reach plus
 *       a skin in every coordinate is listed and tested for this step ({@link RowScanner}); the
 *       positions are then copied to the idle buffer, as the list's reference;</li>
 *   <li>otherwise (parallel): each worker tests its listed pairs whose members are alive;</li>
 *   <li>resolve (master): fired pairs merged, sorted by (tau, lower id, higher id), applied; the
 *       dead get mass 0 and leave at the next sort;</li>
 *   <li>fragment (with {@code [model.fragmentation]}, {@link CpuFragmentation}): the split screen in
 *       parallel, the splits applied by the master in increasing parent id, new particles after the
 *       used slots; a step with splits has the list rebuilt at the next step, which takes the new
 *       particles into the rows.</li>
 * </ol>
 * Every pair within the range is tested every step, as in the reference, whatever the list holds
 * besides. Slots are in row order, not id order; {@link #readState} returns id order.
 */
final class CpuSimulation implements Simulation, PhaseTimes {
    /** With mass-dependent ranges the grid is made for this multiple of the reach, so it serves while ranges grow a little. */
    private static final double REACH_HEADROOM = 1.25;
    /** The list's skin in widest step deviations: lists last about (SKIN_SIGMAS / 11)^2 steps. */
    private static final double SKIN_SIGMAS = 30;
    /** The most skin, in reaches (the list's pairs grow as (1 + skin / reach)^d). */
    private static final double SKIN_REACHES = 4;
    private static final String[] PHASES = {"move", "checks", "list rebuild (sort + scan)", "listed pairs", "resolve", "fragment"};
    private final ModelSpec spec;
    private final boolean free;
    private final boolean rangeVaries;
    private final double range2Common;
    private final Particles particles;
    private final MassTables tables;
    private final RowGrid grid;
    private final RowIndex index;
    private final RowSort sorter;
    private final WorkerPool pool;
    private final Worker[] workers;
    private final RowCounts[] counts;
    private final FiredPairs fired = new FiredPairs();
    private final CpuFragmentation fragmentation;
    private final int initialNextId;
    private final long[] boxMin;
    private final long[] boxMax;
    private final WorkerPool.Task moveTask = this::movePhase;
    private final WorkerPool.Task drawTask = this::drawPhase;
    private final WorkerPool.Task locateTask = this::locatePhase;
    private final WorkerPool.Task scatterTask = this::scatterPhase;
    private final WorkerPool.Task mergeTask = this::mergePhase;
    private final WorkerPool.Task finishTask = this::finishPhase;
    private final WorkerPool.Task fireTask = this::firePhase;
    private final WorkerPool.Task saveTask = this::savePhase;
    private final long[] phaseNanos = new long[PHASES.length];
    private int[] slotOfId = new int[0];
    private boolean listed;
    /** Particles were created since the list was built: it misses them. */
    private boolean grown;
    /** The list before the current one ended because particles were created. */
    private boolean lastEndedBySplits;
    private double reach;
    private int live;
    private long step;

    CpuSimulation(ModelSpec spec, long seed, ParticleState initial, long firstStep, int threads) {
        this.spec = spec;
        this.free = spec.freeSpace();
        this.rangeVaries = spec.rangeVaries();
        this.range2Common = PairConstants.of(spec, 1, 1).range2();
        this.particles = new Particles(initial);
        int largest = 1;
        for (int i = 0; i < initial.count(); i++) {
            largest = Math.max(largest, initial.masses()[i]);
        }
        this.tables = new MassTables(spec, largest);
        this.initialNextId = initial.nextId();
        this.fragmentation = spec.fragmentation().enabled() ? new CpuFragmentation(spec, seed, threads, initial.nextId()) : null;
        if (fragmentation != null) {
            for (int i = 0; i < initial.count(); i++) {
                fragmentation.prepare(initial.masses()[i]);
            }
        }
        this.grid = new RowGrid(spec.dim());
        this.index = new RowIndex(spec.dim(), threads);
        this.sorter = new RowSort(spec.dim(), index);
        this.workers = new Worker[threads];
        this.counts = new RowCounts[threads];
        for (int w = 0; w < threads; w++) {
            workers[w] = new Worker(spec, seed);
            counts[w] = workers[w].rows;
        }
        this.boxMin = new long[spec.dim()];
        this.boxMax = new long[spec.dim()];
        this.live = initial.count();
        this.step = firstStep;
        this.pool = new WorkerPool(threads);
    }

    @Override
    public void advance(long steps, EventSink sink) {
        for (long s = 0; s < steps; s++) {
            stepOnce(sink);
        }
    }

    private void stepOnce(EventSink sink) {
        if (particles.count() == 0) {
            step++;
            return;
        }
        if (tables.failure() != null) {
            StepLimits.replayMassTables(spec, particles.id(), particles.mass(), particles.count());
        }
        pool.sizeFor(particles.count());
        long t0 = System.nanoTime();
        pool.run(moveTask);
        long t1 = System.nanoTime();
        boolean rebuild = checkLimits();
        long t2 = System.nanoTime();
        if (rebuild) {
            rebuildList();
        }
        long t3 = System.nanoTime();
        if (!rebuild) {
            pool.run(fireTask);
        }
        long t4 = System.nanoTime();
        resolve(sink);
        long t5 = System.nanoTime();
        if (fragmentation != null) {
            int created = fragmentation.apply(pool, particles, step, sink);
            live += created;
            grown |= created > 0;
        }
        long t6 = System.nanoTime();
        phaseNanos[0] += t1 - t0;
        phaseNanos[1] += t2 - t1;
        phaseNanos[2] += t3 - t2;
        phaseNanos[3] += t4 - t3;
        phaseNanos[4] += t5 - t4;
        phaseNanos[5] += t6 - t5;
        step++;
    }

    /**
     * The limit checks on the moved state, and whether the pair list still holds every pair that
     * can be in range: no particle was created since it was built, and this step's reach plus twice
     * the farthest any particle moved since then (both ends of a pair moved) stays within the list's
     * reach.
     *
     * @return true when the list must be rebuilt
     */
    private boolean checkLimits() {
        double range = checkedRange();
        reach = PairParameters.searchReach(range, spec.domain().unit());
        if (free) {
            reduceBox();
            LimitChecks.seam(particles, spec, range, widestSigma(), boxMin, boxMax, step);
        }
        double farthest = 0;
        for (Worker w : workers) {
            farthest = Math.max(farthest, w.farthest);
        }
        return !listed || grown || Math.floor(reach) + 2 * farthest * (1 + 1e-9) + 2 > grid.reachFloor();
    }

    /**
     * Sorts the particles into rows again and lists every pair within the reach plus a skin in every
     * coordinate (testing them for this step on the way), then keeps the positions the list was
     * built from in the idle buffer. The skin is {@link #SKIN_SIGMAS} of the widest step deviation,
     * at most {@link #SKIN_REACHES} reaches: the list then lasts several steps; none when the last
     * two lists ended with splits (the list then lasts one step whatever its skin), with a new grid
     * when the current one was made for a reach twice as long.
     */
    private void rebuildList() {
        boolean splitsEveryStep = grown && lastEndedBySplits;
        lastEndedBySplits = grown;
        double skin = splitsEveryStep ? 0 : Math.min(SKIN_SIGMAS * tables.widestSigma(), SKIN_REACHES * reach);
        double listReach = Math.min(reach + skin, Math.max(reach, 0x1p62));
        boolean newGrid = !listed || grid.stale(listReach, live) || splitsEveryStep && grid.reachFloor() > 2 * listReach;
        if (!newGrid) {
            pool.run(locateTask);
            for (RowCounts c : counts) {
                newGrid |= c.outside;
            }
        }
        if (newGrid) {
            double gridReach = rangeVaries ? listReach * REACH_HEADROOM : listReach;
            if (free) {
                grid.free(gridReach, live, boxMin, boxMax);
            } else {
                grid.torus(gridReach, live);
            }
            pool.run(locateTask);
        }
        int count = sorter.plan(counts, grid);
        pool.run(scatterTask);
        pool.run(mergeTask);
        particles.swap(count);
        sorter.finish();
        pool.run(finishTask);
        pool.run(saveTask);
        listed = true;
        grown = false;
    }

    /**
     * One phase alone, for {@link CpuPhases}: 0 draws only, 1 move, 2 the list rebuild (row sort
     * and scan), 3 the listed pairs' test.
     */
    void runPhase(int phase) {
        switch (phase) {
            case 0 -> pool.run(drawTask);
            case 1 -> pool.run(moveTask);
            case 2 -> rebuildList();
            case 3 -> pool.run(fireTask);
            default -> throw new IllegalArgumentException("phase " + phase);
        }
    }

    /** @return the listed pairs as (lower id) &lt;&lt; 32 | (higher id), one entry per listing (for tests) */
    long[] listedPairs() {
        int total = 0;
        for (Worker w : workers) {
            total += w.scanner.pairCount();
        }
        long[] out = new long[total];
        int n = 0;
        int[] id = particles.id();
        for (Worker w : workers) {
            for (int e = 0; e < w.scanner.pairCount(); e++) {
                int a = id[w.scanner.pairA()[e]];
                int b = id[w.scanner.pairB()[e]];
                out[n++] = (long) Math.min(a, b) << 32 | Math.max(a, b);
            }
        }
        return out;
    }

    /** @return the reach the list was built for, whole fixed-point units (for tests) */
    long listReach() {
        return grid.reachFloor();
    }

    @Override
    public Map<String, Long> phaseNanos() {
        return PhaseTimes.of(fragmentation != null ? PHASES : java.util.Arrays.copyOf(PHASES, PHASES.length - 1), phaseNanos);
    }

    private double checkedRange() {
        if (!rangeVaries) {
            return Math.sqrt(range2Common);
        }
        double largest = 0;
        for (Worker w : workers) {
            largest = Math.max(largest, w.largestRange2);
        }
        return LimitChecks.range(particles, spec, tables, largest, step);
    }

    private double widestSigma() {
        double widest = 0;
        for (Worker w : workers) {
            widest = Math.max(widest, w.widestSigma);
        }
        return widest;
    }

    private void reduceBox() {
        for (int k = 0; k < boxMin.length; k++) {
            boxMin[k] = Long.MAX_VALUE;
            boxMax[k] = Long.MIN_VALUE;
            for (Worker w : workers) {
                boxMin[k] = Math.min(boxMin[k], w.box[k][0]);
                boxMax[k] = Math.max(boxMax[k], w.box[k][1]);
            }
        }
    }

    private int chunkStart(int w, int count) {
        return WorkerPool.chunkStart(w, workers.length, count);
    }

    private void movePhase(int w) {
        int count = particles.count();
        workers[w].move(particles, tables, step, chunkStart(w, count), chunkStart(w + 1, count), rangeVaries, free,
                listed ? particles.otherPos() : null);
    }

    private void drawPhase(int w) {
        int count = particles.count();
        workers[w].drawOnly(particles, step, chunkStart(w, count), chunkStart(w + 1, count));
    }

    private void locatePhase(int w) {
        int count = particles.count();
        workers[w].locate(particles, grid, chunkStart(w, count), chunkStart(w + 1, count));
    }

    private void scatterPhase(int w) {
        int count = particles.count();
        int to = chunkStart(w + 1, count);
        for (int t0 = chunkStart(w, count); t0 < to; t0 += Worker.LOCATE_TILE) {
            sorter.scatter(counts[w], particles.rowFace(), particles.mass(), t0, Math.min(to, t0 + Worker.LOCATE_TILE));
        }
    }

    private void mergePhase(int w) {
        RowScanner scanner = workers[w].scanner;
        scanner.begin(particles, true, grid, (long) Math.floor(reach), step);
        sorter.merge(w, particles, grid, scanner);
    }

    private void firePhase(int w) {
        workers[w].scanner.fireListed(particles, (long) Math.floor(reach), step);
    }

    /** Copies this worker's part of the positions into the idle buffer: the list's reference positions. */
    private void savePhase(int w) {
        int count = particles.count();
        int from = chunkStart(w, count);
        int to = chunkStart(w + 1, count);
        for (int k = 0; k < spec.dim(); k++) {
            System.arraycopy(particles.pos()[k], from, particles.otherPos()[k], from, to - from);
        }
    }

    private void finishPhase(int w) {
        workers[w].scanner.finish(particles, index, grid.directions());
    }

    private void resolve(EventSink sink) {
        fired.clear();
        for (Worker w : workers) {
            fired.addAll(w.scanner.fired());
        }
        if (fired.size() == 0) {
            return;
        }
        fired.sort();
        live -= MassResolver.apply(fired, CollisionOutcome.of(spec.mode()), step, particles.mass(), particles.id(), sink,
                (slot, before, after) -> {
                    if (after > 0) {
                        tables.ensure(after);
                        if (fragmentation != null) {
                            fragmentation.prepare(after);
                        }
                    }
                });
    }

    @Override
    public long stepIndex() {
        return step;
    }

    @Override
    public int liveCount() {
        return live;
    }

    @Override
    public void readState(ParticleState into) {
        int bound = particles.idBound();
        if (bound > 2L * particles.count() + 1024) {
            particles.readLive(into, null);
        } else {
            if (slotOfId.length < bound) {
                slotOfId = new int[bound];
            }
            particles.readLive(into, slotOfId);
        }
        into.setNextId(fragmentation != null ? fragmentation.nextId() : initialNextId);
    }

    @Override
    public void close() {
        pool.close();
    }
}
