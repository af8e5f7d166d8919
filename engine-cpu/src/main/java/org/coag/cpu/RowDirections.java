package org.coag.cpu;

import java.util.Arrays;

/**
 * The forward neighbour rows of a {@link RowGrid}: the offsets o in {-1, 0, 1}^(d-1) whose first
 * non-zero entry is +1, over the row dimensions of more than one cell ((3^m - 1) / 2 of them for m
 * such dimensions). Every pair of rows that touch is one forward offset apart from exactly one of
 * the two (a torus has 1 or at least 4 cells per side, so +1 and -1 never meet).
 *
 * <pre>
 *   primary[f]        the first non-zero dimension k of offset f (its entry is +1)
 *   needLower[f]      face bits a particle of the lower row must have: 2k+1 where o_k = +1, 2k where o_k = -1
 *   needUpper[f]      face bits its partner in the neighbour row must have (the opposite faces)
 *   back[f * rows + r]        the row q with r = q + o (wrapped on a torus): the lower row of the pairs
 *                             of rows in offset f whose upper row is r; -1 outside a free-space grid
 * </pre>
 */
final class RowDirections {
    private final int rowDims;
    private int count;
    private int[] primary = new int[0];
    private int[] needLower = new int[0];
    private int[] needUpper = new int[0];
    private int[][] offsets = new int[0][];
    private int[] back = new int[0];

    /** @param rowDims d - 1 */
    RowDirections(int rowDims) {
        this.rowDims = rowDims;
    }

    /**
     * @param cells cells per row dimension
     * @param stride linear stride per row dimension
     * @param rows number of rows
     * @param wrap true on a torus
     */
    void configure(long[] cells, int[] stride, int rows, boolean wrap) {
        int all = (int) Math.round(Math.pow(3, rowDims));
        int[][] found = new int[all][];
        int n = 0;
        for (int code = 0; code < all; code++) {
            int[] o = new int[rowDims];
            int rest = code;
            int first = 0;
            boolean usable = true;
            for (int k = 0; k < rowDims; k++) {
                o[k] = rest % 3 - 1;
                rest /= 3;
                usable &= o[k] == 0 || cells[k] > 1;
                if (first == 0) {
                    first = o[k];
                }
            }
            if (usable && first == 1) {
                found[n++] = o;
            }
        }
        count = n;
        offsets = Arrays.copyOf(found, n);
        primary = new int[n];
        needLower = new int[n];
        needUpper = new int[n];
        for (int f = 0; f < n; f++) {
            int[] o = offsets[f];
            int k0 = 0;
            while (o[k0] == 0) {
                k0++;
            }
            primary[f] = k0;
            for (int k = 0; k < rowDims; k++) {
                needLower[f] |= o[k] == 1 ? 1 << (2 * k + 1) : o[k] == -1 ? 1 << (2 * k) : 0;
                needUpper[f] |= o[k] == 1 ? 1 << (2 * k) : o[k] == -1 ? 1 << (2 * k + 1) : 0;
            }
        }
        if (back.length < n * rows) {
            back = new int[n * rows];
        }
        int[] c = new int[rowDims];
        int[] minus = new int[rowDims];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < rowDims; k++) {
                c[k] = (int) ((r / stride[k]) % cells[k]);
            }
            for (int f = 0; f < n; f++) {
                for (int k = 0; k < rowDims; k++) {
                    minus[k] = -offsets[f][k];
                }
                back[f * rows + r] = shifted(c, minus, cells, stride, wrap);
            }
        }
    }

    private int shifted(int[] c, int[] o, long[] cells, int[] stride, boolean wrap) {
        int linear = 0;
        for (int k = 0; k < rowDims; k++) {
            long x = c[k] + o[k];
            if (x < 0 || x >= cells[k]) {
                if (!wrap) {
                    return -1;
                }
                x = x < 0 ? cells[k] - 1 : 0;
            }
            linear += (int) x * stride[k];
        }
        return linear;
    }

    /** @return number of forward offsets */
    int count() {
        return count;
    }

    /** @param f offset index @return its first non-zero dimension */
    int primary(int f) {
        return primary[f];
    }

    /** @param f offset index @return face bits required of the particle in the lower row */
    int needLower(int f) {
        return needLower[f];
    }

    /** @param f offset index @return face bits required of the partner in the neighbour row */
    int needUpper(int f) {
        return needUpper[f];
    }

    /** @return the backward neighbour table, [f * rows + r] */
    int[] back() {
        return back;
    }
}
