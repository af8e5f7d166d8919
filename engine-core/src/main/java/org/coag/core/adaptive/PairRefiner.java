package org.coag.core.adaptive;

import org.coag.core.model.ModelSpec;
import org.coag.core.rng.CounterRng;
import org.coag.core.rng.Purpose;
import org.coag.core.step.CollisionRule;
import org.coag.core.step.PairConstants;
import org.coag.core.step.PairParameters;

/**
 * Refines one pair over part of a macro step (see {@link BridgeBound} and {@link BridgePaths}): an
 * interval whose bridge bound is below its share of the tolerance ({@link IntervalBudget}: the whole
 * tolerance for the whole span, a block of n finest steps tol n / span) is left alone, so the
 * tolerance bounds a missed collision per pair and refinement; any other is split at its
 * dyadic midpoint, down to the finest sub-intervals [q, q + 1], where the fixed-step rule applies
 * to the positions at q + 1: a pair closer than its range draws (BRIDGE_COLLIDE, macro step
 * &lt;&lt; 32 | q, lower id, higher id) and fires at q dt / top + tau when its firing time tau is
 * below the sub-interval's length. Not thread-safe: one per thread, with that thread's paths.
 */
public final class PairRefiner {
    private final ModelSpec spec;
    private final int dim;
    private final int levels;
    private final double unit;
    private final double fine;
    private final IntervalBudget budget;
    private final BridgePaths paths;
    private final PairParameters pairs;
    private final CounterRng rng;
    private final long[][] x;
    private final long[][][] node;
    private final double[] a;
    private final double[] b;
    private long macro;
    private double rho;
    private AdaptiveEvents out;

    /**
     * @param spec the model (adaptive stepping)
     * @param seed run seed
     * @param paths this thread's paths
     */
    public PairRefiner(ModelSpec spec, long seed, BridgePaths paths) {
        this.spec = spec;
        this.dim = spec.dim();
        this.levels = spec.stepping().levels();
        this.unit = spec.domain().unit();
        this.fine = StrictMath.scalb(spec.dt(), -levels);
        this.budget = new IntervalBudget(spec.stepping().tolerance());
        this.paths = paths;
        this.pairs = new PairParameters(spec);
        this.rng = new CounterRng(seed);
        this.x = new long[4][dim];
        this.node = new long[levels + 2][4][dim];
        this.a = new double[dim];
        this.b = new double[dim];
    }

    /**
     * @param macroStep the macro step index
     * @param events where fired pairs go
     */
    public void begin(long macroStep, AdaptiveEvents events) {
        this.macro = macroStep;
        this.out = events;
    }

    /** @return ln(1 / tolerance), the factor of D T in the bound's threshold */
    public double logInverseTolerance() {
        return budget.logInverseTolerance();
    }

    /**
     * Refines the pair over [from, to] (finest-grid indices): the whole interval is screened first,
     * then its canonical dyadic blocks. Both generations must have started at or before {@code from}.
     *
     * @param i slot of one particle
     * @param gi its generation
     * @param j slot of the other
     * @param gj its generation
     * @param from first finest-grid index
     * @param to last finest-grid index
     * @param ids ids by slot
     */
    public void refine(int i, int gi, int j, int gj, long from, long to, int[] ids) {
        budget.start(to - from);
        int mi = paths.massOf(i, gi);
        int mj = paths.massOf(j, gj);
        PairConstants p = pairs.of(mi, mj);
        rho = p.range();
        double diffusion = spec.diffusion().at(mi) + spec.diffusion().at(mj);
        boolean lowerIsI = ids[i] < ids[j];
        int sLo = lowerIsI ? i : j;
        int sHi = lowerIsI ? j : i;
        int gLo = lowerIsI ? gi : gj;
        int gHi = lowerIsI ? gj : gi;
        if (gLo == 0 && gHi == 0 && from == 0 && to == paths.top()) {
            long[][] ends = node[0];
            paths.position(sLo, 0, 0, ends[0]);
            paths.position(sHi, 0, 0, ends[1]);
            paths.position(sLo, 0, to, ends[2]);
            paths.position(sHi, 0, to, ends[3]);
            bisect(sLo, sHi, 0, to, ends[0], ends[1], ends[2], ends[3], 1, p, diffusion, ids);
            return;
        }
        if (screened(sLo, gLo, sHi, gHi, from, to, diffusion)) {
            return;
        }
        long first = blockSize(from, to);
        if (from + first == to) {
            split(sLo, gLo, sHi, gHi, from, to, p, diffusion, ids);
            return;
        }
        for (long ql = from; ql < to; ql += blockSize(ql, to)) {
            block(sLo, gLo, sHi, gHi, ql, ql + blockSize(ql, to), p, diffusion, ids);
        }
    }

    /**
     * Generation 0 over [ql, qr] with both particles' positions at its ends given: screened, and if
     * unsafe fired (finest) or split at the midpoint, whose nodes are drawn from the known ends, so
     * the bisection looks nothing up but the node cache. The same screens, draws and events as
     * {@link #block} and {@link #split} (the general path, for later generations and partial
     * intervals).
     */
    private void bisect(int sLo, int sHi, long ql, long qr, long[] loL, long[] hiL, long[] loR, long[] hiR, int depth, PairConstants p,
                        double diffusion, int[] ids) {
        if (safeBetween(loL, hiL, loR, hiR, qr - ql, diffusion)) {
            return;
        }
        if (qr - ql == 1) {
            fireAt(sLo, 0, sHi, 0, ql, loR, hiR, p, ids);
            return;
        }
        long mid = (ql + qr) >>> 1;
        long[] loM = node[depth][0];
        long[] hiM = node[depth][1];
        paths.node(sLo, mid, loL, loR, loM);
        paths.node(sHi, mid, hiL, hiR, hiM);
        bisect(sLo, sHi, ql, mid, loL, hiL, loM, hiM, depth + 1, p, diffusion, ids);
        bisect(sLo, sHi, mid, qr, loM, hiM, loR, hiR, depth + 1, p, diffusion, ids);
    }

    /** Starts screens of generation-0 pairs over the whole macro step ({@link LevelRefiner}). */
    void startWhole() {
        budget.start(paths.top());
    }

    /** @return ln(1 / budget) of a dyadic block of n finest steps of the whole macro step, after {@link #startWhole} */
    double logInverse(long n) {
        return budget.logInverse(n);
    }

    /** @return the length of n finest steps, the T of a screen over them */
    double length(long n) {
        return (double) n * fine;
    }

    /** The fixed-step rule of {@link #bisect} on finest sub-interval [ql, ql + 1] of a generation-0 pair. */
    void fireWhole(int sLo, int sHi, long ql, long[] lo, long[] hi, PairConstants p, int[] ids) {
        fireAt(sLo, 0, sHi, 0, ql, lo, hi, p, ids);
    }

    /** The largest dyadic block [ql, ql + size] aligned on size that fits in [ql, to]. */
    private long blockSize(long ql, long to) {
        long size = ql == 0 ? paths.top() : Long.lowestOneBit(ql);
        while (ql + size > to) {
            size >>= 1;
        }
        return size;
    }

    private void block(int sLo, int gLo, int sHi, int gHi, long ql, long qr, PairConstants p, double diffusion, int[] ids) {
        if (!screened(sLo, gLo, sHi, gHi, ql, qr, diffusion)) {
            split(sLo, gLo, sHi, gHi, ql, qr, p, diffusion, ids);
        }
    }

    /** An interval known to be unsafe: fire on a finest one, else refine both halves. */
    private void split(int sLo, int gLo, int sHi, int gHi, long ql, long qr, PairConstants p, double diffusion, int[] ids) {
        if (qr - ql == 1) {
            fire(sLo, gLo, sHi, gHi, ql, p, ids);
            return;
        }
        long mid = (ql + qr) >>> 1;
        block(sLo, gLo, sHi, gHi, ql, mid, p, diffusion, ids);
        block(sLo, gLo, sHi, gHi, mid, qr, p, diffusion, ids);
    }

    private boolean screened(int sLo, int gLo, int sHi, int gHi, long ql, long qr, double diffusion) {
        paths.position(sLo, gLo, ql, x[0]);
        paths.position(sHi, gHi, ql, x[1]);
        paths.position(sLo, gLo, qr, x[2]);
        paths.position(sHi, gHi, qr, x[3]);
        return safeBetween(x[0], x[1], x[2], x[3], qr - ql, diffusion);
    }

    /**
     * The screen of {@link BridgeBound#safe} for finest-grid length n, from the four end positions,
     * with the range of the pair being refined.
     */
    private boolean safeBetween(long[] loL, long[] hiL, long[] loR, long[] hiR, long n, double diffusion) {
        for (int k = 0; k < dim; k++) {
            a[k] = (double) (loL[k] - hiL[k]) * unit;
            b[k] = (double) (loR[k] - hiR[k]) * unit;
        }
        return BridgeBound.safe(a, b, dim, rho, diffusion * length(n), budget.logInverse(n));
    }

    private void fire(int sLo, int gLo, int sHi, int gHi, long ql, PairConstants p, int[] ids) {
        paths.position(sLo, gLo, ql + 1, x[2]);
        paths.position(sHi, gHi, ql + 1, x[3]);
        fireAt(sLo, gLo, sHi, gHi, ql, x[2], x[3], p, ids);
    }

    /** The fixed-step rule on finest sub-interval [ql, ql + 1], with the positions at its end. */
    private void fireAt(int sLo, int gLo, int sHi, int gHi, long ql, long[] lo, long[] hi, PairConstants p, int[] ids) {
        double r2 = 0;
        for (int k = 0; k < dim; k++) {
            r2 = CollisionRule.addAxis(r2, lo[k] - hi[k], unit);
        }
        int idLo = ids[sLo];
        int idHi = ids[sHi];
        double tau = CollisionRule.fire(p, spec.kernel(), r2, rng, Purpose.BRIDGE_COLLIDE, (macro << 32) | ql, idLo, idHi, fine);
        if (tau != CollisionRule.NO_FIRE) {
            out.add((double) ql * fine + tau, idLo, idHi, sLo, sHi, rng.uniform1(), ql, gLo, gHi);
        }
    }
}
