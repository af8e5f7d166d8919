package org.coag.cpu;

import static org.coag.cpu.CpuVectors.INTS;
import static org.coag.cpu.CpuVectors.LANES;
import static org.coag.cpu.CpuVectors.LONGS;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The rows of the cpu backend's fixed-step pair search: the cells of a grid over dimensions
 * 0..d-2, each at least one search reach wide. The particles of a row are kept sorted by their
 * last coordinate ({@link RowSort}), so a pair within the reach lies in one row or in two
 * neighbouring rows, within the reach along the sorted coordinate ({@link RowScanner}).
 *
 * <pre>
 *   rel_k   = pos[k] - origin[k]                      k &lt; d-1, as unsigned
 *   c_k     = (rel_k &gt;&gt;&gt; shift) &amp; mask[k]         cell coordinate, 0..cells[k]-1 (free space: no mask;
 *                                                     c_k &gt;= cells[k] means outside the grid)
 *   row     = sum_k c_k * stride[k]                   stride[d-2] = 1
 *   off_k   = rel_k &amp; lowMask                        offset within the cell
 *   face    = bit 2k   when off_k &lt;= reachFloor       near the lower face of dimension k
 *             bit 2k+1 when off_k &gt;= upperFace        near the upper face (upperFace = side - reachFloor)
 *             (only in dimensions of more than one cell)
 *   rowFace = row &lt;&lt; 8 | face                         one int per slot ({@link Particles#rowFace})
 * </pre>
 * A torus has the same power of two G of cells in every row dimension, G = 1 or G &gt;= 4 (with 2 or 3
 * the neighbours +1 and -1 would meet); free space covers the live particles' bounding box with a
 * margin, and a particle that leaves it asks for a new grid. Either way the grid has at most about
 * one row per {@link #PER_ROW} live particles and at most 2^23 rows. The face test is exact for
 * integer offsets: a pair within the reach in dimension k lies in one cell, or in two neighbouring
 * cells with the lower particle near its upper face and the upper one near its lower face.
 */
final class RowGrid {
    /** Live particles per row the grid aims at (at least). */
    static final int PER_ROW = 32;
    /** Cells at least this many reaches wide (where the row budget allows), so few particles are near a face. */
    static final double CELL_REACHES = 3;
    /** Most rows: row indices fit in 23 bits of {@code rowFace}. */
    static final int MAX_ROWS = 1 << 23;

    private final int dim;
    private final int rowDims;
    private final long[] origin;
    private final long[] mask;
    private final long[] cells;
    private final int[] stride;
    private final int[] strideShift;
    private boolean shiftStrides;
    private boolean wrap;
    private int shift;
    private long lowMask;
    private long reachFloor;
    private long upperFace;
    private double side;
    private double reach;
    private int rows;
    private int configuredLive;
    private final RowDirections directions;

    /** @param dim spatial dimension, 2 to 4 */
    RowGrid(int dim) {
        this.dim = dim;
        this.rowDims = dim - 1;
        this.origin = new long[rowDims];
        this.mask = new long[rowDims];
        this.cells = new long[rowDims];
        this.stride = new int[rowDims];
        this.strideShift = new int[rowDims];
        this.directions = new RowDirections(rowDims);
    }

    /**
     * A torus grid: G = 2^g cells per row dimension, the largest with cells at least the reach
     * wide and G^(d-1) within the row budget; G = 1 where that would give 2 or 3.
     *
     * @param reachFixed search reach, fixed-point units
     * @param live live particles
     */
    void torus(double reachFixed, int live) {
        int g = 0;
        while (g < 62 && Math.scalb(1.0, 64 - (g + 1)) >= CELL_REACHES * reachFixed) {
            g++;
        }
        long budget = rowBudget(live);
        while (g > 0 && (long) g * rowDims > 62 || g > 0 && (1L << (g * rowDims)) > budget) {
            g--;
        }
        if (g < 2) {
            g = 0;
        }
        for (int k = 0; k < rowDims; k++) {
            origin[k] = 0;
            cells[k] = 1L << g;
            mask[k] = (1L << g) - 1;
        }
        set(true, 64 - g, reachFixed, live);
    }

    /**
     * A free-space grid over the box [min, max] widened by an eighth of its extent and two cells
     * on each side (clipped to the fixed-point range), cells the smallest power of two at least the
     * reach wide that keeps the rows within the budget.
     *
     * @param reachFixed search reach, fixed-point units
     * @param live live particles
     * @param min smallest live coordinate per dimension (signed fixed point)
     * @param max largest live coordinate per dimension
     */
    void free(double reachFixed, int live, long[] min, long[] max) {
        long budget = rowBudget(live);
        int s = 1;
        while (s < 63 && Math.scalb(1.0, s) < CELL_REACHES * reachFixed) {
            s++;
        }
        for (;; s++) {
            long product = 1;
            for (int k = 0; k < rowDims && product <= budget; k++) {
                product *= span(k, min, max, s);
            }
            if (product <= budget || s == 63) {
                break;
            }
        }
        for (int k = 0; k < rowDims; k++) {
            long pad = ((max[k] - min[k]) >>> 3) + (2L << s);
            long room = min[k] - Long.MIN_VALUE;
            origin[k] = Long.compareUnsigned(room, pad) < 0 ? Long.MIN_VALUE : min[k] - pad;
            cells[k] = span(k, min, max, s);
            mask[k] = -1L;
        }
        set(false, s, reachFixed, live);
    }

    /** Cells of side 2^s over dimension k of the padded box (the same origin and pad as {@link #free}). */
    private static long span(int k, long[] min, long[] max, int s) {
        long pad = ((max[k] - min[k]) >>> 3) + (2L << s);
        long room = min[k] - Long.MIN_VALUE;
        long lo = Long.compareUnsigned(room, pad) < 0 ? Long.MIN_VALUE : min[k] - pad;
        long headroom = Long.MAX_VALUE - max[k];
        long hi = Long.compareUnsigned(headroom, pad) < 0 ? Long.MAX_VALUE : max[k] + pad;
        return ((hi - lo) >>> s) + 1;
    }

    private static long rowBudget(int live) {
        return Math.max(1, Math.min(MAX_ROWS, live / PER_ROW));
    }

    private void set(boolean torus, int cellShift, double reachFixed, int live) {
        wrap = torus;
        shift = cellShift;
        lowMask = cellShift >= 64 ? -1L : (1L << cellShift) - 1;
        side = Math.scalb(1.0, cellShift);
        reach = reachFixed;
        reachFloor = (long) Math.floor(reachFixed);
        upperFace = cellShift >= 64 ? Long.MAX_VALUE : (1L << cellShift) - reachFloor;
        long s = 1;
        shiftStrides = true;
        for (int k = rowDims - 1; k >= 0; k--) {
            stride[k] = (int) s;
            strideShift[k] = Integer.numberOfTrailingZeros(stride[k]);
            shiftStrides &= Integer.bitCount(stride[k]) == 1;
            s *= cells[k];
        }
        rows = (int) s;
        configuredLive = live;
        directions.configure(cells, stride, rows, wrap);
    }

    /**
     * @param reachFixed the search reach this step needs, fixed-point units
     * @param live live particles now
     * @return true when the grid no longer serves: a reach beyond the one its face bits and cells
     *         were made for, a quarter of the particles it was made for (its rows would be mostly
     *         empty) or, with fragmentation, four times as many (its rows would be crowded)
     */
    boolean stale(double reachFixed, int live) {
        return rows == 0 || reachFixed > reach || live < configuredLive / 4 || live > 4L * configuredLive;
    }

    /** @return number of rows */
    int rows() {
        return rows;
    }

    /** @return true on the torus (the sorted coordinate and the rows wrap) */
    boolean wraps() {
        return wrap;
    }

    /** @return the search reach rounded down to whole fixed-point units */
    long reachFloor() {
        return reachFloor;
    }

    /** @return the forward neighbour directions of this grid */
    RowDirections directions() {
        return directions;
    }

    /**
     * Computes {@code rowFace} of slots [from, to) from their positions (whole vectors, then the
     * tail in scalar code).
     *
     * @param pos coordinates [dim][slot]
     * @param from first slot
     * @param to end slot
     * @param out receives row &lt;&lt; 8 | face of slot i at {@code out[at + i - from]}
     * @param at where slot {@code from} goes in {@code out}
     * @return true when every slot lies inside the grid (always on a torus)
     */
    boolean locate(long[][] pos, int from, int to, int[] out, int at) {
        int upper = from + (to - from) - (to - from) % LANES;
        LongVector outside = LongVector.zero(LONGS);
        for (int i = from; i < upper; i += LANES) {
            LongVector row = LongVector.zero(LONGS);
            LongVector face = LongVector.zero(LONGS);
            for (int k = 0; k < rowDims; k++) {
                LongVector rel = LongVector.fromArray(LONGS, pos[k], i).sub(origin[k]);
                LongVector c = rel.lanewise(VectorOperators.LSHR, shift).and(mask[k]);
                if (!wrap) {
                    outside = outside.or(LongVector.broadcast(LONGS, cells[k] - 1).sub(c));
                }
                row = row.add(shiftStrides ? c.lanewise(VectorOperators.LSHL, strideShift[k]) : c.mul(stride[k]));
                if (cells[k] > 1) {
                    LongVector off = rel.and(lowMask);
                    LongVector lower = LongVector.broadcast(LONGS, reachFloor).sub(off).lanewise(VectorOperators.LSHR, 63).lanewise(VectorOperators.XOR, 1L);
                    LongVector high = off.sub(upperFace).lanewise(VectorOperators.LSHR, 63).lanewise(VectorOperators.XOR, 1L);
                    face = face.or(lower.lanewise(VectorOperators.LSHL, 2 * k)).or(high.lanewise(VectorOperators.LSHL, 2 * k + 1));
                }
            }
            LongVector rf = row.lanewise(VectorOperators.LSHL, 8).or(face);
            ((IntVector) rf.convertShape(VectorOperators.L2I, INTS, 0)).intoArray(out, at + i - from);
        }
        boolean inside = outside.reduceLanes(VectorOperators.OR) >= 0;
        for (int i = upper; i < to; i++) {
            int rf = locateOne(pos, i);
            inside &= rf >= 0;
            out[at + i - from] = rf;
        }
        return inside;
    }

    /** Scalar {@link #locate} of one slot; negative when it lies outside a free-space grid. */
    int locateOne(long[][] pos, int i) {
        int row = 0;
        int face = 0;
        boolean inside = true;
        for (int k = 0; k < rowDims; k++) {
            long rel = pos[k][i] - origin[k];
            long c = (rel >>> shift) & mask[k];
            inside &= c < cells[k];
            row += (int) Math.min(c, cells[k] - 1) * stride[k];
            if (cells[k] > 1) {
                long off = rel & lowMask;
                face |= (off <= reachFloor ? 1 : 0) << (2 * k) | (off >= upperFace ? 1 : 0) << (2 * k + 1);
            }
        }
        return inside ? row << 8 | face : -1;
    }
}
