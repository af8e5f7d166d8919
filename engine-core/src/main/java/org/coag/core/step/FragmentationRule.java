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
    private long[] fired = new long[16];

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
     * Applies the step's splits to the state (after its coagulations and compaction).
     *
     * @param rng the run's generator
     * @param step the step
     * @param state the live particles; grown as needed, new particles appended
     * @param sink receives one event per split
     * @return the number of splits
     */
    public int apply(CounterRng rng, long step, ParticleState state, EventSink sink) {
        int count = state.count();
        int splits = 0;
        for (int i = 0; i < count; i++) {
            int k = state.masses()[i];
            double lambda = rate(k);
            if (!(lambda > 0)) {
                continue;
            }
            rng.block(Purpose.FRAGMENT, step, state.ids()[i], 0);
            if (CollisionRule.firingTime(rng.uniform0(), lambda) < spec.dt()) {
                if (splits == fired.length) {
                    fired = Arrays.copyOf(fired, 2 * splits);
                }
                fired[splits++] = ((long) state.ids()[i] << 32) | i;
            }
        }
        if (splits == 0) {
            return 0;
        }
        Arrays.sort(fired, 0, splits);
        state.ensureCapacity(count + splits);
        double[] y = new double[spec.dim()];
        for (int s = 0; s < splits; s++) {
            int slot = (int) fired[s];
            int id = (int) (fired[s] >>> 32);
            int k = state.masses()[slot];
            rng.block(Purpose.FRAGMENT, step, id, 0);
            int kept = keptMass(k, rng.uniform1());
            int added = k - kept;
            int newId = state.nextId();
            if (newId == Integer.MAX_VALUE) {
                throw new ModelException("fragmentation: particle ids are exhausted (2^31 - 1 particles created)");
            }
            state.setNextId(newId + 1);
            placement(rng, step, id, y);
            double scale = spec.rangeUnit(kept, added) / spec.domain().unit();
            long[][] pos = state.positions();
            for (int a = 0; a < y.length; a++) {
                pos[a][count] = pos[a][slot] + (long) Math.rint(y[a] * scale);
            }
            state.ids()[count] = newId;
            state.masses()[count] = added;
            state.masses()[slot] = kept;
            count++;
            sink.collision(step, EventKind.FRAGMENTATION, id, newId, kept, added, id);
        }
        state.setCount(count);
        return splits;
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
