package org.coag.core.adaptive;

import java.util.Arrays;
import org.coag.core.model.ModelSpec;
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
 * level 0. Each level is a list of intervals, all n finest steps long, in parallel arrays: slots, start
 * index, the pair's range and D, its {@link PairParameters} entry, and the four end positions
 * {@code pos[i * 4 dim + e * dim + k]}, e = lower at start, higher at start, lower at end, higher
 * at end.
 */
public final class LevelRefiner {
    /** Pairs kept before they are refined: batches large enough for vector lanes, small enough for the caches. */
    static final int BATCH = 4096;
    private final int dim;
    private final long top;
    private final double unit;
    private final BridgePaths paths;
    private final PairRefiner refiner;
    private final PairParameters pairs;
    private final NodeDraws draws;
    private final PairScreens screens;
    private final long[][] x;
    private Level current = new Level();
    private Level next = new Level();
    private int[] slot = new int[0];
    private long[] q = new long[0];
    private long[] left = new long[0];
    private long[] right = new long[0];
    private long[] mid = new long[0];
    private double[][] a;
    private double[][] b;
    private double[] dt = new double[BATCH];
    private boolean[] safe = new boolean[BATCH];
    private final int[] wholeLo = new int[BATCH];
    private final int[] wholeHi = new int[BATCH];
    private final double[] wholeRho = new double[BATCH];
    private final double[] wholeDiffusion = new double[BATCH];
    private int pending;

    /** One level's intervals. */
    private static final class Level {
        int count;
        int[] lo = new int[0];
        int[] hi = new int[0];
        long[] start = new long[0];
        double[] rho = new double[0];
        double[] diffusion = new double[0];
        double[][] params = new double[0][];
        long[] pos = new long[0];

        /** @return the index of a new interval at the end (grown as needed) */
        int append(int stride) {
            if (count == lo.length) {
                int c = Math.max(64, 2 * count);
                lo = Arrays.copyOf(lo, c);
                hi = Arrays.copyOf(hi, c);
                start = Arrays.copyOf(start, c);
                rho = Arrays.copyOf(rho, c);
                diffusion = Arrays.copyOf(diffusion, c);
                params = Arrays.copyOf(params, c);
                pos = Arrays.copyOf(pos, c * stride);
            }
            return count++;
        }

        /** Copies interval i of {@code from} (all but its positions) to interval j of this. */
        void copyPair(int j, Level from, int i, long startIndex) {
            lo[j] = from.lo[i];
            hi[j] = from.hi[i];
            start[j] = startIndex;
            rho[j] = from.rho[i];
            diffusion[j] = from.diffusion[i];
            params[j] = from.params[i];
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
        readEnds(sLo, sHi);
        for (int k = 0; k < dim; k++) {
            a[k][i] = (double) (x[0][k] - x[1][k]) * unit;
            b[k][i] = (double) (x[2][k] - x[3][k]) * unit;
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
        for (int i = 0; i < count; i++) {
            if (safe[i]) {
                continue;
            }
            int sLo = wholeLo[i];
            int sHi = wholeHi[i];
            int j = l.append(4 * dim);
            l.lo[j] = sLo;
            l.hi[j] = sHi;
            l.start[j] = 0;
            l.rho[j] = wholeRho[i];
            l.diffusion[j] = wholeDiffusion[i];
            l.params[j] = pairs.of(paths.massOf(sLo, 0), paths.massOf(sHi, 0));
            int at = 4 * j * dim;
            readEnds(sLo, sHi);
            for (int e = 0; e < 4; e++) {
                System.arraycopy(x[e], 0, l.pos, at + e * dim, dim);
            }
        }
    }

    /** Reads generation 0's positions at the macro step's start and end into x: lower, higher at start; lower, higher at end. */
    private void readEnds(int sLo, int sHi) {
        paths.position(sLo, 0, 0, x[0]);
        paths.position(sHi, 0, 0, x[1]);
        paths.position(sLo, 0, top, x[2]);
        paths.position(sHi, 0, top, x[3]);
    }

    /** Screens the current level's intervals, n finest steps each, and drops the safe ones (order kept). */
    private void keepUnsafe(long n) {
        Level l = current;
        if (safe.length < l.count) {
            int c = Math.max(l.count, 2 * safe.length);
            safe = new boolean[c];
            dt = new double[c];
            for (int k = 0; k < dim; k++) {
                a[k] = new double[c];
                b[k] = new double[c];
            }
        }
        int stride = 4 * dim;
        double length = refiner.length(n);
        for (int i = 0; i < l.count; i++) {
            int at = i * stride;
            for (int k = 0; k < dim; k++) {
                a[k][i] = (double) (l.pos[at + k] - l.pos[at + dim + k]) * unit;
                b[k][i] = (double) (l.pos[at + 2 * dim + k] - l.pos[at + 3 * dim + k]) * unit;
            }
            dt[i] = l.diffusion[i] * length;
        }
        screens.screen(l.count, dim, a, b, l.rho, dt, refiner.logInverse(n), safe);
        int kept = 0;
        for (int i = 0; i < l.count; i++) {
            if (!safe[i]) {
                if (kept != i) {
                    l.copyPair(kept, l, i, l.start[i]);
                    System.arraycopy(l.pos, i * stride, l.pos, kept * stride, stride);
                }
                kept++;
            }
        }
        l.count = kept;
    }

    private void fireAll() {
        Level l = current;
        for (int i = 0; i < l.count; i++) {
            System.arraycopy(l.pos, (4 * i + 2) * dim, x[2], 0, dim);
            System.arraycopy(l.pos, (4 * i + 3) * dim, x[3], 0, dim);
            refiner.fireWhole(l.lo[i], l.hi[i], l.start[i], x[2], x[3], l.params[i], paths.ids());
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

    /** Both halves of every current interval, in order, become the next level (unscreened). */
    private void splitAll(long half) {
        Level l = current;
        Level c = next;
        c.count = 0;
        for (int i = 0; i < l.count; i++) {
            int first = c.append(4 * dim);
            c.copyPair(first, l, i, l.start[i]);
            int at = first * 4 * dim;
            System.arraycopy(l.pos, 4 * i * dim, c.pos, at, 2 * dim);
            System.arraycopy(mid, 2 * i * dim, c.pos, at + 2 * dim, 2 * dim);
            int second = c.append(4 * dim);
            c.copyPair(second, l, i, l.start[i] + half);
            at = second * 4 * dim;
            System.arraycopy(mid, 2 * i * dim, c.pos, at, 2 * dim);
            System.arraycopy(l.pos, (4 * i + 2) * dim, c.pos, at + 2 * dim, 2 * dim);
        }
        current = c;
        next = l;
    }
}
