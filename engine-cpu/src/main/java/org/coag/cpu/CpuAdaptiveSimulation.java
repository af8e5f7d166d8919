package org.coag.cpu;

import java.util.Map;
import org.coag.core.adaptive.AdaptiveStepper;
import org.coag.core.adaptive.AdaptiveWorker;
import org.coag.core.backend.EventSink;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.PhaseTimes;
import org.coag.core.backend.Simulation;
import org.coag.core.model.ModelSpec;
import org.coag.core.step.StepLimits;

/**
 * The adaptive scheme on the cpu backend: the reference's macro step ({@link AdaptiveStepper}) with
 * the endpoint draws in the Vector API kernels of the fixed-step move (the same draws: a macro step
 * moves a particle as one fixed step of dt would), the candidates found in a cell grid over the
 * segment midpoints ({@link MidpointScan}) and refined on all threads, each thread with its own
 * {@link AdaptiveWorker}, level by level with its node draws and screens in vector lanes
 * ({@link VectorNodeDraws}, {@link VectorPairScreens}); events are
 * resolved on one thread in the reference's order. Bit-identical to the reference by construction
 * of the shared steps and by the order-independence of bridge nodes and candidate decisions.
 *
 * <p>Slots are kept compact (the dead removed), padded by two vectors for the move kernels, and
 * sorted by cell every few macro steps; no result depends on their order.
 */
final class CpuAdaptiveSimulation implements Simulation, PhaseTimes {
    /** Macro steps between sorts of the slots by cell: a particle moves about a fifth of the spacing per macro step. */
    private static final int SORT_EVERY = 4;
    private static final String[] PHASES = {"endpoints", "segments+hash", "candidates+refine", "resolve"};
    private final ModelSpec spec;
    private ParticleState state;
    private ParticleState spare;
    private Particles view;
    private final MassTables tables;
    private final AdaptiveStepper stepper;
    private final AdaptiveWorker[] scanners;
    private final CandidateSink[] sinks;
    private final Worker[] movers;
    private final WorkerPool pool;
    private final long[] phaseNanos = new long[PHASES.length];
    private final boolean free;
    private final boolean rangeVaries;
    private final MidpointScan midpoints;
    private final int[][] cellScratch;
    private final double[] largestHalves;
    private long step;

    CpuAdaptiveSimulation(ModelSpec spec, long seed, ParticleState initial, long firstStep, int threads) {
        this.spec = spec;
        this.state = new ParticleState(spec.dim(), initial.count() + 2 * CpuVectors.LANES);
        initial.copyInto(state);
        this.spare = new ParticleState(spec.dim(), state.capacity());
        this.view = Particles.view(state);
        int largest = 1;
        for (int i = 0; i < initial.count(); i++) {
            largest = Math.max(largest, initial.masses()[i]);
        }
        this.tables = new MassTables(spec, largest);
        this.stepper = new AdaptiveStepper(spec, seed);
        this.scanners = new AdaptiveWorker[threads];
        this.movers = new Worker[threads];
        this.sinks = new CandidateSink[threads];
        for (int w = 0; w < threads; w++) {
            scanners[w] = stepper.newWorker();
            sinks[w] = scanners[w]::refineCandidate;
            scanners[w].refineByLevel(new VectorNodeDraws(spec, seed, scanners[w].paths()), new VectorPairScreens());
            movers[w] = new Worker(spec, seed);
        }
        this.pool = new WorkerPool(threads);
        this.midpoints = new MidpointScan(spec.dim(), spec.domain().unit());
        this.cellScratch = new int[threads][(int) Math.pow(3, spec.dim())];
        this.largestHalves = new double[threads];
        this.free = spec.freeSpace();
        this.rangeVaries = spec.rangeVaries();
        this.step = firstStep;
    }

    @Override
    public void advance(long steps, EventSink sink) {
        EventSink growing = (s, kind, lo, hi, ml, mh, survivor) -> {
            if (survivor >= 0) {
                tables.ensure(ml + mh);
            }
            sink.collision(s, kind, lo, hi, ml, mh, survivor);
        };
        for (long s = 0; s < steps; s++) {
            macroStep(growing);
            step++;
        }
    }

    private void macroStep(EventSink sink) {
        if (state.count() == 0) {
            return;
        }
        if (tables.failure() != null) {
            StepLimits.replayMassTables(spec, view.id(), view.mass(), view.count());
        }
        pool.sizeFor(state.count());
        long t0 = System.nanoTime();
        if (step % SORT_EVERY == 0) {
            sortByCell();
        }
        stepper.saveStart(state);
        pool.run(this::movePhase);
        double widest = 0;
        for (Worker w : movers) {
            widest = Math.max(widest, w.widestSigma);
        }
        long t1 = System.nanoTime();
        stepper.prepare(step, state, free ? widest : tables.sigma()[1]);
        pool.run(this::segmentPhase);
        double largestHalf = 0;
        for (double h : largestHalves) {
            largestHalf = Math.max(largestHalf, h);
        }
        stepper.largestHalf(largestHalf);
        midpoints.build(stepper.midpoints(), stepper.halfLengths(), state.ids(), state.masses(), state.count(), stepper.candidateReach(),
                stepper.candidateBase(), !free);
        long t2 = System.nanoTime();
        pool.run(this::scanPhase);
        long t3 = System.nanoTime();
        stepper.resolve(state, sink, scanners);
        long t4 = System.nanoTime();
        phaseNanos[0] += t1 - t0;
        phaseNanos[1] += t2 - t1;
        phaseNanos[2] += t3 - t2;
        phaseNanos[3] += t4 - t3;
    }

    /**
     * Puts the slots in cell order of the current positions (cells about one spacing wide), so that
     * neighbours, their segments and their bridge nodes sit close in memory; results do not depend
     * on slot order. Every {@link #SORT_EVERY} macro steps: the order decays slowly.
     */
    private void sortByCell() {
        int n = state.count();
        double spacing = Math.pow(spec.domain().volume(spec.dim()) / n, 1.0 / spec.dim());
        midpoints.build(state.positions(), null, state.ids(), null, n, free ? spacing : Math.min(spacing, spec.domain().side() / 4),
                0, !free);
        int[] order = midpoints.order();
        for (int a = 0; a < n; a++) {
            int i = order[a];
            spare.ids()[a] = state.ids()[i];
            spare.masses()[a] = state.masses()[i];
            for (int c = 0; c < spec.dim(); c++) {
                spare.positions()[c][a] = state.positions()[c][i];
            }
        }
        spare.setCount(n);
        ParticleState t = state;
        state = spare;
        spare = t;
        view = Particles.view(state);
    }

    private int chunkStart(int w, int count) {
        return WorkerPool.chunkStart(w, movers.length, count);
    }

    private void movePhase(int w) {
        int n = state.count();
        movers[w].move(view, tables, step, chunkStart(w, n), chunkStart(w + 1, n), rangeVaries, free, null);
    }

    private void segmentPhase(int w) {
        int n = state.count();
        largestHalves[w] = stepper.segments(chunkStart(w, n), chunkStart(w + 1, n));
    }

    private void scanPhase(int w) {
        int n = state.count();
        stepper.beginWorker(scanners[w]);
        midpoints.scan(chunkStart(w, n), chunkStart(w + 1, n), sinks[w], cellScratch[w]);
        int longs = midpoints.longCount();
        int t = movers.length;
        cellScratch[w] = midpoints.scanLong((int) ((long) longs * w / t), (int) ((long) longs * (w + 1) / t), sinks[w], cellScratch[w]);
        scanners[w].finishCandidates();
    }

    @Override
    public Map<String, Long> phaseNanos() {
        return PhaseTimes.of(PHASES, phaseNanos);
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
