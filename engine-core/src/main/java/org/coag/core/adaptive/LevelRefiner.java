package org.coag.core.adaptive;

import java.util.Arrays;
import org.coag.core.model.ModelSpec;
import org.coag.core.step.PairConstants;
import org.coag.core.step.PairParameters;

/**
 * The bisection of {@link PairRefiner} for the generation-0 candidate pairs of a macro step, level
 * by level instead of pair by pair: the pairs are collected, screened over the whole macro step in
 * one batch ({@link PairScreens}), then all the unsafe intervals of one dyadic level have their
 * midpoint nodes drawn in one batch ({@link NodeDraws}) and their halves screened in one batch; the
 * unsafe halves make the next level, and unsafe finest sub-intervals fire. A backend may vectorise
 * both batches. The same screens, nodes and fired pairs as the depth-first {@link PairRefiner}
 * (a node depends only on its key and its parent's ends; events are sorted before they are
 * applied), found in another order. Not thread-safe: one per worker.
 *
 * <p>The kept pairs wait as the inputs of their whole-step screen only (slots, range, D, relative
 * positions a and b in {@code a[k][i]}, {@code b[k][i]}, physical units); the unsafe ones become
 * level 0. Each level is a list of intervals, all n finest steps long, in parallel arrays: slots,
 * start index, the pair's range and D, its {@link PairParameters} entry, and the four end positions
 * {@code pos[e][k][i]} (fixed point), e = lower at start, higher at start, lower at end, higher at
 * end. A level's next holds the first halves of its intervals, in order, then the second halves.
 */
public final class LevelRefiner {
    /** Pairs kept before they are refined: batches large enough for vector lanes, small enough for the caches. */
    static final int BATCH = 4096;
    private static final int LO_START = 0;
    private static final int HI_START = 1;
    private static final int LO_END = 2;
    private static final int HI_END = 3;
    private final int dim;
    private final long top;
    private final double unit;
    private final BridgePaths paths;
    private final PairRefiner refiner;
    private final PairParameters pairs;
    private final NodeDraws draws;
    private final PairScreens screens;
    private final long[][] x;
    private Level current;
    private Level next;
    private long[] q = new long[0];
    private int[] keep = new int[BATCH];
    private long[][] midLo;
    private long[][] midHi;
    private double[][] a;
    private double[][] b;
    private double[] dt = new double[BATCH];
    private boolean[] safe = new boolean[BATCH];
    private final int[] wholeLo = new int[BATCH];
    private final int[] wholeHi = new int[BATCH];
    private final double[] wholeRho = new double[BATCH];
    private final double[] wholeDiffusion = new double[BATCH];
    private int pending;

    /** One level's intervals (class comment). */
    private static final class Level {
        int count;
        int[] lo = new int[0];
        int[] hi = new int[0];
        long[] start = new long[0];
        double[] rho = new double[0];
        double[] diffusion = new double[0];
        PairConstants[] params = new PairConstants[0];
        final long[][][] pos;

        Level(int dim) {
            pos = new long[4][dim][0];
        }

        /** Makes room for n intervals, keeping the first {@code count}. */
        void ensure(int n) {
            if (lo.length >= n) {
                return;
            }
            int c = Math.max(64, Math.max(n, 2 * lo.length));
            lo = Arrays.copyOf(lo, c);
            hi = Arrays.copyOf(hi, c);
            start = Arrays.copyOf(start, c);
            rho = Arrays.copyOf(rho, c);
            diffusion = Arrays.copyOf(diffusion, c);
            params = Arrays.copyOf(params, c);
            for (long[][] end : pos) {
                for (int k = 0; k < end.length; k++) {
                    end[k] = Arrays.copyOf(end[k], c);
                }
            }
        }

        /** Keeps intervals keep[0..kept) (increasing), in order, as the first kept. */
        void gather(int[] keep, int kept) {
            for (int j = 0; j < kept; j++) {
                int i = keep[j];
                lo[j] = lo[i];
                hi[j] = hi[i];
                start[j] = start[i];
                rho[j] = rho[i];
                diffusion[j] = diffusion[i];
                params[j] = params[i];
            }
            for (long[][] end : pos) {
                for (long[] column : end) {
                    for (int j = 0; j < kept; j++) {
                        column[j] = column[keep[j]];
                    }
                }
            }
            count = kept;
        }
    }

    LevelRefiner(ModelSpec spec, BridgePaths paths, PairRefiner refiner, NodeDraws draws, PairScreens screens) {
        this.dim = spec.dim();
        this.top = paths.top();
        this.unit = spec.domain().unit();
        this.paths = paths;
        this.refiner = refiner;
        this.pairs = new PairParameters(spec);
        this.draws = draws;
        this.screens = screens;
        this.x = new long[4][dim];
        this.a = new double[dim][BATCH];
        this.b = new double[dim][BATCH];
        this.midLo = new long[dim][0];
        this.midHi = new long[dim][0];
        this.current = new Level(dim);
        this.next = new Level(dim);
    }

    /**
     * Keeps a generation-0 candidate pair, to be screened over the whole macro step by {@link #finish}
     * (called here when {@link #BATCH} pairs are kept). Only the screen's inputs are kept; the pairs
     * it leaves unsafe (about one in eight) get their end positions then.
     *
     * @param sLo slot of the member with the lower id
     * @param sHi slot of the other
     * @param rho the pair's range
     * @param diffusion its D = d(m_lo) + d(m_hi)
     */
    void add(int sLo, int sHi, double rho, double diffusion) {
        int i = pending;
        wholeLo[i] = sLo;
        wholeHi[i] = sHi;
        wholeRho[i] = rho;
        wholeDiffusion[i] = diffusion;
        long[][] starts = paths.starts();
        long[][] ends = paths.ends();
        for (int k = 0; k < dim; k++) {
            a[k][i] = (double) (starts[k][sLo] - starts[k][sHi]) * unit;
            b[k][i] = (double) (ends[k][sLo] - ends[k][sHi]) * unit;
        }
        pending++;
        if (pending == BATCH) {
            finish();
        }
    }

    /** Screens and refines every pair kept by {@link #add}; their events go to the refiner's list. */
    void finish() {
        refiner.startWhole();
        long n = top;
        keepUnsafeWhole();
        while (current.count > 0) {
            if (n == 1) {
                fireAll();
                break;
            }
            n >>= 1;
            drawMidpoints(n);
            splitAll(n);
            keepUnsafe(n);
        }
        current.count = 0;
    }

    /** Screens the kept pairs over the whole macro step; the unsafe ones, with their ends, become the current level. */
    private void keepUnsafeWhole() {
        int count = pending;
        pending = 0;
        double length = refiner.length(top);
        for (int i = 0; i < count; i++) {
            dt[i] = wholeDiffusion[i] * length;
        }
        screens.screen(count, dim, a, b, wholeRho, dt, refiner.logInverse(top), safe);
        Level l = current;
        l.count = 0;
        l.ensure(count);
        for (int i = 0; i < count; i++) {
            if (safe[i]) {
                continue;
            }
            int sLo = wholeLo[i];
            int sHi = wholeHi[i];
            int j = l.count++;
            l.lo[j] = sLo;
            l.hi[j] = sHi;
            l.start[j] = 0;
            l.rho[j] = wholeRho[i];
            l.diffusion[j] = wholeDiffusion[i];
            l.params[j] = pairs.of(paths.massOf(sLo, 0), paths.massOf(sHi, 0));
            readEnds(sLo, sHi);
            for (int e = 0; e < 4; e++) {
                for (int k = 0; k < dim; k++) {
                    l.pos[e][k][j] = x[e][k];
                }
            }
        }
    }

    /** Reads generation 0's positions at the macro step's start and end into x: lower, higher at start; lower, higher at end. */
    private void readEnds(int sLo, int sHi) {
        long[][] starts = paths.starts();
        long[][] ends = paths.ends();
        for (int k = 0; k < dim; k++) {
            x[LO_START][k] = starts[k][sLo];
            x[HI_START][k] = starts[k][sHi];
            x[LO_END][k] = ends[k][sLo];
            x[HI_END][k] = ends[k][sHi];
        }
    }

    /** Screens the current level's intervals, n finest steps each, and drops the safe ones (order kept). */
    private void keepUnsafe(long n) {
        Level l = current;
        int count = l.count;
        if (safe.length < count) {
            int c = Math.max(count, 2 * safe.length);
            safe = new boolean[c];
            dt = new double[c];
            keep = new int[c];
            for (int k = 0; k < dim; k++) {
                a[k] = new double[c];
                b[k] = new double[c];
            }
        }
        for (int k = 0; k < dim; k++) {
            relative(l.pos[LO_START][k], l.pos[HI_START][k], a[k], count);
            relative(l.pos[LO_END][k], l.pos[HI_END][k], b[k], count);
        }
        double length = refiner.length(n);
        for (int i = 0; i < count; i++) {
            dt[i] = l.diffusion[i] * length;
        }
        screens.screen(count, dim, a, b, l.rho, dt, refiner.logInverse(n), safe);
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (!safe[i]) {
                keep[kept++] = i;
            }
        }
        if (kept < count) {
            l.gather(keep, kept);
        }
    }

    /** out[i] = (lower[i] - higher[i]) * unit for i below count: one coordinate of the relative position. */
    private void relative(long[] lower, long[] higher, double[] out, int count) {
        for (int i = 0; i < count; i++) {
            out[i] = (double) (lower[i] - higher[i]) * unit;
        }
    }

    private void fireAll() {
        Level l = current;
        for (int i = 0; i < l.count; i++) {
            for (int k = 0; k < dim; k++) {
                x[LO_END][k] = l.pos[LO_END][k][i];
                x[HI_END][k] = l.pos[HI_END][k][i];
            }
            refiner.fireWhole(l.lo[i], l.hi[i], l.start[i], x[LO_END], x[HI_END], l.params[i], paths.ids());
        }
    }

    /** Draws the midpoint node of both members of every current interval into midLo, midHi. */
    private void drawMidpoints(long half) {
        Level l = current;
        int n = l.count;
        if (q.length < n) {
            int c = Math.max(n, 2 * q.length);
            q = new long[c];
            for (int k = 0; k < dim; k++) {
                midLo[k] = new long[c];
                midHi[k] = new long[c];
            }
        }
        for (int i = 0; i < n; i++) {
            q[i] = l.start[i] + half;
        }
        draws.draw(n, l.lo, q, l.pos[LO_START], l.pos[LO_END], midLo);
        draws.draw(n, l.hi, q, l.pos[HI_START], l.pos[HI_END], midHi);
    }

    /** The first halves of every current interval, in order, then the second halves become the next level (unscreened). */
    private void splitAll(long half) {
        Level l = current;
        Level c = next;
        int n = l.count;
        c.ensure(2 * n);
        c.count = 2 * n;
        twice(l.lo, c.lo, n);
        twice(l.hi, c.hi, n);
        twice(l.rho, c.rho, n);
        twice(l.diffusion, c.diffusion, n);
        twice(l.params, c.params, n);
        System.arraycopy(l.start, 0, c.start, 0, n);
        for (int i = 0; i < n; i++) {
            c.start[n + i] = l.start[i] + half;
        }
        for (int k = 0; k < dim; k++) {
            halves(l.pos[LO_START][k], midLo[k], l.pos[LO_END][k], c.pos[LO_START][k], c.pos[LO_END][k], n);
            halves(l.pos[HI_START][k], midHi[k], l.pos[HI_END][k], c.pos[HI_START][k], c.pos[HI_END][k], n);
        }
        current = c;
        next = l;
    }

    /** to = from[0..n) twice. */
    private static void twice(Object from, Object to, int n) {
        System.arraycopy(from, 0, to, 0, n);
        System.arraycopy(from, 0, to, n, n);
    }

    /** One coordinate of one member: the first halves run start to mid, the second mid to end. */
    private static void halves(long[] start, long[] mid, long[] end, long[] toStart, long[] toEnd, int n) {
        System.arraycopy(start, 0, toStart, 0, n);
        System.arraycopy(mid, 0, toStart, n, n);
        System.arraycopy(mid, 0, toEnd, 0, n);
        System.arraycopy(end, 0, toEnd, n, n);
    }
}
