package org.coag.cpu;

import static org.coag.cpu.CpuVectors.LANES;
import static org.coag.cpu.CpuVectors.LONGS;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import org.coag.core.model.ModelSpec;
import org.coag.core.model.RadialKernel;
import org.coag.core.rng.CounterRng;
import org.coag.core.rng.Purpose;
import org.coag.core.step.CollisionRule;
import org.coag.core.step.FiredPairs;
import org.coag.core.step.PairConstants;

/**
 * One worker's share of the pair scan, row by row as {@link RowSort} writes the rows, so a row is
 * scanned while it is still in the cache. Each pair within the reach is visited exactly once and
 * tested exactly as the reference backend tests it (same r^2 sum order, same range test, same
 * kernel and Philox draw). With z the sorted (last) coordinate and R the reach in whole fixed-point
 * units, when row r has been written:
 * <ul>
 *   <li>own row: from each slot whose next slot is within R along z, forward while within R; on a
 *       torus, the last slots of the row against its first ones across z's seam (a pair whose z
 *       differ by 2^64 minus at most R; equal z never counts as across);</li>
 *   <li>backward rows ({@link RowDirections#back}): for each forward offset o, the row q = r - o:
 *       q's slots near the upper face of o's primary dimension (and the other faces o crosses)
 *       against r's slots near the opposite faces within R along z (either way across the seam on
 *       a torus). When q is not yet written by this worker (another
 *       worker's row, or a later row across the torus seam) the pair of rows waits for
 *       {@link #finish}, after every row is written.</li>
 * </ul>
 * A pair within the reach in every coordinate lies in one row or in two rows one forward offset
 * apart, and within R along z, so exactly one of these meets it.
 */
final class RowScanner {
    private final int dim;
    private final double unit;
    private final double dt;
    private final RadialKernel kernel;
    private final boolean rangeVaries;
    private final double range2Common;
    private final CounterRng rng;
    private final PairTable table;
    private final FiredPairs fired = new FiredPairs();
    private int[] id;
    private int[] mass;
    private long[][] pos;
    private int[] rowFace;
    private long[] z;
    private long reach;
    private long fireReach;
    private long flip;
    private boolean torus;
    private long step;
    private final long[][] lowerKeys;
    private int[] deferred = new int[64];
    private int deferredCount;
    private int[] pairA = new int[64 + 2 * LANES];
    private int[] pairB = new int[64 + 2 * LANES];
    private int pairCount;

    /**
     * @param spec the model
     * @param seed run seed
     */
    RowScanner(ModelSpec spec, long seed) {
        this.dim = spec.dim();
        this.unit = spec.domain().unit();
        this.dt = spec.dt();
        this.kernel = spec.kernel();
        this.rangeVaries = spec.rangeVaries();
        this.range2Common = PairConstants.of(spec, 1, 1).range2();
        this.rng = new CounterRng(seed);
        this.table = new PairTable(spec);
        this.lowerKeys = new long[dim - 1][2 * LANES];
    }

    /** @return the pairs this worker found in the last scan */
    FiredPairs fired() {
        return fired;
    }

    /**
     * Starts a scan of the buffer the sort is writing (slots there are the slots of the next state),
     * or of the current one: the pair list is rebuilt (pairs within the grid's reach in every
     * coordinate) and each pair is tested for this step.
     *
     * @param p particles
     * @param other true to scan their other buffer (the one the sort writes)
     * @param grid the grid of the rows, made for the list's reach
     * @param fireReachFloor this step's search reach, whole fixed-point units
     * @param stepIndex step index
     */
    void begin(Particles p, boolean other, RowGrid grid, long fireReachFloor, long stepIndex) {
        fired.clear();
        deferredCount = 0;
        pairCount = 0;
        fireReach = fireReachFloor;
        if (other) {
            target(p.otherId(), p.otherMass(), p.otherPos(), p.otherRowFace());
        } else {
            target(p.id(), p.mass(), p.pos(), p.rowFace());
        }
        reach = grid.reachFloor();
        torus = grid.wraps();
        flip = torus ? Long.MIN_VALUE : 0L;
        step = stepIndex;
    }

    private void target(int[] ids, int[] masses, long[][] positions, int[] rowFaces) {
        id = ids;
        mass = masses;
        pos = positions;
        rowFace = rowFaces;
        z = positions[dim - 1];
    }

    /**
     * Scans row r just written, with the rows of this worker before it.
     *
     * @param w this worker
     * @param index face lists (of the rows written so far)
     * @param dirs the grid's offsets
     * @param start first slot of each row in the buffer written
     * @param from this worker's first row
     * @param r the row
     * @param keys the row's sort keys in slot order (z, xor 2^63 on a torus)
     */
    void row(int w, RowIndex index, RowDirections dirs, int[] start, int from, int r, long[] keys) {
        int base = start[r];
        int n = start[r + 1] - base;
        for (int t = 1; t < n; t++) {
            long gap = keys[t] - keys[t - 1];
            if ((((reach - gap) | gap) >>> 63) == 0) {
                int s = base + t - 1;
                long zs = z[s];
                for (int j = s + 1; j < base + n && Long.compareUnsigned(z[j] - zs, reach) <= 0; j++) {
                    test(s, j);
                }
            }
        }
        if (torus) {
            acrossSeam(base, base + n);
        }
        int[] back = dirs.back();
        int rows = index.rows;
        lowerKeys(index, r, w);
        for (int f = 0; f < dirs.count(); f++) {
            int q = back[f * rows + r];
            if (q < 0) {
                continue;
            }
            if (q >= from && q < r) {
                rows(index, dirs, f, q, r, w, w);
            } else {
                defer(f * rows + r);
            }
        }
    }

    /** The keys of row r's lower-face lists, contiguous for the windows' vector loads. */
    private void lowerKeys(RowIndex index, int r, int owner) {
        for (int k = 0; k < lowerKeys.length; k++) {
            int count = index.faceCount[2 * k][r];
            int from = index.faceStart[2 * k][r];
            int[] slot = index.slot[owner][2 * k];
            if (lowerKeys[k].length < count + 2 * LANES) {
                lowerKeys[k] = new long[count + count / 4 + 2 * LANES];
            }
            long[] keys = lowerKeys[k];
            for (int i = 0; i < count; i++) {
                keys[i] = z[slot[from + i]] ^ flip;
            }
        }
    }

    /**
     * The pairs of rows that waited for every row to be written, on the current buffer.
     *
     * @param p particles, swapped (the buffer written is now current)
     * @param index face lists
     * @param dirs the grid's offsets
     */
    void finish(Particles p, RowIndex index, RowDirections dirs) {
        target(p.id(), p.mass(), p.pos(), p.rowFace());
        int[] back = dirs.back();
        int rows = index.rows;
        for (int d = 0; d < deferredCount; d++) {
            int f = deferred[d] / rows;
            int r = deferred[d] % rows;
            int q = back[f * rows + r];
            if (d == 0 || deferred[d - 1] % rows != r) {
                lowerKeys(index, r, index.owner(r));
            }
            rows(index, dirs, f, q, r, index.owner(q), index.owner(r));
        }
    }

    /**
     * Tests this worker's listed pairs for this step, on the current buffer (the slots the list was
     * built on); pairs with a dead member are skipped.
     *
     * @param p particles
     * @param fireReachFloor this step's search reach, whole fixed-point units
     * @param stepIndex step index
     */
    void fireListed(Particles p, long fireReachFloor, long stepIndex) {
        fired.clear();
        target(p.id(), p.mass(), p.pos(), p.rowFace());
        fireReach = fireReachFloor;
        step = stepIndex;
        for (int e = 0; e < pairCount; e += Worker.LOCATE_TILE) {
            fireListed(e, Math.min(pairCount, e + Worker.LOCATE_TILE));
        }
    }

    /**
     * Listed pairs [from, to): a vector of pairs at a time, positions gathered, the box test of this
     * step's reach in every coordinate; the rare pairs that pass are tested in full.
     */
    private void fireListed(int from, int to) {
        int upper = from + (to - from) / LANES * LANES;
        long limit = (2 * fireReach) ^ Long.MIN_VALUE;
        for (int e = from; e < upper; e += LANES) {
            VectorMask<Long> near = LONGS.maskAll(true);
            for (int k = 0; k < dim; k++) {
                LongVector d = LongVector.fromArray(LONGS, pos[k], 0, pairA, e).sub(LongVector.fromArray(LONGS, pos[k], 0, pairB, e));
                near = near.and(d.add(fireReach).lanewise(VectorOperators.XOR, Long.MIN_VALUE).compare(VectorOperators.LE, limit));
            }
            for (long hits = near.toLong(); hits != 0; hits &= hits - 1) {
                listed(pairA[e + Long.numberOfTrailingZeros(hits)], pairB[e + Long.numberOfTrailingZeros(hits)]);
            }
        }
        for (int e = upper; e < to; e++) {
            listed(pairA[e], pairB[e]);
        }
    }

    private void listed(int a, int b) {
        if (mass[a] != 0 && mass[b] != 0) {
            fire(a, b);
        }
    }

    /** @return pairs in this worker's list */
    int pairCount() {
        return pairCount;
    }

    /** @return the first slots of this worker's listed pairs (current buffer) */
    int[] pairA() {
        return pairA;
    }

    /** @return the second slots of this worker's listed pairs */
    int[] pairB() {
        return pairB;
    }

    private void defer(int code) {
        if (deferredCount == deferred.length) {
            deferred = java.util.Arrays.copyOf(deferred, 2 * deferredCount);
        }
        deferred[deferredCount++] = code;
    }

    /** Torus: the last slots of row [a, b) against its first ones, across the seam of z. */
    private void acrossSeam(int a, int b) {
        for (int i = b - 1; i > a; i--) {
            long zi = z[i];
            if (!(Long.compareUnsigned(z[a], zi) < 0 && Long.compareUnsigned(z[a] - zi, reach) <= 0)) {
                return;
            }
            for (int j = a; j < i && Long.compareUnsigned(z[j], zi) < 0 && Long.compareUnsigned(z[j] - zi, reach) <= 0; j++) {
                test(i, j);
            }
        }
    }

    /**
     * Rows q (lower) and r = q + o_f (upper): q's slots near the faces o_f crosses (its list of the
     * primary dimension's upper face) against r's slots near the opposite faces whose keys are
     * within R (taken mod 2^64, which is the torus seam; in free space a pair that only seems close
     * that way fails the exact test), a vector of r's keys at a time.
     */
    private void rows(RowIndex index, RowDirections dirs, int f, int q, int r, int ownerQ, int ownerR) {
        int k0 = dirs.primary(f);
        int fa = 2 * k0 + 1;
        int countA = index.faceCount[fa][q];
        int countB = index.faceCount[2 * k0][r];
        if (countA == 0 || countB == 0) {
            return;
        }
        int needA = dirs.needLower(f);
        int needB = dirs.needUpper(f);
        int fromA = index.faceStart[fa][q];
        int[] slotA = index.slot[ownerQ][fa];
        int fromB = index.faceStart[2 * k0][r];
        int[] slotB = index.slot[ownerR][2 * k0];
        long[] keyB = lowerKeys[k0];
        int first = 0;
        for (int ia = fromA; ia < fromA + countA; ia++) {
            int a = slotA[ia];
            if ((rowFace[a] & needA) != needA) {
                continue;
            }
            long key = z[a] ^ flip;
            long low = key - reach;
            if (low > key || key + reach < key) {
                window(a, low, keyB, 0, countB, slotB, fromB, needB, false);
                continue;
            }
            while (first < countB && keyB[first] < low) {
                first++;
            }
            window(a, low, keyB, first, countB, slotB, fromB, needB, true);
        }
    }

    /**
     * Slot a against the entries [from, end) of a list of keys (entry i's slot at
     * {@code slot[slotFrom + i]}) that lie in [low, low + 2R] mod 2^64, a vector of keys at a time.
     * With {@code ascending} (keys sorted, none below low from {@code from} on) the window ends at
     * the first vector not wholly within it; otherwise (a window across the seam) every entry is
     * looked at.
     */
    private void window(int a, long low, long[] key, int from, int end, int[] slot, int slotFrom, int need, boolean ascending) {
        long width = (2 * reach) ^ Long.MIN_VALUE;
        long all = (1L << LANES) - 1;
        for (int c = from; c < end; c += LANES) {
            LongVector d = LongVector.fromArray(LONGS, key, c).sub(low);
            long hits = d.lanewise(VectorOperators.XOR, Long.MIN_VALUE).compare(VectorOperators.LE, width).toLong();
            hits &= end - c >= LANES ? all : (1L << (end - c)) - 1;
            long seen = hits;
            while (hits != 0) {
                int b = slot[slotFrom + c + Long.numberOfTrailingZeros(hits)];
                hits &= hits - 1;
                if ((rowFace[b] & need) == need) {
                    test(a, b);
                }
            }
            if (ascending && seen != all) {
                return;
            }
        }
    }

    /** A pair the scan met: listed when within the list's reach in every coordinate, then tested. */
    private void test(int a, int b) {
        if (!within(a, b, reach)) {
            return;
        }
        if (pairCount + 2 * LANES == pairA.length) {
            pairA = java.util.Arrays.copyOf(pairA, 2 * pairA.length);
            pairB = java.util.Arrays.copyOf(pairB, pairA.length);
        }
        pairA[pairCount] = a;
        pairB[pairCount] = b;
        pairCount++;
        fire(a, b);
    }

    /** Whether a and b are within {@code limit} fixed-point units in every coordinate (wrapping). */
    private boolean within(int a, int b, long limit) {
        for (int k = 0; k < dim; k++) {
            if (Long.compareUnsigned(pos[k][a] - pos[k][b] + limit, 2 * limit) > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Pair (a, b) in either order; tested as (lower id, higher id) exactly like the reference, after
     * a box test in fixed point that passes every pair the exact test can accept (a pair within the
     * range is within this step's reach in every coordinate).
     */
    private void fire(int a, int b) {
        if (!within(a, b, fireReach)) {
            return;
        }
        boolean aFirst = id[a] < id[b];
        int i = aFirst ? a : b;
        int j = aFirst ? b : a;
        double r2 = 0;
        for (int k = 0; k < dim; k++) {
            r2 = CollisionRule.addAxis(r2, pos[k][i] - pos[k][j], unit);
        }
        if (!rangeVaries && !(r2 < range2Common)) {
            return;
        }
        double tau = CollisionRule.fire(table.find(mass[i], mass[j]), kernel, r2, rng, Purpose.COLLIDE, step, id[i], id[j], dt);
        if (tau != CollisionRule.NO_FIRE) {
            fired.add(tau, id[i], id[j], i, j, rng.uniform1());
        }
    }
}
