package org.coag.core.step;

import org.coag.core.backend.EventSink;
import org.coag.core.backend.ParticleState;
import org.coag.core.model.ModelSpec;
import org.coag.core.rng.CounterRng;
import org.coag.core.rng.Purpose;
import org.coag.core.space.CandidatePairs;
import org.coag.core.space.SpatialHash;

/**
 * The fixed-step scheme (docs/model.md), scalar (the reference every backend's fixed step is tested
 * against, bit for bit), step s from s dt to (s+1) dt:
 * <ol>
 *   <li>move: every live particle adds {@code rint(sigma(m) z_k)} to coordinate k, z_k the k-th
 *       normal of (MOVE, s, id) ({@link MoveParameters}); in free space a particle within one
 *       interaction range plus one largest step of the seam stops the run ({@link StepLimits});</li>
 *   <li>hash: rebuild the {@link SpatialHash} with cells at least the largest live range wide;</li>
 *   <li>scan: every pair (lower id, higher id) closer than its range is tested by the pair rule
 *       ({@link CollisionRule#fire}, purpose COLLIDE, window dt);</li>
 *   <li>resolve the fired pairs in the order of {@link FiredPairs} ({@link MassResolver} with the
 *       model's {@link CollisionOutcome}), then drop the dead ({@link ParticleState#removeEmpty},
 *       relative order kept);</li>
 *   <li>fragment (with {@code [model.fragmentation]}): {@link FragmentationRule#apply}, new particles
 *       appended in increasing parent id.</li>
 * </ol>
 */
public final class FixedStepper implements Scheme {
    private final ModelSpec spec;
    private final int dim;
    private final CounterRng rng;
    private final SpatialHash hash;
    private final PairParameters pairs;
    private final MoveParameters moves;
    private final CollisionOutcome outcome;
    private final FiredPairs fired = new FiredPairs();
    private final double[] normals;
    private final CandidatePairs candidates;
    private final FragmentationRule fragmentation;
    private ParticleState state;
    private long step;

    /**
     * @param spec the model
     * @param seed run seed
     */
    public FixedStepper(ModelSpec spec, long seed) {
        this.spec = spec;
        this.dim = spec.dim();
        this.rng = new CounterRng(seed);
        this.hash = new SpatialHash(dim);
        this.pairs = new PairParameters(spec);
        this.moves = new MoveParameters(spec);
        this.outcome = CollisionOutcome.of(spec.mode());
        this.normals = new double[dim + 1];
        this.candidates = new CandidatePairs(dim);
        this.fragmentation = spec.fragmentation().enabled() ? new FragmentationRule(spec) : null;
    }

    @Override
    public void step(long s, ParticleState particles, EventSink sink) {
        this.state = particles;
        this.step = s;
        double widestStep = moves.moveAll(rng, state, step, normals);
        double range = StepLimits.largestRange(spec, pairs, state, step);
        if (spec.freeSpace()) {
            StepLimits.checkSeam(spec, state, StepLimits.seamGuard(range, widestStep, spec.domain().unit()), step);
        }
        fired.clear();
        hash.build(state.positions(), state.count(), SpatialHash.cellBitsFor(spec.domain().side(), range));
        candidates.scan(hash, state.positions(), state.ids(), state.count(), PairParameters.searchReach(range, spec.domain().unit()),
                this::testPair);
        if (fired.size() > 0) {
            fired.sort();
            MassResolver.apply(fired, outcome, step, state.masses(), state.ids(), sink, null);
            state.removeEmpty();
        }
        if (fragmentation != null) {
            fragmentation.apply(rng, step, state, sink);
        }
    }

    /** Pair (i, j) with id(i) &lt; id(j). */
    private void testPair(int i, int j) {
        double unit = spec.domain().unit();
        long[][] pos = state.positions();
        double r2 = 0;
        for (int k = 0; k < dim; k++) {
            r2 = CollisionRule.addAxis(r2, pos[k][i] - pos[k][j], unit);
        }
        int idLo = state.ids()[i];
        int idHi = state.ids()[j];
        double tau = CollisionRule.fire(pairs.of(state.masses()[i], state.masses()[j]), spec.kernel(), r2, rng, Purpose.COLLIDE, step,
                idLo, idHi, spec.dt());
        if (tau != CollisionRule.NO_FIRE) {
            fired.add(tau, idLo, idHi, i, j, rng.uniform1());
        }
    }
}
