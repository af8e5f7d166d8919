package org.coag.core.adaptive;

import org.coag.core.model.ModelSpec;
import org.coag.core.space.CandidatePairs;
import org.coag.core.space.SpatialHash;
import org.coag.core.step.PairParameters;

/**
 * One thread's share of a macro step's candidate pairs: its own paths (node cache), refiner,
 * pair tables and events, over the segments every worker shares. Workers agree on every node and
 * every decision, so any split of the pairs among them gives the same events.
 */
public final class AdaptiveWorker {
    private final ModelSpec spec;
    private final int dim;
    private final double unit;
    private final MacroSegments seg;
    private final BridgePaths paths;
    private final PairRefiner refiner;
    private final PairParameters pairs;
    private final CandidatePairs candidates;
    private final AdaptiveEvents events = new AdaptiveEvents();
    private LevelRefiner levels;
    /** The last pair of masses {@link #refineCandidate} saw (lower id first; 0 before the first), with its range, D and delta. */
    private int lastMassLo;
    private int lastMassHi;
    private double lastRho;
    private double lastDiffusion;
    private double lastDelta;
    private double lastWholeDt;

    AdaptiveWorker(ModelSpec spec, long seed, MacroSegments seg) {
        this.spec = spec;
        this.dim = spec.dim();
        this.unit = spec.domain().unit();
        this.seg = seg;
        this.paths = new BridgePaths(spec, seed);
        this.refiner = new PairRefiner(spec, seed, paths);
        this.pairs = new PairParameters(spec);
        this.candidates = new CandidatePairs(dim);
    }

    /**
     * From now on refines the candidates level by level ({@link LevelRefiner}), their nodes drawn
     * by {@code draws} and their intervals screened by {@code screens}: {@link #refineCandidate}
     * only keeps the pairs, {@link #finishCandidates} refines them. The same events as pair by pair.
     *
     * @param draws this thread's node draws (e.g. vectorised), over {@link #paths()}
     * @param screens this thread's batch screens (e.g. vectorised)
     */
    public void refineByLevel(NodeDraws draws, PairScreens screens) {
        levels = new LevelRefiner(spec, paths, refiner, draws, screens);
    }

    /** Refines the pairs kept since {@link #begin} (level by level only; else nothing to do). */
    public void finishCandidates() {
        if (levels != null) {
            levels.finish();
        }
    }

    /** Starts the macro step of the shared segments: empty cache, no events. */
    void begin() {
        paths.begin(seg.macro, seg.ids, seg.mass, seg.start, seg.end);
        refiner.begin(seg.macro, events);
        events.clear();
    }

    /** @return this worker's bridge paths */
    public BridgePaths paths() {
        return paths;
    }

    PairRefiner refiner() {
        return refiner;
    }

    PairParameters pairs() {
        return pairs;
    }

    CandidatePairs candidates() {
        return candidates;
    }

    /** @return the events this worker found */
    public AdaptiveEvents events() {
        return events;
    }

    /**
     * Refines every candidate pair whose lower-id member's slot lies in [from, to).
     *
     * @param hash the shared hash over the midpoints, cells at least {@code reach} wide
     * @param from first slot
     * @param to end slot
     * @param reach the search reach, physical units
     */
    public void scan(SpatialHash hash, int from, int to, double reach) {
        candidates.scan(hash, seg.mid, seg.ids, from, to, reach / unit, this::refineCandidate);
    }

    /**
     * Refines the pair over the whole macro step when {@link BridgeBound#candidate} says it may meet
     * (computed with the lower-id member first, so the slots may come in either order).
     *
     * @param first a slot
     * @param second another slot
     */
    public void refineCandidate(int first, int second) {
        double d2 = 0;
        for (int c = 0; c < dim; c++) {
            double dx = (double) (seg.mid[c][first] - seg.mid[c][second]) * unit;
            d2 += dx * dx;
        }
        refineCandidate(first, second, d2);
    }

    /**
     * {@link #refineCandidate(int, int)} with the squared distance of the midpoints already known.
     *
     * @param first a slot
     * @param second another slot
     * @param midDistance2 sum over k of ((double) (mid_k(first) - mid_k(second)) * unit)^2, in
     *                     increasing k (the same double with the slots swapped)
     */
    public void refineCandidate(int first, int second, double midDistance2) {
        refineCandidate(first, second, seg.ids[first], seg.ids[second], seg.mass[first], seg.mass[second],
                seg.half[first], seg.half[second], midDistance2);
    }

    /**
     * {@link #refineCandidate(int, int, double)} with the two slots' ids, masses and half-lengths
     * already read (the values {@link MacroSegments} holds for them), for a search that keeps its
     * own copies in its own order.
     *
     * @param first a slot
     * @param second another slot
     * @param firstId ids[first]
     * @param secondId ids[second]
     * @param firstMass mass[first] at the macro step's start
     * @param secondMass mass[second]
     * @param firstHalf half[first], physical units
     * @param secondHalf half[second]
     * @param midDistance2 as for {@link #refineCandidate(int, int, double)}
     */
    public void refineCandidate(int first, int second, int firstId, int secondId, int firstMass, int secondMass,
                                double firstHalf, double secondHalf, double midDistance2) {
        boolean ordered = firstId < secondId;
        int i = ordered ? first : second;
        int j = ordered ? second : first;
        int mi = ordered ? firstMass : secondMass;
        int mj = ordered ? secondMass : firstMass;
        double hi = ordered ? firstHalf : secondHalf;
        double hj = ordered ? secondHalf : firstHalf;
        if (mi != lastMassLo || mj != lastMassHi) {
            lastMassLo = mi;
            lastMassHi = mj;
            lastRho = pairs.of(mi, mj).range();
            lastDiffusion = spec.diffusion().at(mi) + spec.diffusion().at(mj);
            lastDelta = delta(lastDiffusion, 1);
            lastWholeDt = lastDiffusion * refiner.length(paths.top());
        }
        if (!BridgeBound.candidate(midDistance2, lastRho, lastDelta, hi, hj)) {
            return;
        }
        if (dim == 3 && BridgeBound.passageSafeThroughMidpoints(midDistance2, lastRho, lastWholeDt,
                refiner.logInverseTolerance(), hi, hj)) {
            return;
        }
        if (levels != null) {
            levels.add(i, j, lastRho, lastDiffusion);
        } else {
            refiner.refine(i, 0, j, 0, 0, paths.top(), seg.ids);
        }
    }

    /**
     * @param diffusion D = d(n) + d(m) of a pair
     * @param fraction the part of the macro step
     * @return sqrt(D T ln(1/tol)), T = fraction * dt
     */
    double delta(double diffusion, double fraction) {
        return Math.sqrt(diffusion * fraction * spec.dt() * refiner.logInverseTolerance());
    }
}
