package org.coag.cpu;

import static org.coag.cpu.CpuVectors.INTS;
import static org.coag.cpu.CpuVectors.LANES;
import static org.coag.cpu.CpuVectors.LONGS;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;

/**
 * A dense grid of cells at least one search reach wide, over at most about 4 cells per live
 * particle, for the adaptive scheme's midpoint search ({@link MidpointScan}; the fixed-step scheme
 * uses {@link RowGrid}): the torus is cut into 2^g cells per side (with wrap), free space into
 * the cells covering the live particles' bounding box (no wrap). Coarser cells than the reach are
 * fine (the pair test decides), finer ones are not, so the choice never changes a result.
 *
 * <pre>
 *   c_k      = ((pos[k] - origin[k]) &gt;&gt;&gt; shift) &amp; mask[k]      cell coordinate, 0..cells[k]-1
 *   linear   = sum_k c_k * stride[k]                             stride[dim-1] = 1
 *   cells[k] = a power of two, so c_k = (linear &gt;&gt;&gt; log2 stride[k]) &amp; (cells[k] - 1)
 *   side     = 2^shift fixed-point units &gt;= reach
 * </pre>
 */
final class CellGrid {
    private final int dim;
    private final long[] origin;
    private final long[] mask;
    private final int[] cells;
    private final int[] stride;
    private boolean wrap;
    private int shift;
    private long lowMask;
    private double side;
    private double reach;
    private int total;

    /** @param dim spatial dimension */
    CellGrid(int dim) {
        this.dim = dim;
        this.origin = new long[dim];
        this.mask = new long[dim];
        this.cells = new int[dim];
        this.stride = new int[dim];
    }

    /**
     * @param reachFixed search reach, fixed-point units
     * @param live live particles
     */
    void torus(double reachFixed, int live) {
        int g = 0;
        while (g < 62 && Math.scalb(1.0, 64 - (g + 1)) >= reachFixed) {
            g++;
        }
        int budget = Math.min(30, 63 - Long.numberOfLeadingZeros(4L * Math.max(live, 16)));
        g = Math.min(g, budget / dim);
        for (int k = 0; k < dim; k++) {
            origin[k] = 0;
            cells[k] = 1 << g;
            mask[k] = (1L << g) - 1;
        }
        set(true, 64 - g, reachFixed);
    }

    /**
     * @param reachFixed search reach, fixed-point units
     * @param live live particles
     * @param min smallest coordinate per dimension (signed fixed point)
     * @param max largest coordinate per dimension
     */
    void free(double reachFixed, int live, long[] min, long[] max) {
        long budget = Math.max(64, 4L * live);
        int s = 0;
        while (s < 63 && Math.scalb(1.0, s) < reachFixed) {
            s++;
        }
        for (;; s++) {
            long product = 1;
            for (int k = 0; k < dim && product <= budget; k++) {
                long factor = ((max[k] - min[k]) >>> s) + 1;
                product = factor <= 0 || factor > budget ? budget + 1 : product * Long.highestOneBit(2 * factor - 1);
            }
            if (product <= budget) {
                break;
            }
        }
        for (int k = 0; k < dim; k++) {
            origin[k] = min[k];
            long used = ((max[k] - min[k]) >>> s) + 1;
            cells[k] = (int) Long.highestOneBit(2 * used - 1);
            mask[k] = -1L;
        }
        set(false, s, reachFixed);
    }

    private void set(boolean torus, int cellShift, double reachFixed) {
        wrap = torus;
        shift = cellShift;
        lowMask = cellShift >= 64 ? -1L : (1L << cellShift) - 1;
        side = Math.scalb(1.0, cellShift);
        reach = reachFixed;
        int s = 1;
        for (int k = dim - 1; k >= 0; k--) {
            stride[k] = s;
            s *= cells[k];
        }
        total = s;
    }

    /**
     * The cells within {@code reachFixed} (any multiple of the cell side) of slot i, per dimension
     * the cells from the one holding pos - reach to the one holding pos + reach (wrapped on the
     * torus, clipped in free space, each cell once).
     *
     * @param pos coordinates [dim][slot]
     * @param i slot
     * @param reachFixed search reach, fixed-point units
     * @param out receives the linear indices (grown when too small)
     * @return the indices (out or a larger array); their number is in element 0 of {@code count}
     */
    int[] box(long[][] pos, int i, double reachFixed, int[] out, int[] count) {
        int n = 1;
        int[] cellsOut = out;
        cellsOut[0] = 0;
        for (int k = 0; k < dim; k++) {
            long rel = pos[k][i] - origin[k];
            long c = (rel >>> shift) & mask[k];
            long rings = (long) Math.ceil(reachFixed / side);
            long lo = c - rings;
            long hi = c + rings;
            if (wrap) {
                if (hi - lo + 1 >= cells[k]) {
                    lo = 0;
                    hi = cells[k] - 1;
                }
            } else {
                lo = Math.max(lo, 0);
                hi = Math.min(hi, cells[k] - 1);
            }
            int span = (int) (hi - lo + 1);
            if ((long) n * span > cellsOut.length) {
                cellsOut = java.util.Arrays.copyOf(cellsOut, n * span * 2);
            }
            int st = stride[k];
            for (int e = n - 1; e >= 0; e--) {
                int base = cellsOut[e];
                for (int d = 0; d < span; d++) {
                    long cc = lo + d;
                    if (wrap) {
                        cc = ((cc % cells[k]) + cells[k]) % cells[k];
                    }
                    cellsOut[e * span + d] = base + (int) cc * st;
                }
            }
            n *= span;
        }
        count[0] = n;
        return cellsOut;
    }

    /** @return number of cells */
    int total() {
        return total;
    }

    /**
     * Linear cell index of every slot in [from, to).
     *
     * @param pos coordinates [dim][slot]
     * @param from first slot
     * @param to end slot
     * @param out cell index by slot
     */
    void cellsOf(long[][] pos, int from, int to, int[] out) {
        int upper = to - (to - from) % LANES;
        for (int i = from; i < upper; i += LANES) {
            LongVector linear = LongVector.zero(LONGS);
            for (int k = 0; k < dim; k++) {
                LongVector c = LongVector.fromArray(LONGS, pos[k], i).sub(origin[k])
                        .lanewise(VectorOperators.LSHR, shift).and(mask[k]);
                linear = linear.add(c.mul(stride[k]));
            }
            ((IntVector) linear.convertShape(VectorOperators.L2I, INTS, 0)).intoArray(out, i);
        }
        for (int i = upper; i < to; i++) {
            int linear = 0;
            for (int k = 0; k < dim; k++) {
                linear += (int) (((pos[k][i] - origin[k]) >>> shift) & mask[k]) * stride[k];
            }
            out[i] = linear;
        }
    }

    /**
     * The cells that may hold a point within the reach of slot i: per dimension its own cell, plus
     * the lower (upper) neighbour only if it lies within the reach of that face; each cell once.
     *
     * @param pos coordinates [dim][slot]
     * @param i slot
     * @param out receives up to 3^dim linear cell indices
     * @return number written
     */
    int neighbours(long[][] pos, int i, int[] out) {
        out[0] = 0;
        int n = 1;
        for (int k = 0; k < dim; k++) {
            long rel = pos[k][i] - origin[k];
            int c = (int) ((rel >>> shift) & mask[k]);
            double offset = (double) (rel & lowMask);
            boolean nearLower = offset <= reach;
            boolean nearUpper = side - offset <= reach;
            int g = cells[k];
            int lower = -1;
            int upper = -1;
            if (wrap) {
                if (g == 2 && (nearLower || nearUpper)) {
                    lower = c ^ 1;
                } else if (g >= 3) {
                    lower = nearLower ? (c == 0 ? g - 1 : c - 1) : -1;
                    upper = nearUpper ? (c == g - 1 ? 0 : c + 1) : -1;
                }
            } else {
                lower = nearLower && c > 0 ? c - 1 : -1;
                upper = nearUpper && c < g - 1 ? c + 1 : -1;
            }
            int m = n;
            int st = stride[k];
            for (int e = 0; e < n; e++) {
                int base = out[e];
                out[e] = base + c * st;
                if (lower >= 0) {
                    out[m++] = base + lower * st;
                }
                if (upper >= 0) {
                    out[m++] = base + upper * st;
                }
            }
            n = m;
        }
        return n;
    }
}
