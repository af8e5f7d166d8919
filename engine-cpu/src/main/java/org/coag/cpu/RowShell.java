package org.coag.cpu;

import java.util.Arrays;

/**
 * The half shell of neighbour rows. A row is the cells that share coordinates 0..dim-2 (they are
 * contiguous in sorted order); the forward rows are the offsets o in {-1,0,1}^(dim-1) whose first
 * non-zero entry is +1 ((3^(dim-1) - 1) / 2 of them). With the own row's forward part (the rest of
 * the own cell and the next cell along the row), every pair of particles in neighbouring cells is
 * visited from exactly one of the two.
 *
 * <p>A particle visits a forward row only if it lies within the reach of each face the offset
 * crosses: face bits 2k (lower) and 2k+1 (upper) of dimension k, as in {@link CellGrid#faceBits}.
 */
final class RowShell {
    private final int[][] offsets;
    private final int[][] visits;
    private final int rowBitsMask;

    /** @param dim spatial dimension, 2 to 4 */
    RowShell(int dim) {
        int rowDims = dim - 1;
        int all = (int) Math.round(Math.pow(3, rowDims));
        int[][] found = new int[all][];
        int[] required = new int[all];
        int n = 0;
        for (int code = 0; code < all; code++) {
            int[] o = new int[rowDims];
            int rest = code;
            for (int k = 0; k < rowDims; k++) {
                o[k] = rest % 3 - 1;
                rest /= 3;
            }
            int first = 0;
            for (int k = 0; k < rowDims && first == 0; k++) {
                first = o[k];
            }
            if (first != 1) {
                continue;
            }
            for (int k = 0; k < rowDims; k++) {
                required[n] |= o[k] == -1 ? 1 << (2 * k) : o[k] == 1 ? 1 << (2 * k + 1) : 0;
            }
            found[n++] = o;
        }
        offsets = Arrays.copyOf(found, n);
        rowBitsMask = (1 << (2 * rowDims)) - 1;
        visits = new int[rowBitsMask + 1][];
        for (int bits = 0; bits <= rowBitsMask; bits++) {
            int[] list = new int[n];
            int count = 0;
            for (int f = 0; f < n; f++) {
                if ((required[f] & ~bits) == 0) {
                    list[count++] = f;
                }
            }
            visits[bits] = Arrays.copyOf(list, count);
        }
    }

    /**
     * @param faceBits a particle's face bits (all dimensions)
     * @return indices of the forward rows it must visit
     */
    int[] visits(int faceBits) {
        return visits[faceBits & rowBitsMask];
    }

    /** @param f forward row index @return its offset over dimensions 0..dim-2 */
    int[] offset(int f) {
        return offsets[f];
    }
}
