package org.coag.cpu;

import java.util.Map;
import org.coag.core.backend.EventSink;
import org.coag.core.backend.PhaseTimes;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.model.Domain;
import org.coag.core.model.Mode;
import org.coag.core.model.ModelSpec;
import org.coag.core.step.StepLimits;
import org.coag.core.step.FiredPairs;
import org.coag.core.step.MassResolver;
import org.coag.core.step.PairParameters;

/**
 * The fixed-step scheme of the reference backend (same draws, same decisions, same resolution
 * order), organised for SIMD and threads. One step:
 * <ol>
 *   <li>move (parallel, vector): tiles of Philox blocks, AS241 normals, fixed-point increments;
 *       each worker notes the largest live sigma and range and, in free space, its bounding box;</li>
 *   <li>checks (master): the range and seam limits, exactly as the reference words them
 *       ({@link LimitChecks});</li>
 *   <li>grid and sort (parallel): a {@link CellGrid} at least one search reach wide; the live
 *       particles are sorted by cell and gathered into the other buffer in that order, the dead of
 *       the last step dropped ({@link CellSort});</li>
 *   <li>scan (parallel): the half-shell scan of {@link PairScanner} (a vector pre-filter, then
 *       runs of cell rows; the generic neighbour-cell scan when a torus side has under 3 cells),
 *       fired pairs per worker;</li>
 *   <li>resolve (master): merged, sorted by (tau, lower id, higher id), applied; the dead get mass 0
 *       and leave at the next sort.</li>
 * </ol>
 * Slots are in cell order, not id order; {@link #readState} returns id order.
 */
final class CpuSimulation implements Simulation, PhaseTimes {
    private static final String[] PHASES = {"move", "checks+grid", "cell index+count", "sort", "pair scan", "resolve"};
    private final ModelSpec spec;
    private final boolean free;
    private final boolean rangeVaries;
    private final double range2Common;
    private final Particles particles;
    private final MassTables tables;
    private final CellGrid grid;
    private final CellSort sorter;
    private final RowShell shell;
    private final WorkerPool pool;
    private final Worker[] workers;
    private final FiredPairs fired = new FiredPairs();
    private final long[] boxMin;
    private final long[] boxMax;
    private final WorkerPool.Task moveTask = this::movePhase;
    private final WorkerPool.Task drawTask = this::drawPhase;
    private final WorkerPool.Task cellTask = this::cellPhase;
    private final WorkerPool.Task stageTask = this::stagePhase;
    private final WorkerPool.Task placeTask = this::placePhase;
    private final WorkerPool.Task scanTask = this::scanPhase;
    private final WorkerPool.Task gatherTask = this::gatherPhase;
    private final long[] phaseNanos = new long[PHASES.length];
    private int[] cell = new int[0];
    private int[] slotOfId = new int[0];
    private int live;
    private int sorted;
    private double bound2;
    private long step;

    CpuSimulation(ModelSpec spec, long seed, ParticleState initial, long firstStep, int threads) {
        this.spec = spec;
        this.free = spec.domain().type() == Domain.Type.FREE;
        this.rangeVaries = spec.radii() != null;
        double[] p = new double[3];
        PairParameters.compute(spec, 1, 1, p, 0);
        this.range2Common = p[0];
        this.particles = new Particles(initial);
        int largest = 1;
        for (int i = 0; i < initial.count(); i++) {
            largest = Math.max(largest, initial.masses()[i]);
        }
        this.tables = new MassTables(spec, largest);
        this.grid = new CellGrid(spec.dim());
        this.sorter = new CellSort(threads);
        this.shell = new RowShell(spec.dim());
        this.workers = new Worker[threads];
        for (int w = 0; w < threads; w++) {
            workers[w] = new Worker(spec, seed);
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
        long t0 = System.nanoTime();
        pool.run(moveTask);
        long t1 = System.nanoTime();
        checkAndGrid();
        long t2 = System.nanoTime();
        pool.run(cellTask);
        long t3 = System.nanoTime();
        sortByCell();
        long t4 = System.nanoTime();
        pool.run(scanTask);
        long t5 = System.nanoTime();
        resolve(sink);
        long t6 = System.nanoTime();
        phaseNanos[0] += t1 - t0;
        phaseNanos[1] += t2 - t1;
        phaseNanos[2] += t3 - t2;
        phaseNanos[3] += t4 - t3;
        phaseNanos[4] += t5 - t4;
        phaseNanos[5] += t6 - t5;
        step++;
    }

    /** The limit checks on the moved state and the cell grid for it (sized for the sort). */
    private void checkAndGrid() {
        double range = checkedRange();
        double reach = PairParameters.searchReach(range, spec.domain().unit());
        if (free) {
            reduceBox();
            LimitChecks.seam(particles, spec, range, widestSigma(), boxMin, boxMax, step);
            grid.free(reach, live, boxMin, boxMax);
        } else {
            grid.torus(reach, live);
        }
        if (cell.length < particles.count()) {
            cell = new int[particles.count()];
        }
        sorter.prepare(particles.count(), grid.total());
    }

    /** After the cell pass: the counting sort by cell and the gather into the other buffer. */
    private void sortByCell() {
        int sorted = sorter.offsets();
        pool.run(stageTask);
        pool.run(placeTask);
        this.sorted = sorted;
        pool.run(gatherTask);
        particles.swap(sorted);
    }

    /** One phase alone, for {@link CpuPhases}: 0 draws only, 1 move, 2 grid + index + sort, 3 pair scan. */
    void runPhase(int phase) {
        switch (phase) {
            case 0 -> pool.run(drawTask);
            case 1 -> pool.run(moveTask);
            case 2 -> {
                checkAndGrid();
                pool.run(cellTask);
                sortByCell();
            }
            case 3 -> pool.run(scanTask);
            default -> throw new IllegalArgumentException("phase " + phase);
        }
    }

    @Override
    public Map<String, Long> phaseNanos() {
        return PhaseTimes.of(PHASES, phaseNanos);
    }

    private double checkedRange() {
        if (!rangeVaries) {
            bound2 = range2Common;
            return Math.sqrt(range2Common);
        }
        double largest = 0;
        for (Worker w : workers) {
            largest = Math.max(largest, w.largestRange2);
        }
        bound2 = largest;
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
        workers[w].move(particles, tables, step, chunkStart(w, count), chunkStart(w + 1, count), rangeVaries, free);
    }

    private void drawPhase(int w) {
        int count = particles.count();
        workers[w].drawOnly(particles, step, chunkStart(w, count), chunkStart(w + 1, count));
    }

    private void cellPhase(int w) {
        int count = particles.count();
        grid.cellsOf(particles.pos(), chunkStart(w, count), chunkStart(w + 1, count), cell);
        sorter.count(particles, cell, w, chunkStart(w, count), chunkStart(w + 1, count));
    }

    private void stagePhase(int w) {
        int count = particles.count();
        sorter.stage(particles, cell, w, chunkStart(w, count), chunkStart(w + 1, count));
    }

    private void placePhase(int w) {
        sorter.place(cell, w);
    }

    private void gatherPhase(int w) {
        sorter.gather(particles, chunkStart(w, sorted), chunkStart(w + 1, sorted));
    }

    private void scanPhase(int w) {
        int from = chunkStart(w, sorted);
        int to = chunkStart(w + 1, sorted);
        if (grid.halfShell()) {
            workers[w].scanner.scanRows(particles, grid, shell, sorter.cellStart(), sorter.sortedCell(), from, to, bound2, step);
        } else {
            workers[w].scanner.scan(particles, grid, sorter.cellStart(), from, to, step);
        }
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
        live -= MassResolver.apply(fired, spec.mode(), step, particles.mass(), particles.id(), sink,
                (slot, before, after) -> {
                    if (after > 0) {
                        tables.ensure(after);
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
        if (slotOfId.length < bound) {
            slotOfId = new int[bound];
        }
        particles.readLive(into, slotOfId);
    }

    @Override
    public void close() {
        pool.close();
    }
}
