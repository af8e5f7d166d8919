package org.coag.core.adaptive;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.coag.core.backend.EventSink;
import org.coag.core.backend.ParticleState;
import org.coag.core.model.Domain;
import org.coag.core.model.Mode;
import org.coag.core.model.ModelSpec;
import org.coag.core.rng.CounterRng;
import org.coag.core.rng.Purpose;
import org.coag.core.space.CandidatePairs;
import org.coag.core.space.SpatialHash;
import org.coag.core.step.CollisionRule;
import org.coag.core.step.MoveParameters;
import org.coag.core.step.PairParameters;
import org.coag.core.step.StepLimits;

/**
 * One macro step of the adaptive scheme (DESIGN.md "Adaptive stepping"), macro step k from k dt to
 * (k+1) dt:
 * <ol>
 *   <li>endpoints: every live particle's end position is drawn exactly as a fixed step of length
 *       dt would move it (MOVE, k, id); in free space the seam check of the fixed scheme;</li>
 *   <li>candidates: pairs whose straight segments come close enough that the bridge bound may
 *       exceed the tolerance ({@link BridgeBound#candidate}) are refined over the whole macro step
 *       ({@link PairRefiner}); every other pair is safe by the same bound;</li>
 *   <li>resolution: the fired pairs in (time, lower id, higher id) order, first event wins; in
 *       coagulation the survivor takes a new path generation from the end of the finest sub-interval
 *       it fired in ({@link BridgePaths#redraw}) and its pairs are refined again from there (the
 *       candidates of its new segment among the segments of the others), so a merged particle moves
 *       on with its new diffusivity; an event found on a path generation that has since been
 *       replaced before the event's sub-interval is dropped;</li>
 *   <li>end: every survivor is at the end of its last path generation; the dead are compacted.</li>
 * </ol>
 * The reference backend runs all of it with {@link #step}; a parallel backend finds the candidates
 * its own way (any superset of the pairs {@link BridgeBound#candidate} accepts gives the same
 * events) and shares {@link #begin}, {@link #refineCandidate} and {@link #resolve}.
 */
public final class AdaptiveStepper {
    private final ModelSpec spec;
    private final int dim;
    private final double unit;
    private final CounterRng rng;
    private final MoveParameters moves;
    private final PairParameters pairs;
    private final BridgePaths paths;
    private final PairRefiner refiner;
    private final AdaptiveEvents events = new AdaptiveEvents();
    private final SpatialHash hash;
    private final CandidatePairs candidates;
    private final double[] normals;
    private long[][] start = new long[0][0];
    private long[][] mid = new long[0][0];
    private double[] half = new double[0];
    private int[] mass0 = new int[0];
    private boolean[] dead = new boolean[0];
    private final List<Integer> redrawnSlots = new ArrayList<>();
    private double largestHalf;
    private double hashReach;
    private int count;
    private long macro;

    /**
     * @param spec the model (adaptive stepping)
     * @param seed run seed
     */
    public AdaptiveStepper(ModelSpec spec, long seed) {
        this.spec = spec;
        this.dim = spec.dim();
        this.unit = spec.domain().unit();
        this.rng = new CounterRng(seed);
        this.moves = new MoveParameters(spec);
        this.pairs = new PairParameters(spec);
        this.paths = new BridgePaths(spec, seed);
        this.refiner = new PairRefiner(spec, seed, paths);
        this.hash = new SpatialHash(dim);
        this.candidates = new CandidatePairs(dim);
        this.normals = new double[dim + 1];
    }

    /**
     * The whole macro step, scalar: what the reference backend runs.
     *
     * @param k macro step index
     * @param state live particles (slots 0..count-1); moved, merged and compacted in place
     * @param sink collisions, reported with step index k
     */
    public void step(long k, ParticleState state, EventSink sink) {
        saveStart(state);
        double widest = 0;
        long[][] pos = state.positions();
        for (int i = 0; i < state.count(); i++) {
            rng.normals(Purpose.MOVE, k, state.ids()[i], dim, normals);
            double sigma = moves.sigmaFixed(state.masses()[i]);
            widest = Math.max(widest, sigma);
            for (int c = 0; c < dim; c++) {
                pos[c][i] += MoveParameters.increment(sigma, normals[c]);
            }
        }
        begin(k, state, start, widest);
        double reach = (largestRange(state) + delta(2 * largestDiffusion(state), 1) + 2 * largestHalf) * BridgeBound.MARGIN;
        ensureHash(reach);
        candidates.scan(hash, mid, state.ids(), state.count(), reach / unit, (i, j) -> refineCandidate(i, j, state.ids()));
        resolve(state, sink);
    }

    private void saveStart(ParticleState state) {
        if (start.length != dim || start[0].length < state.count()) {
            start = new long[dim][state.capacity()];
        }
        for (int c = 0; c < dim; c++) {
            System.arraycopy(state.positions()[c], 0, start[c], 0, state.count());
        }
    }

    /**
     * Starts macro step k once the end positions are in {@code state} and the start positions in
     * {@code startPos}: checks the seam (free space), computes the segments' midpoints and
     * half-lengths, clears the events.
     *
     * @param k macro step index
     * @param state live particles at their generation-0 end positions
     * @param startPos their start positions [dim][slot]
     * @param widestSigma the largest per-coordinate sigma of the endpoint draws, fixed-point units
     */
    public void begin(long k, ParticleState state, long[][] startPos, double widestSigma) {
        macro = k;
        int n = state.count();
        count = n;
        hashReach = -1;
        if (mid.length != dim || mid[0].length < n) {
            mid = new long[dim][state.capacity()];
            half = new double[state.capacity()];
            mass0 = new int[state.capacity()];
            dead = new boolean[state.capacity()];
        }
        long[][] pos = state.positions();
        if (spec.domain().type() == Domain.Type.FREE) {
            checkSeam(state, StepLimits.seamGuard(largestRange(state), widestSigma, unit));
        }
        largestHalf = 0;
        for (int i = 0; i < n; i++) {
            double len2 = 0;
            for (int c = 0; c < dim; c++) {
                long d = pos[c][i] - startPos[c][i];
                mid[c][i] = startPos[c][i] + (d >> 1);
                double dx = (double) d * unit;
                len2 += dx * dx;
            }
            half[i] = 0.5 * Math.sqrt(len2);
            largestHalf = Math.max(largestHalf, half[i]);
        }
        System.arraycopy(state.masses(), 0, mass0, 0, n);
        paths.begin(k, state.ids(), mass0, startPos, pos);
        refiner.begin(k, events);
        events.clear();
        redrawnSlots.clear();
    }

    /** @return the macro step's segment midpoints [dim][slot] (valid after {@link #begin}) */
    public long[][] midpoints() {
        return mid;
    }

    /** @return the segments' half-lengths by slot, physical units */
    public double[] halfLengths() {
        return half;
    }

    /** @return the events found so far in this macro step (a parallel backend adds its threads' here) */
    public AdaptiveEvents events() {
        return events;
    }

    /**
     * @param diffusion D = d(n) + d(m) of a pair
     * @param fraction the part of the macro step
     * @return sqrt(D T ln(1/tol)), T = fraction * dt
     */
    public double delta(double diffusion, double fraction) {
        return Math.sqrt(diffusion * fraction * spec.dt() * refiner.logInverseTolerance());
    }

    /**
     * Tests a pair of slots with {@link BridgeBound#candidate} and refines it over the whole macro step
     * if it is one; for the reference and for a parallel backend's workers (each with its own
     * stepper, paths and events, whose midpoints come from the same {@link #begin}).
     *
     * @param i a slot
     * @param j another slot
     * @param ids ids by slot
     */
    public void refineCandidate(int i, int j, int[] ids) {
        double d2 = 0;
        for (int c = 0; c < dim; c++) {
            double dx = (double) (mid[c][i] - mid[c][j]) * unit;
            d2 += dx * dx;
        }
        double rho = Math.sqrt(pairs.of(mass0[i], mass0[j])[0]);
        double diffusion = spec.diffusion().at(mass0[i]) + spec.diffusion().at(mass0[j]);
        if (BridgeBound.candidate(d2, rho, delta(diffusion, 1), half[i], half[j])) {
            refiner.refine(i, 0, j, 0, 0, paths.top(), ids);
        }
    }

    /**
     * Applies the events in order (with redraws and re-refinement of survivors), moves every survivor
     * to its path's end, and compacts the dead away.
     *
     * @param state the particles of {@link #begin}
     * @param sink collisions
     */
    public void resolve(ParticleState state, EventSink sink) {
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
            if (spec.mode() == Mode.ANNIHILATION) {
                sink.collision(macro, ids[a], ids[b], mass[a], mass[b], -1);
                dead[a] = true;
                dead[b] = true;
                continue;
            }
            boolean lowerWins = CollisionRule.lowerSurvives(events.survivorDraw(e), mass[a], mass[b]);
            int survivor = lowerWins ? a : b;
            int victim = lowerWins ? b : a;
            sink.collision(macro, ids[a], ids[b], mass[a], mass[b], ids[survivor]);
            mass[survivor] += mass[victim];
            dead[victim] = true;
            long junction = events.interval(e) + 1;
            if (junction < paths.top()) {
                int before = events.size();
                redrawAndRefine(state, survivor, junction);
                for (int f = before; f < events.size(); f++) {
                    queue.add(f);
                }
            }
        }
        finish(state);
    }

    /** An event found on generation g of a slot is stale when a later generation starts before its sub-interval ends. */
    private boolean stale(int slot, int g, int e) {
        return paths.generation(slot) > g && paths.junction(slot, g + 1) < events.interval(e) + 1;
    }

    private void redrawAndRefine(ParticleState state, int s, long junction) {
        paths.redraw(s, junction, state.masses()[s]);
        redrawnSlots.add(s);
        int g = paths.generation(s);
        long[] from = new long[dim];
        long[] to = new long[dim];
        paths.position(s, g, junction, from);
        paths.position(s, g, paths.top(), to);
        long[] middle = new long[dim];
        double len2 = 0;
        for (int c = 0; c < dim; c++) {
            long d = to[c] - from[c];
            middle[c] = from[c] + (d >> 1);
            double dx = (double) d * unit;
            len2 += dx * dx;
        }
        double h = 0.5 * Math.sqrt(len2);
        double fraction = (double) (paths.top() - junction) / (double) paths.top();
        double reach = (largestRange(state) + delta(2 * largestDiffusion(state), fraction) + h + largestHalf) * BridgeBound.MARGIN;
        List<Integer> near = new ArrayList<>();
        ensureHash(reach);
        candidates.near(hash, mid, middle, reach / unit, near::add);
        for (int j : redrawnSlots) {
            if (!near.contains(j)) {
                near.add(j);
            }
        }
        near.sort(Integer::compare);
        for (int j : near) {
            if (j == s || dead[j]) {
                continue;
            }
            int gj = paths.generation(j);
            long[] mj = gj == 0 ? column(mid, j) : segmentMiddle(j, gj, junction);
            double hj = gj == 0 ? half[j] : segmentHalf(j, gj, junction);
            double d2 = 0;
            for (int c = 0; c < dim; c++) {
                double dx = (double) (middle[c] - mj[c]) * unit;
                d2 += dx * dx;
            }
            int ms = state.masses()[s];
            int mOther = paths.massOf(j, gj);
            double rho = Math.sqrt(pairs.of(ms, mOther)[0]);
            double diffusion = spec.diffusion().at(ms) + spec.diffusion().at(mOther);
            if (BridgeBound.candidate(d2, rho, delta(diffusion, fraction), h, hj)) {
                refiner.refine(s, g, j, gj, junction, paths.top(), state.ids());
            }
        }
    }

    /** The hash over the midpoints, with cells at least {@code reach} wide (rebuilt only to widen them). */
    private void ensureHash(double reach) {
        if (reach > hashReach) {
            hash.build(mid, count, SpatialHash.cellBitsFor(spec.domain().side(), reach));
            hashReach = reach;
        }
    }

    private long[] column(long[][] a, int j) {
        long[] v = new long[dim];
        for (int c = 0; c < dim; c++) {
            v[c] = a[c][j];
        }
        return v;
    }

    /** Midpoint of a redrawn slot's segment from max(its junction, t) to its end. */
    private long[] segmentMiddle(int j, int g, long t) {
        long[] from = new long[dim];
        long[] to = new long[dim];
        paths.position(j, g, Math.max(paths.junction(j, g), t), from);
        paths.position(j, g, paths.top(), to);
        for (int c = 0; c < dim; c++) {
            from[c] += (to[c] - from[c]) >> 1;
        }
        return from;
    }

    private double segmentHalf(int j, int g, long t) {
        long[] from = new long[dim];
        long[] to = new long[dim];
        paths.position(j, g, Math.max(paths.junction(j, g), t), from);
        paths.position(j, g, paths.top(), to);
        double len2 = 0;
        for (int c = 0; c < dim; c++) {
            double dx = (double) (to[c] - from[c]) * unit;
            len2 += dx * dx;
        }
        return 0.5 * Math.sqrt(len2);
    }

    private void finish(ParticleState state) {
        long[][] pos = state.positions();
        long[] x = new long[dim];
        int live = 0;
        for (int i = 0; i < state.count(); i++) {
            if (dead[i]) {
                dead[i] = false;
                continue;
            }
            paths.position(i, paths.generation(i), paths.top(), x);
            state.ids()[live] = state.ids()[i];
            state.masses()[live] = state.masses()[i];
            for (int c = 0; c < dim; c++) {
                pos[c][live] = x[c];
            }
            live++;
        }
        state.setCount(live);
    }

    private double largestRange(ParticleState state) {
        if (spec.radii() == null) {
            return Math.sqrt(pairs.of(1, 1)[0]);
        }
        double r2 = 0;
        int widest = 1;
        for (int i = 0; i < state.count(); i++) {
            double v = pairs.of(state.masses()[i], state.masses()[i])[0];
            if (v > r2) {
                r2 = v;
                widest = state.masses()[i];
            }
        }
        double range = Math.sqrt(r2);
        if (!(range < spec.domain().side() / 2)) {
            throw StepLimits.rangeTooLarge(widest, range, macro, spec.domain().side());
        }
        return range;
    }

    private double largestDiffusion(ParticleState state) {
        double d = 0;
        for (int i = 0; i < state.count(); i++) {
            d = Math.max(d, spec.diffusion().at(state.masses()[i]));
        }
        return d;
    }

    private void checkSeam(ParticleState state, double guard) {
        Domain d = spec.domain();
        double limit = d.side() / 2 - guard;
        for (int i = 0; i < state.count(); i++) {
            for (int c = 0; c < dim; c++) {
                if (Math.abs(d.toPhysical(state.positions()[c][i])) >= limit) {
                    throw StepLimits.seamReached(state.ids()[i], d.side(), macro);
                }
            }
        }
    }
}
