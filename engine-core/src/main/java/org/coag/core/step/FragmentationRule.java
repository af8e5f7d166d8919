package org.coag.core.step;

import java.util.Arrays;
import org.coag.core.backend.EventSink;
import org.coag.core.backend.ParticleState;
import org.coag.core.model.DoiKernel;
import org.coag.core.model.Fragmentation;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.coag.core.model.RadialKernel;
import org.coag.core.rng.CounterRng;
import org.coag.core.rng.Purpose;
import org.coag.core.theory.fragmentation.DualFragmentation;

/**
 * The split rule of the fixed-step scheme, the one home of fragmentation (docs/fragmentation.md).
 * After a step's coagulations, every live particle of mass k &gt;= 2 with total split rate
 * lambda_k &gt; 0 draws the Philox block (FRAGMENT, step, id, 0) giving u0, u1; it splits iff
 * {@code -log(1 - u0) / lambda_k < dt} ({@link CollisionRule#firingTime}, probability
 * 1 - exp(-lambda_k dt)). It keeps mass n, the smallest with {@code u1 lambda_k < sum_(j<=n) F(j, k-j)}
 * (F the split rates, summed in increasing j), and a new particle of mass k - n appears at
 * {@code parent + rint(y u(n, k-n) / fixed-point unit)} per axis, y drawn with density proportional
 * to V(|y|^2) on |y| &lt; support by rejection: trial t uses the blocks (FRAGMENT, step, id,
 * 1 + t B .. B + t B), B = ceil((d+1)/2), their uniforms in order as y_k = support (2u - 1) for
 * k = 0..d-1 and an acceptance uniform a; accepted iff |y|^2 &lt; support^2 and a vmax &lt; V(|y|^2)
 * (the Doi kernel: always inside the ball).
 *
 * <p>New ids: the splits of a step are applied in increasing parent id, the k-th getting
 * {@code nextId + k} ({@link ParticleState#nextId}), so ids do not depend on slot order, backend or
 * thread count. Each split is one {@link EventKind#FRAGMENTATION} event (parent, new id, kept mass,
 * new mass).
 *
 * <p>Two parts, so that a backend with its own layout runs the same code: {@link #screen} (per
 * particle, any slot range, any thread) collects the fired (id, slot) pairs; {@link FiredSplits#sort}
 * puts them in parent-id order; {@link #apply(CounterRng, long, FiredSplits, int, SplitTarget, EventSink)}
 * applies them serially to a {@link SplitTarget}. The reference's
 * {@link #apply(CounterRng, long, ParticleState, EventSink)} is the three on its {@link ParticleState}.
 */
public final class FragmentationRule {
    private static final int VMAX_GRID = 4096;
    private static final double VMAX_MARGIN = 1.01;

    private final ModelSpec spec;
    private final Fragmentation law;
    private final DualFragmentation dual;
    private final double vmax;
    private final int blocksPerTrial;
    private double[][] cumulative = new double[0][];
    private final FiredSplits fired = new FiredSplits();

    /** @param spec the model, with fragmentation enabled */
    public FragmentationRule(ModelSpec spec) {
        this.spec = spec;
        this.law = spec.fragmentation();
        this.dual = law.rule() == Fragmentation.Rule.DUAL ? new DualFragmentation(spec, law.equilibrium()) : null;
        this.vmax = kernelBound(spec.kernel());
        this.blocksPerTrial = (spec.dim() + 2) / 2;
    }

    private static double kernelBound(RadialKernel v) {
        if (v instanceof DoiKernel) {
            return v.value(0);
        }
        double s2 = v.support() * v.support();
        double max = 0;
        for (int i = 0; i < VMAX_GRID; i++) {
            max = Math.max(max, v.value(s2 * i / VMAX_GRID));
        }
        return max * VMAX_MARGIN;
    }

    /**
     * @param k a mass &gt;= 2
     * @return cumulative[n-1] = sum_(j&lt;=n) F(j, k-j), n = 1..k-1; the last entry is lambda_k
     */
    double[] splits(int k) {
        if (k >= cumulative.length) {
            cumulative = Arrays.copyOf(cumulative, Math.max(k + 1, 2 * cumulative.length));
        }
        double[] c = cumulative[k];
        if (c == null) {
            c = new double[k - 1];
            double sum = 0;
            for (int n = 1; n < k; n++) {
                sum += law.rule() == Fragmentation.Rule.DUAL ? dual.splitRate(n, k - n) : law.rate().at(k) / (k - 1);
                c[n - 1] = sum;
            }
            cumulative[k] = c;
        }
        return c;
    }

    /**
     * @param k a mass
     * @return lambda_k, the total split rate (0 for k = 1)
     */
    public double rate(int k) {
        return k < 2 ? 0 : splits(k)[k - 2];
    }

    /**
     * @param k the parent's mass, &gt;= 2
     * @param u1 uniform in (0, 1)
     * @return the kept mass n in 1..k-1
     */
    public int keptMass(int k, double u1) {
        double[] c = splits(k);
        double target = u1 * c[k - 2];
        for (int n = 1; n < k - 1; n++) {
            if (target < c[n - 1]) {
                return n;
            }
        }
        return k - 1;
    }

    /**
     * Leaves the split rates of a mass computed, so that {@link #screen} and {@link #rate} only read
     * for it: a backend that screens from several threads prepares every mass present first.
     *
     * @param k a mass
     */
    public void prepare(int k) {
        if (k >= 2) {
            splits(k);
        }
    }

    /**
     * The screen of slots [from, to): the firing test of every particle of mass &gt;= 2 (block
     * (FRAGMENT, step, id, 0), u0). Per particle, so it may run in chunks on several threads, each
     * with its own generator and list; from several threads, {@link #prepare} every mass present
     * first (the screen then writes nothing shared).
     *
     * @param rng a generator of the run's seed (its block is overwritten)
     * @param step the step
     * @param ids ids by slot
     * @param masses masses by slot (0: a dead slot, skipped)
     * @param from first slot
     * @param to end slot
     * @param out receives (id, slot) of each particle that splits this step
     */
    public void screen(CounterRng rng, long step, int[] ids, int[] masses, int from, int to, FiredSplits out) {
        for (int i = from; i < to; i++) {
            double lambda = rate(masses[i]);
            if (!(lambda > 0)) {
                continue;
            }
            rng.block(Purpose.FRAGMENT, step, ids[i], 0);
            if (CollisionRule.firingTime(rng.uniform0(), lambda) < spec.dt()) {
                out.add(ids[i], i);
            }
        }
    }

    /**
     * Applies the step's splits to the state (after its coagulations and compaction): the screen of
     * every slot, then {@link #apply(CounterRng, long, FiredSplits, int, SplitTarget, EventSink)},
     * new particles appended in increasing parent id.
     *
     * @param rng the run's generator
     * @param step the step
     * @param state the live particles; grown as needed, new particles appended
     * @param sink receives one event per split
     * @return the number of splits
     */
    public int apply(CounterRng rng, long step, ParticleState state, EventSink sink) {
        fired.clear();
        screen(rng, step, state.ids(), state.masses(), 0, state.count(), fired);
        if (fired.size() == 0) {
            return 0;
        }
        fired.sort();
        state.ensureCapacity(state.count() + fired.size());
        int splits = apply(rng, step, fired, state.nextId(), new Appending(state), sink);
        state.setNextId(state.nextId() + splits);
        return splits;
    }

    /**
     * Applies screened splits, serially, in the order given: per split the kept mass (u1 of block
     * (FRAGMENT, step, id, 0)), the placement by rejection, the new id, the event; the split rates
     * of both products are then {@link #prepare prepared}.
     *
     * @param rng the run's generator
     * @param step the step
     * @param sorted the step's fired splits, sorted ({@link FiredSplits#sort})
     * @param firstId the id of the first new particle (the state's next id); the k-th split gets
     *        firstId + k
     * @param target the layout that receives the splits
     * @param sink receives one event per split
     * @return the number of splits (the caller's next id advances by it)
     */
    public int apply(CounterRng rng, long step, FiredSplits sorted, int firstId, SplitTarget target, EventSink sink) {
        double[] y = new double[spec.dim()];
        long[] position = new long[spec.dim()];
        for (int s = 0; s < sorted.size(); s++) {
            int slot = sorted.slot(s);
            int id = sorted.id(s);
            int k = target.mass(slot);
            rng.block(Purpose.FRAGMENT, step, id, 0);
            int kept = keptMass(k, rng.uniform1());
            int added = k - kept;
            if ((long) firstId + s >= Integer.MAX_VALUE) {
                throw new ModelException("fragmentation: particle ids are exhausted (2^31 - 1 particles created)");
            }
            int newId = firstId + s;
            placement(rng, step, id, y);
            double scale = spec.rangeUnit(kept, added) / spec.domain().unit();
            for (int a = 0; a < y.length; a++) {
                position[a] = target.coordinate(a, slot) + (long) Math.rint(y[a] * scale);
            }
            target.split(slot, kept, newId, added, position);
            prepare(kept);
            prepare(added);
            sink.collision(step, EventKind.FRAGMENTATION, id, newId, kept, added, id);
        }
        return sorted.size();
    }

    /** The reference layout: new particles appended after the live slots (capacity ensured by the caller). */
    private record Appending(ParticleState state) implements SplitTarget {
        @Override
        public int mass(int slot) {
            return state.masses()[slot];
        }

        @Override
        public long coordinate(int axis, int slot) {
            return state.positions()[axis][slot];
        }

        @Override
        public void split(int slot, int kept, int newId, int newMass, long[] position) {
            int at = state.count();
            state.masses()[slot] = kept;
            state.ids()[at] = newId;
            state.masses()[at] = newMass;
            for (int a = 0; a < position.length; a++) {
                state.positions()[a][at] = position[a];
            }
            state.setCount(at + 1);
        }
    }

    /** y with density proportional to V(|y|^2) on the support ball, in kernel units. */
    private void placement(CounterRng rng, long step, int id, double[] y) {
        RadialKernel v = spec.kernel();
        double support = v.support();
        double[] u = new double[2 * blocksPerTrial];
        for (int trial = 0; ; trial++) {
            for (int b = 0; b < blocksPerTrial; b++) {
                rng.block(Purpose.FRAGMENT, step, id, 1 + trial * blocksPerTrial + b);
                u[2 * b] = rng.uniform0();
                u[2 * b + 1] = rng.uniform1();
            }
            double r2 = 0;
            for (int a = 0; a < y.length; a++) {
                y[a] = support * (2 * u[a] - 1);
                r2 += y[a] * y[a];
            }
            if (r2 < support * support && u[y.length] * vmax < v.value(r2)) {
                return;
            }
        }
    }
}
