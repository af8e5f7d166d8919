package org.coag.cpu;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import org.coag.core.adaptive.BridgeBound;

/**
 * The adaptive scheme's candidate search on the cpu backend: the segment midpoints of a macro step
 * counting-sorted into a {@link CellGrid}, copied into cell order, then every particle tested
 * against the particles of the cells within reach of it (pairs taken once) with the candidate bound
 * for the largest range and D; the survivors of that test go to
 * a {@link CandidateSink} (the worker's exact per-pair test), which decides. The cells are sized for
 * the pairs of two "short" segments (half-length at most twice the mean): base + 2 q. The few long
 * segments search the cells within base + their half-length + the longest half-length, and take
 * every pair with a short one and the pairs with a long one of higher id; pairs of two short ones
 * are taken from the earlier of the two in cell order (later in its own cell, or in a later cell). The reference finds the same
 * candidates with its hash, so the search changes no result.
 *
 * <pre>
 *   order[a]        the slot at sorted position a (cell order; within a cell, slot order)
 *   cellStart[c]    first sorted position of cell c; cellStart[total] = count
 *   mid[k][a], id[a]  midpoint and id of sorted position a
 * </pre>
 */
final class MidpointScan {
    private static final int LANES = CpuVectors.LANES;
    private final int dim;
    private final double unit;
    private final CellGrid grid;
    private final TorusGrid torusGrid;
    private final int[][] rowOffsets;
    private boolean rows;
    private final long[] min;
    private final long[] max;
    private int[] cellOf = new int[0];
    private int[] cellStart = new int[0];
    private int[] order = new int[0];
    private int[] id = new int[0];
    private int[] mass = new int[0];
    private int[] cell = new int[0];
    private double[] half = new double[0];
    private long[][] mid;
    private double base;
    private double cut;
    private double longest;
    private int[] longs = new int[0];
    private int longCount;
    private int count;

    /**
     * @param dim spatial dimension
     * @param unit fixed-point unit L / 2^64
     */
    MidpointScan(int dim, double unit) {
        this.dim = dim;
        this.unit = unit;
        this.grid = new CellGrid(dim);
        this.torusGrid = new TorusGrid(dim);
        int rowCount = (int) Math.round(Math.pow(3, dim - 1));
        this.rowOffsets = new int[rowCount][dim - 1];
        for (int r = 0; r < rowCount; r++) {
            for (int k = 0, code = r; k < dim - 1; k++, code /= 3) {
                rowOffsets[r][k] = code % 3 - 1;
            }
        }
        this.min = new long[dim];
        this.max = new long[dim];
        this.mid = new long[dim][0];
    }

    /**
     * Sorts the midpoints by cell.
     *
     * @param midpoints [dim][slot], fixed point
     * @param halves segment half-lengths by slot (null: sort only)
     * @param ids ids by slot
     * @param masses masses by slot (null: sort only)
     * @param n live slots
     * @param reach cell side at least, physical units
     * @param candidateBase largest range plus delta: pairs farther apart than (base + h_a + h_b) are
     *                      no candidates ({@link org.coag.core.adaptive.AdaptiveStepper#candidateBase})
     * @param torus whether the domain wraps
     */
    void build(long[][] midpoints, double[] halves, int[] ids, int[] masses, int n, double reach, double candidateBase, boolean torus) {
        count = n;
        base = candidateBase;
        double mean = 0;
        longest = 0;
        for (int i = 0; halves != null && i < n; i++) {
            mean += halves[i];
            longest = Math.max(longest, halves[i]);
        }
        cut = halves == null ? 0 : 2 * mean / Math.max(1, n);
        double reachFixed = (halves == null ? reach : Math.min(reach, (base + 2 * cut) * BridgeBound.SEARCH_MARGIN)) / unit;
        rows = torus && torusGrid.configure(reachFixed, n);
        if (torus && !rows) {
            grid.torus(reachFixed, n);
        } else if (!torus) {
            Arrays.fill(min, Long.MAX_VALUE);
            Arrays.fill(max, Long.MIN_VALUE);
            for (int k = 0; k < dim; k++) {
                for (int i = 0; i < n; i++) {
                    min[k] = Math.min(min[k], midpoints[k][i]);
                    max[k] = Math.max(max[k], midpoints[k][i]);
                }
            }
            grid.free(reachFixed, n, min, max);
        }
        if (cellOf.length < n + 2 * CpuVectors.LANES) {
            int capacity = n + 2 * CpuVectors.LANES;
            cellOf = new int[capacity];
            order = new int[capacity];
            id = new int[capacity];
            mass = new int[capacity];
            half = new double[capacity];
            cell = new int[capacity];
            longs = new int[capacity];
            mid = new long[dim][capacity];
        }
        int total = rows ? torusGrid.total() : grid.total();
        if (cellStart.length < total + 1) {
            cellStart = new int[total + 1];
        }
        if (rows) {
            torusGrid.cellsOf(midpoints, 0, n, cellOf);
        } else {
            grid.cellsOf(midpoints, 0, n, cellOf);
        }
        Arrays.fill(cellStart, 0, total + 1, 0);
        for (int i = 0; i < n; i++) {
            cellStart[cellOf[i] + 1]++;
        }
        for (int c = 0; c < total; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        for (int i = 0; i < n; i++) {
            int a = cellStart[cellOf[i]]++;
            order[a] = i;
        }
        for (int c = total; c > 0; c--) {
            cellStart[c] = cellStart[c - 1];
        }
        cellStart[0] = 0;
        longCount = 0;
        for (int a = 0; a < n; a++) {
            int i = order[a];
            id[a] = ids[i];
            cell[a] = cellOf[i];
            half[a] = halves == null ? 0 : halves[i];
            mass[a] = masses == null ? 0 : masses[i];
            if (half[a] > cut) {
                longs[longCount++] = a;
            }
            for (int k = 0; k < dim; k++) {
                mid[k][a] = midpoints[k][i];
            }
        }
    }

    /** @return the slot at each sorted position (cell order) */
    int[] order() {
        return order;
    }

    /** @return how many long segments there are */
    int longCount() {
        return longCount;
    }

    /**
     * Hands the candidate pairs of two short segments whose earlier member (in cell order) sits at
     * sorted positions [from, to) to the sink.
     *
     * @param from first sorted position
     * @param to end sorted position
     * @param sink where this thread's candidates go (its worker's per-pair tests)
     * @param cells scratch for 3^dim cell indices
     */
    void scan(int from, int to, CandidateSink sink, int[] cells) {
        double[] laneDistance2 = new double[LANES];
        if (rows) {
            scanRows(from, to, sink, laneDistance2);
            return;
        }
        for (int a = from; a < to; a++) {
            if (half[a] > cut) {
                continue;
            }
            int n = grid.neighbours(mid, a, cells);
            int own = cell[a];
            double ha = base + half[a];
            for (int e = 0; e < n; e++) {
                int c = cells[e];
                if (c < own) {
                    continue;
                }
                run(c == own ? a + 1 : cellStart[c], cellStart[c + 1], a, ha, sink, laneDistance2, false);
            }
        }
    }

    /**
     * Hands the candidate pairs of the long segments number [from, to) (of {@link #longCount()}) to the sink.
     *
     * @param from first long segment
     * @param to end index
     * @param sink where this thread's candidates go (its worker's per-pair tests)
     * @param cells scratch, grown as needed
     * @return the scratch (perhaps grown)
     */
    int[] scanLong(int from, int to, CandidateSink sink, int[] cells) {
        int[] n = new int[1];
        int[] out = cells;
        double[] laneDistance2 = new double[LANES];
        for (int l = from; l < to; l++) {
            int a = longs[l];
            double ha = base + half[a];
            double r = (ha + longest) * BridgeBound.SEARCH_MARGIN / unit;
            out = rows ? torusGrid.box(mid, a, r, out, n) : grid.box(mid, a, r, out, n);
            for (int e = 0; e < n[0]; ) {
                int first = out[e];
                int last = first;
                for (e++; e < n[0] && out[e] == last + 1; e++) {
                    last++;
                }
                run(cellStart[first], cellStart[last + 1], a, ha, sink, laneDistance2, true);
            }
        }
        return out;
    }

    /**
     * {@link #scan} on the {@link TorusGrid}: the 3^d neighbour cells of a, as 3^(d-1) rows of three
     * consecutive cells along the last dimension (two runs where a row wraps), and of them only the
     * sorted positions after a: a pair of two short segments is then taken once, from its earlier
     * member.
     */
    private void scanRows(int from, int to, CandidateSink sink, double[] laneDistance2) {
        int[] c = new int[dim];
        int[] runs = new int[4 * rowOffsets.length];
        int runEnd = 0;
        int runsCell = -1;
        for (int a = from; a < to; a++) {
            if (half[a] > cut) {
                continue;
            }
            if (cell[a] != runsCell) {
                runsCell = cell[a];
                for (int k = 0; k < dim; k++) {
                    c[k] = torusGrid.coordinate(mid[k][a]);
                }
                runEnd = rowRuns(c, cellStart[runsCell] + 1, runs);
            }
            double ha = base + half[a];
            for (int r = 0; r < runEnd; r += 2) {
                run(Math.max(runs[r], a + 1), runs[r + 1], a, ha, sink, laneDistance2, false);
            }
        }
    }

    /**
     * The sorted-position runs of the cell at coordinates c's 3^(d-1) neighbour rows (two runs
     * where a row wraps), as [from, to) pairs in {@code runs}, leaving out those that end at or
     * before {@code after} (before every pair this cell's particles take).
     *
     * @return the used length of runs (twice the number of runs)
     */
    private int rowRuns(int[] c, int after, int[] runs) {
        int g = torusGrid.side();
        int last = dim - 1;
        int z = c[last];
        int lo = Math.max(z - 1, 0);
        int hi = Math.min(z + 1, g - 1);
        int used = 0;
        for (int[] o : rowOffsets) {
            int row = 0;
            for (int k = 0; k < last; k++) {
                int ck = c[k] + o[k];
                row = row * g + (ck < 0 ? ck + g : ck >= g ? ck - g : ck);
            }
            row *= g;
            used = addRun(runs, used, cellStart[row + lo], cellStart[row + hi + 1], after);
            if (z == 0) {
                used = addRun(runs, used, cellStart[row + g - 1], cellStart[row + g], after);
            } else if (z == g - 1) {
                used = addRun(runs, used, cellStart[row], cellStart[row + 1], after);
            }
        }
        return used;
    }

    private static int addRun(int[] runs, int used, int from, int to, int after) {
        if (to <= after || to <= from) {
            return used;
        }
        runs[used] = from;
        runs[used + 1] = to;
        return used + 2;
    }

    /**
     * The segments at sorted positions [from, to) tested against a a vector at a time: the same
     * double arithmetic per lane as {@code AdaptiveWorker.refineCandidate(int, int)} (exact
     * differences, one rounding per conversion, product and sum, in the same order), so the same
     * pairs; lanes past {@code to} read the padding and are masked off. A short a takes the short
     * segments only; a long a ({@code fromLong}) takes every other segment but the long ones of
     * lower id. The passing lanes' squared distances go to the sink through
     * {@code laneDistance2} (this thread's scratch of one vector).
     */
    private void run(int from, int to, int a, double ha, CandidateSink sink, double[] laneDistance2, boolean fromLong) {
        for (int b = from; b < to; b += LANES) {
            DoubleVector d2 = component(0, a, b);
            for (int k = 1; k < dim; k++) {
                d2 = d2.add(component(k, a, b));
            }
            DoubleVector hb = DoubleVector.fromArray(CpuVectors.DOUBLES, half, b);
            DoubleVector r = hb.add(ha).mul(BridgeBound.SEARCH_MARGIN);
            long hits = d2.compare(VectorOperators.LT, r.mul(r)).toLong();
            if (!fromLong) {
                hits &= hb.compare(VectorOperators.LE, cut).toLong();
            }
            if (to - b < LANES) {
                hits &= (1L << (to - b)) - 1;
            }
            if (hits != 0) {
                d2.intoArray(laneDistance2, 0);
            }
            for (; hits != 0; hits &= hits - 1) {
                int lane = Long.numberOfTrailingZeros(hits);
                int other = b + lane;
                if (fromLong && (other == a || half[other] > cut && id[other] < id[a])) {
                    continue;
                }
                sink.candidate(order[a], order[other], id[a], id[other], mass[a], mass[other], half[a], half[other],
                        laneDistance2[lane]);
            }
        }
    }

    /** ((double) (mid[k][a] - mid[k][b + l]) * unit)^2 in lane l. */
    private DoubleVector component(int k, int a, int b) {
        LongVector d = LongVector.fromArray(CpuVectors.LONGS, mid[k], b).neg().add(mid[k][a]);
        DoubleVector dx = LaneConversions.toDouble(d).mul(unit);
        return dx.mul(dx);
    }
}
