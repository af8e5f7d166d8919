package org.coag.core.reference;

import org.coag.core.adaptive.AdaptiveStepper;
import org.coag.core.backend.EventSink;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.model.Domain;
import org.coag.core.model.Mode;
import org.coag.core.model.ModelSpec;
import org.coag.core.rng.CounterRng;
import org.coag.core.rng.Purpose;
import org.coag.core.space.CandidatePairs;
import org.coag.core.space.SpatialHash;
import org.coag.core.step.CollisionRule;
import org.coag.core.step.FiredPairs;
import org.coag.core.step.MoveParameters;
import org.coag.core.step.PairParameters;
import org.coag.core.step.StepLimits;

/**
 * The fixed-step scheme of DESIGN.md, step s (time s dt to (s+1) dt), or with time.scheme =
 * "adaptive" the macro steps of {@link AdaptiveStepper}:
 * <ol>
 *   <li>move: every live particle adds {@code rint(sigma(m) z_k)} to coordinate k, z_k the k-th
 *       normal of (MOVE, s, id); in free space a particle within one interaction range plus one
 *       largest step of the seam
 *       stops the run;</li>
 *   <li>hash: rebuild the {@link SpatialHash} with cells at least the largest live range wide;</li>
 *   <li>scan: every pair closer than its range draws (COLLIDE, s, lo, hi) and fires if its firing
 *       time is below dt ({@link CollisionRule});</li>
 *   <li>resolve fired pairs in the order of {@link FiredPairs}, then compact the live slots
 *       (relative order kept).</li>
 * </ol>
 */
final class ReferenceSimulation implements Simulation {
    private final ModelSpec spec;
    private final int dim;
    private final ParticleState state;
    private final CounterRng rng;
    private final SpatialHash hash;
    private final PairParameters pairs;
    private final MoveParameters moves;
    private final FiredPairs fired = new FiredPairs();
    private final double[] normals;
    private final CandidatePairs candidates;
    private boolean[] dead;
    private final AdaptiveStepper adaptive;
    private long step;

    ReferenceSimulation(ModelSpec spec, long seed, ParticleState initial, long firstStep) {
        this.spec = spec;
        this.dim = spec.dim();
        this.state = initial.copy();
        this.rng = new CounterRng(seed);
        this.hash = new SpatialHash(dim);
        this.pairs = new PairParameters(spec);
        this.moves = new MoveParameters(spec);
        this.normals = new double[dim + 1];
        this.candidates = new CandidatePairs(dim);
        this.dead = new boolean[state.capacity()];
        this.adaptive = spec.stepping().adaptive() ? new AdaptiveStepper(spec, seed) : null;
        this.step = firstStep;
    }

    @Override
    public void advance(long steps, EventSink sink) {
        for (long s = 0; s < steps; s++) {
            if (adaptive != null) {
                adaptive.step(step++, state, sink);
                continue;
            }
            double widestStep = moves.moveAll(rng, state, step, normals);
            double range = StepLimits.largestRange(spec, pairs, state, step);
            if (spec.domain().type() == Domain.Type.FREE) {
                StepLimits.checkSeam(spec, state, StepLimits.seamGuard(range, widestStep, spec.domain().unit()), step);
            }
            scan(range);
            resolve(sink);
            step++;
        }
    }

    private void scan(double range) {
        fired.clear();
        hash.build(state.positions(), state.count(), SpatialHash.cellBitsFor(spec.domain().side(), range));
        candidates.scan(hash, state.positions(), state.ids(), state.count(), PairParameters.searchReach(range, spec.domain().unit()), this::testPair);
    }

    /** Pair (i, j) with id(i) < id(j): range test, then the firing draw. */
    private void testPair(int i, int j) {
        double unit = spec.domain().unit();
        double r2 = 0;
        for (int k = 0; k < dim; k++) {
            double dx = (double) (state.positions()[k][i] - state.positions()[k][j]) * unit;
            r2 += dx * dx;
        }
        double[] p = pairs.of(state.masses()[i], state.masses()[j]);
        if (!(r2 < p[0])) {
            return;
        }
        double rate = p[2] * spec.kernel().value(r2 * p[1]);
        if (!(rate > 0)) {
            return;
        }
        int idLo = state.ids()[i];
        int idHi = state.ids()[j];
        rng.block(Purpose.COLLIDE, step, idLo, idHi);
        double tau = CollisionRule.firingTime(rng.uniform0(), rate);
        if (tau < spec.dt()) {
            fired.add(tau, idLo, idHi, i, j, rng.uniform1());
        }
    }

    private void resolve(EventSink sink) {
        if (fired.size() == 0) {
            return;
        }
        fired.sort();
        int[] mass = state.masses();
        for (int r = 0; r < fired.size(); r++) {
            int e = fired.at(r);
            int a = fired.lowerSlot(e);
            int b = fired.higherSlot(e);
            if (dead[a] || dead[b]) {
                continue;
            }
            if (spec.mode() == Mode.ANNIHILATION) {
                sink.collision(step, fired.lowerId(e), fired.higherId(e), mass[a], mass[b], -1);
                dead[a] = true;
                dead[b] = true;
                continue;
            }
            boolean lowerWins = CollisionRule.lowerSurvives(fired.survivorDraw(e), mass[a], mass[b]);
            int survivor = lowerWins ? a : b;
            int victim = lowerWins ? b : a;
            sink.collision(step, fired.lowerId(e), fired.higherId(e), mass[a], mass[b], state.ids()[survivor]);
            mass[survivor] += mass[victim];
            dead[victim] = true;
        }
        compact();
    }

    private void compact() {
        int live = 0;
        long[][] pos = state.positions();
        for (int i = 0; i < state.count(); i++) {
            if (dead[i]) {
                dead[i] = false;
                continue;
            }
            state.ids()[live] = state.ids()[i];
            state.masses()[live] = state.masses()[i];
            for (int k = 0; k < dim; k++) {
                pos[k][live] = pos[k][i];
            }
            live++;
        }
        state.setCount(live);
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
    }
}
