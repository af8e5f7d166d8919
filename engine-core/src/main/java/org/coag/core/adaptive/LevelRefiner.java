package org.coag.core.adaptive;

import java.util.Arrays;
import org.coag.core.model.ModelSpec;
import org.coag.core.step.PairParameters;

/**
 * The bisection of {@link PairRefiner} for the generation-0 candidate pairs of a macro step, level
 * by level instead of pair by pair: every pair whose whole-step screen fails is kept, then all the
 * unsafe intervals of one dyadic level have their midpoint nodes drawn in one batch
 * ({@link NodeDraws}, which a backend may vectorise) and their halves screened; the unsafe halves
 * make the next level, and unsafe finest sub-intervals fire. The same screens, nodes and fired
 * pairs as the depth-first {@link PairRefiner} (a node depends only on its key and its parent's
 * ends; events are sorted before they are applied), found in another order. Not thread-safe: one
 * per worker.
 *
 * <p>Each level is a list of intervals, all n finest steps long, in parallel arrays: slots, start
 * index, the pair's range and D, its {@link PairParameters} entry, and the four end positions
 * {@code pos[i * 4 dim + e * dim + k]}, e = lower at start, higher at start, lower at end, higher
 * at end.
 */
public final class LevelRefiner {
    private final ModelSpec spec;
    private final int dim;
    private final long top;
    private final BridgePaths paths;
    private final PairRefiner refiner;
    private final PairParameters pairs;
    private final NodeDraws draws;
    private final long[][] x;
    private Level current = new Level();
    private Level next = new Level();
    private int[] slot = new int[0];
    private long[] q = new long[0];
    private long[] left = new long[0];
    private long[] right = new long[0];
    private long[] mid = new long[0];
    private int[] ids;

    /** One level's unsafe intervals. */
    private static final class Level {
        int count;
        int[] lo = new int[0];
        int[] hi = new int[0];
        long[] start = new long[0];
        double[] rho = new double[0];
        double[] diffusion = new double[0];
        double[][] params = new double[0][];
        long[] pos = new long[0];

        void ensure(int n, int stride) {
            if (n > lo.length) {
                int c = Math.max(n, 2 * lo.length);
                lo = Arrays.copyOf(lo, c);
                hi = Arrays.copyOf(hi, c);
                start = Arrays.copyOf(start, c);
                rho = Arrays.copyOf(rho, c);
                diffusion = Arrays.copyOf(diffusion, c);
                params = Arrays.copyOf(params, c);
                pos = Arrays.copyOf(pos, c * stride);
            }
        }
    }

    LevelRefiner(ModelSpec spec, BridgePaths paths, PairRefiner refiner, NodeDraws draws) {
        this.spec = spec;
        this.dim = spec.dim();
        this.top = paths.top();
        this.paths = paths;
        this.refiner = refiner;
        this.pairs = new PairParameters(spec);
        this.draws = draws;
        this.x = new long[4][dim];
    }

    /**
     * Screens a generation-0 candidate pair over the whole macro step and keeps it if unsafe.
     *
     * @param sLo slot of the member with the lower id
     * @param sHi slot of the other
     * @param ids ids by slot
     */
    void add(int sLo, int sHi, int[] ids) {
        this.ids = ids;
        int mLo = paths.massOf(sLo, 0);
        int mHi = paths.massOf(sHi, 0);
        double[] p = pairs.of(mLo, mHi);
        double rho = Math.sqrt(p[0]);
        double diffusion = spec.diffusion().at(mLo) + spec.diffusion().at(mHi);
        paths.position(sLo, 0, 0, x[0]);
        paths.position(sHi, 0, 0, x[1]);
        paths.position(sLo, 0, top, x[2]);
        paths.position(sHi, 0, top, x[3]);
        refiner.startWhole();
        if (refiner.safeWhole(x[0], x[1], x[2], x[3], top, rho, diffusion)) {
            return;
        }
        Level l = current;
        int i = l.count++;
        l.ensure(l.count, 4 * dim);
        l.lo[i] = sLo;
        l.hi[i] = sHi;
        l.start[i] = 0;
        l.rho[i] = rho;
        l.diffusion[i] = diffusion;
        l.params[i] = p;
        for (int e = 0; e < 4; e++) {
            System.arraycopy(x[e], 0, l.pos, (4 * i + e) * dim, dim);
        }
    }

    /** Refines every pair kept by {@link #add} down the levels; their events go to the refiner's list. */
    void finish() {
        refiner.startWhole();
        for (long n = top; current.count > 0; n >>= 1) {
            if (n == 1) {
                fireAll();
                break;
            }
            drawMidpoints(n >> 1);
            splitAll(n >> 1);
            Level t = current;
            current = next;
            next = t;
        }
        current.count = 0;
    }

    private void fireAll() {
        Level l = current;
        for (int i = 0; i < l.count; i++) {
            copy(l.pos, 4 * i + 2, x[2]);
            copy(l.pos, 4 * i + 3, x[3]);
            refiner.fireWhole(l.lo[i], l.hi[i], l.start[i], x[2], x[3], l.params[i], ids);
        }
    }

    private void drawMidpoints(long half) {
        Level l = current;
        int n = 2 * l.count;
        if (slot.length < n) {
            slot = new int[n];
            q = new long[n];
            left = new long[n * dim];
            right = new long[n * dim];
            mid = new long[n * dim];
        }
        for (int i = 0; i < l.count; i++) {
            for (int side = 0; side < 2; side++) {
                int r = 2 * i + side;
                slot[r] = side == 0 ? l.lo[i] : l.hi[i];
                q[r] = l.start[i] + half;
                System.arraycopy(l.pos, (4 * i + side) * dim, left, r * dim, dim);
                System.arraycopy(l.pos, (4 * i + 2 + side) * dim, right, r * dim, dim);
            }
        }
        draws.draw(n, slot, q, left, right, mid);
    }

    /** Screens both halves of every interval of the current level; the unsafe ones make the next. */
    private void splitAll(long half) {
        Level l = current;
        next.count = 0;
        for (int i = 0; i < l.count; i++) {
            copy(l.pos, 4 * i, x[0]);
            copy(l.pos, 4 * i + 1, x[1]);
            copy(mid, 2 * i, x[2]);
            copy(mid, 2 * i + 1, x[3]);
            keepIfUnsafe(l, i, l.start[i], half);
            copy(mid, 2 * i, x[0]);
            copy(mid, 2 * i + 1, x[1]);
            copy(l.pos, 4 * i + 2, x[2]);
            copy(l.pos, 4 * i + 3, x[3]);
            keepIfUnsafe(l, i, l.start[i] + half, half);
        }
    }

    /** Screens [start, start + n] of interval i's pair with the ends in x; appends it to the next level if unsafe. */
    private void keepIfUnsafe(Level l, int i, long start, long n) {
        if (refiner.safeWhole(x[0], x[1], x[2], x[3], n, l.rho[i], l.diffusion[i])) {
            return;
        }
        int j = next.count++;
        next.ensure(next.count, 4 * dim);
        next.lo[j] = l.lo[i];
        next.hi[j] = l.hi[i];
        next.start[j] = start;
        next.rho[j] = l.rho[i];
        next.diffusion[j] = l.diffusion[i];
        next.params[j] = l.params[i];
        for (int e = 0; e < 4; e++) {
            System.arraycopy(x[e], 0, next.pos, (4 * j + e) * dim, dim);
        }
    }

    /** Copies the dim coordinates of block b of a flat array (b * dim onwards) into out. */
    private void copy(long[] flat, int b, long[] out) {
        System.arraycopy(flat, b * dim, out, 0, dim);
    }
}
