package org.coag.core.adaptive;

import java.util.PriorityQueue;
import org.coag.core.backend.EventSink;
import org.coag.core.backend.ParticleState;
import org.coag.core.model.ModelSpec;
import org.coag.core.rng.CounterRng;
import org.coag.core.space.SpatialHash;
import org.coag.core.step.CollisionOutcome;
import org.coag.core.step.MoveParameters;
import org.coag.core.step.PairParameters;
import org.coag.core.step.Scheme;
import org.coag.core.step.StepLimits;

/**
 * One macro step of the adaptive scheme (docs/model.md, "The adaptive scheme"), macro step k from k dt to
 * (k+1) dt:
 * <ol>
 *   <li>endpoints: every live particle's end position is drawn exactly as a fixed step of length
 *       dt would move it (MOVE, k, id); in free space the seam check of the fixed scheme;</li>
 *   <li>candidates: pairs whose straight segments come close enough that the bridge bound may
 *       exceed the tolerance ({@link BridgeBound#candidate}) are refined over the whole macro step
 *       ({@link PairRefiner}); every other pair is safe by the same bound;</li>
 *   <li>resolution: the fired pairs in (time, lower id, higher id) order, first event wins; in
 *       coagulation the survivor takes a new path generation from the end of the finest
 *       sub-interval it fired in and its pairs are refined again from there ({@link SurvivorRefit}),
 *       so a merged particle moves on with its new diffusivity; an event found on a path generation
 *       that was replaced before the event's sub-interval ended is dropped;</li>
 *   <li>end: every survivor is at the end of its last path generation; the dead are compacted
 *       (relative slot order kept).</li>
 * </ol>
 * The reference backend runs all of it with {@link #step}; a parallel backend draws the endpoints
 * and splits the candidate scan among {@link #newWorker workers} its own way (any split gives the
 * same events), then calls {@link #resolve}.
 */
public final class AdaptiveStepper implements Scheme {
    private final ModelSpec spec;
    private final long seed;
    private final int dim;
    private final double unit;
    private final CounterRng rng;
    private final MoveParameters moves;
    private final PairParameters pairs;
    private final CollisionOutcome outcome;
    private final MacroSegments seg = new MacroSegments();
    private final AdaptiveWorker main;
    private final SurvivorRefit refit;
    private final SpatialHash hash;
    private final double[] normals;
    private boolean[] dead = new boolean[0];
    private double hashReach;
    private double rangeMax;
    private double diffusionMax;

    /**
     * @param spec the model (adaptive stepping)
     * @param seed run seed
     */
    public AdaptiveStepper(ModelSpec spec, long seed) {
        this.spec = spec;
        this.seed = seed;
        this.dim = spec.dim();
        this.unit = spec.domain().unit();
        this.rng = new CounterRng(seed);
        this.moves = new MoveParameters(spec);
        this.pairs = new PairParameters(spec);
        this.outcome = CollisionOutcome.of(spec.mode());
        this.main = new AdaptiveWorker(spec, seed, seg);
        this.refit = new SurvivorRefit(spec, seg, main);
        this.hash = new SpatialHash(dim);
        this.normals = new double[dim + 1];
    }

    /** @return a worker for a thread of a parallel backend (call {@link #beginWorker} each macro step) */
    public AdaptiveWorker newWorker() {
        return new AdaptiveWorker(spec, seed, seg);
    }

    /**
     * The whole macro step, scalar: what the reference backend runs.
     *
     * @param k macro step index
     * @param state live particles (slots 0..count-1); moved, merged and compacted in place
     * @param sink collisions, reported with step index k
     */
    @Override
    public void step(long k, ParticleState state, EventSink sink) {
        saveStart(state);
        begin(k, state, moves.moveAll(rng, state, k, normals));
        double reach = candidateReach();
        ensureHash(reach);
        main.scan(hash, 0, state.count(), reach);
        resolve(state, sink);
    }

    /**
     * Keeps the start positions of the macro step; call before the endpoints are drawn.
     *
     * @param state the particles at the start
     */
    public void saveStart(ParticleState state) {
        startBuffer(state);
        for (int c = 0; c < dim; c++) {
            System.arraycopy(state.positions()[c], 0, seg.start[c], 0, state.count());
        }
    }

    private void startBuffer(ParticleState state) {
        if (seg.start.length != dim || seg.start[0].length < state.capacity()) {
            seg.start = new long[dim][state.capacity()];
            seg.mid = new long[dim][state.capacity()];
            seg.half = new double[state.capacity()];
            seg.mass = new int[state.capacity()];
            dead = new boolean[state.capacity()];
        }
    }

    /**
     * Starts macro step k once the start positions are saved ({@link #saveStart}) and the end positions
     * in {@code state}: checks the seam (free space), computes the segments, clears the events.
     *
     * @param k macro step index
     * @param state live particles at their generation-0 end positions
     * @param widestSigma the largest per-coordinate sigma of the endpoint draws, fixed-point units
     */
    public void begin(long k, ParticleState state, double widestSigma) {
        prepare(k, state, widestSigma);
        largestHalf(segments(0, state.count()));
    }

    /**
     * {@link #begin} without the segments: a backend then computes them with {@link #segments}
     * (on as many threads as it likes, over disjoint slot ranges) and hands their largest
     * half-length to {@link #largestHalf} before anything reads them.
     *
     * @param k macro step index
     * @param state live particles at their generation-0 end positions
     * @param widestSigma the largest per-coordinate sigma of the endpoint draws, fixed-point units
     */
    public void prepare(long k, ParticleState state, double widestSigma) {
        int n = state.count();
        startBuffer(state);
        seg.macro = k;
        seg.count = n;
        seg.ids = state.ids();
        seg.end = state.positions();
        rangeMax = StepLimits.largestRange(spec, pairs, state, k);
        diffusionMax = largestDiffusion(state);
        if (spec.freeSpace()) {
            StepLimits.checkSeam(spec, state, StepLimits.seamGuard(rangeMax, widestSigma, unit), k);
        }
        System.arraycopy(state.masses(), 0, seg.mass, 0, n);
        main.begin();
        refit.begin();
        hashReach = -1;
    }

    /**
     * The straight segments of slots [from, to): midpoints and half-lengths ({@link MacroSegments}).
     *
     * @param from first slot
     * @param to end slot
     * @return the largest half-length among them, physical units (0 if none)
     */
    public double segments(int from, int to) {
        double largest = 0;
        for (int i = from; i < to; i++) {
            double len2 = 0;
            for (int c = 0; c < dim; c++) {
                long d = seg.end[c][i] - seg.start[c][i];
                seg.mid[c][i] = seg.start[c][i] + (d >> 1);
                double dx = (double) d * unit;
                len2 += dx * dx;
            }
            seg.half[i] = 0.5 * Math.sqrt(len2);
            largest = Math.max(largest, seg.half[i]);
        }
        return largest;
    }

    /** @param largest the largest half-length of this macro step's segments (the maximum of {@link #segments}) */
    public void largestHalf(double largest) {
        seg.largestHalf = largest;
    }

    /**
     * @param worker a worker of {@link #newWorker}
     */
    public void beginWorker(AdaptiveWorker worker) {
        worker.begin();
    }

    /**
     * The candidate search reach of this macro step: the largest range plus delta for the largest
     * D over the whole step plus twice the largest half-length (times {@link BridgeBound#SEARCH_MARGIN}).
     *
     * @return the reach, physical units
     */
    public double candidateReach() {
        return (candidateBase() + 2 * seg.largestHalf) * BridgeBound.SEARCH_MARGIN;
    }

    /**
     * @return the largest range plus delta for the largest D over the whole macro step: a pair is a
     *         candidate only if its midpoints are closer than (this + h_i + h_j) times the margin
     */
    public double candidateBase() {
        return rangeMax + main.delta(2 * diffusionMax, 1);
    }

    /** @return the segment midpoints of this macro step [dim][slot] */
    public long[][] midpoints() {
        return seg.mid;
    }

    /** @return the segment half-lengths of this macro step, physical units */
    public double[] halfLengths() {
        return seg.half;
    }

    private void ensureHash(double reach) {
        if (reach > hashReach) {
            hash.build(seg.mid, seg.count, SpatialHash.cellBitsFor(spec.domain().side(), reach));
            hashReach = reach;
        }
    }

    /**
     * Applies the events of the main worker and of {@code workers} in order (with redraws and
     * re-refinement of survivors), moves every survivor to its path's end, compacts the dead.
     *
     * @param state the particles of {@link #begin}
     * @param sink collisions
     * @param workers the parallel workers whose events to include
     */
    public void resolve(ParticleState state, EventSink sink, AdaptiveWorker... workers) {
        AdaptiveEvents events = main.events();
        for (AdaptiveWorker w : workers) {
            events.addAll(w.events());
        }
        BridgePaths paths = main.paths();
        int[] mass = state.masses();
        int[] ids = state.ids();
        PriorityQueue<Integer> queue = new PriorityQueue<>((x, y) -> x.equals(y) ? 0 : events.before(x, y) ? -1 : 1);
        for (int e = 0; e < events.size(); e++) {
            queue.add(e);
        }
        while (!queue.isEmpty()) {
            int e = queue.poll();
            int a = events.lowerSlot(e);
            int b = events.higherSlot(e);
            if (dead[a] || dead[b] || stale(a, events.lowerGeneration(e), e) || stale(b, events.higherGeneration(e), e)) {
                continue;
            }
            int who = outcome.survivor(events.survivorDraw(e), mass[a], mass[b]);
            if (who == CollisionOutcome.NONE) {
                sink.collision(seg.macro, outcome.kind(), ids[a], ids[b], mass[a], mass[b], -1);
                dead[a] = true;
                dead[b] = true;
                continue;
            }
            int survivor = who == CollisionOutcome.LOWER ? a : b;
            int victim = who == CollisionOutcome.LOWER ? b : a;
            sink.collision(seg.macro, outcome.kind(), ids[a], ids[b], mass[a], mass[b], ids[survivor]);
            mass[survivor] += mass[victim];
            dead[victim] = true;
            long junction = events.interval(e) + 1;
            if (junction < paths.top()) {
                int before = events.size();
                rangeMax = Math.max(rangeMax, pairs.of(mass[survivor], mass[survivor]).range());
                diffusionMax = Math.max(diffusionMax, spec.diffusion().at(mass[survivor]));
                double reach = refit.redraw(survivor, mass[survivor], junction, rangeMax, diffusionMax);
                ensureHash(reach);
                refit.refit(survivor, mass[survivor], junction, hash, reach, dead);
                for (int f = before; f < events.size(); f++) {
                    queue.add(f);
                }
            }
        }
        finish(state, paths);
    }

    /** An event found on generation g of a slot is stale when a later generation starts before its sub-interval ends. */
    private boolean stale(int slot, int g, int e) {
        BridgePaths paths = main.paths();
        return paths.generation(slot) > g && paths.junction(slot, g + 1) < main.events().interval(e) + 1;
    }

    private void finish(ParticleState state, BridgePaths paths) {
        long[][] pos = state.positions();
        long[] x = new long[dim];
        for (int i = 0; i < state.count(); i++) {
            if (dead[i]) {
                dead[i] = false;
                state.masses()[i] = 0;
                continue;
            }
            int g = paths.generation(i);
            if (g > 0) {
                paths.position(i, g, paths.top(), x);
                for (int c = 0; c < dim; c++) {
                    pos[c][i] = x[c];
                }
            }
        }
        state.removeEmpty();
    }

    private double largestDiffusion(ParticleState state) {
        double d = 0;
        for (int i = 0; i < state.count(); i++) {
            d = Math.max(d, spec.diffusion().at(state.masses()[i]));
        }
        return d;
    }
}
