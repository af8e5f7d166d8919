package org.coag.cpu;

/**
 * A torus cell grid of G cells per side for any G (not only powers of two), for the adaptive
 * scheme's midpoint search: cell coordinate k of a fixed-point position u is the high word of the
 * unsigned product u G, so cells are floor or ceil of 2^64 / G units wide. G is chosen so that every
 * cell is at least the reach wide (a pair closer than the reach lies in neighbouring cells) and
 * G^d stays within about 4 N cells. Linear index: row-major, the last dimension fastest, so the
 * cells z - 1, z, z + 1 of a row are consecutive.
 */
final class TorusGrid {
    private final int dim;
    private int side;
    private int total;

    /** @param dim spatial dimension */
    TorusGrid(int dim) {
        this.dim = dim;
    }

    /**
     * @param reachFixed the reach, fixed-point units
     * @param live particles to hold
     * @return whether the grid has at least 3 cells per side (else the caller uses another grid)
     */
    boolean configure(double reachFixed, int live) {
        double bySize = Math.floor(Math.scalb(1.0, 64) / (reachFixed * (1 + 1e-9) + 2));
        double byCount = Math.floor(Math.pow(4.0 * Math.max(live, 16), 1.0 / dim) + 1e-9);
        side = (int) Math.max(1, Math.min(Math.min(bySize, byCount), 1 << 20));
        long t = 1;
        for (int k = 0; k < dim; k++) {
            t *= side;
        }
        total = (int) Math.min(t, Integer.MAX_VALUE - 8);
        return side >= 3 && t < Integer.MAX_VALUE - 8;
    }

    /** @return cells per side */
    int side() {
        return side;
    }

    /** @return cells in all */
    int total() {
        return total;
    }

    /** @param u fixed-point coordinate @return its cell coordinate, 0..side-1 */
    int coordinate(long u) {
        return (int) (Math.multiplyHigh(u, side) + ((u >> 63) & side));
    }

    /**
     * @param pos coordinates [dim][slot]
     * @param from first slot
     * @param to end slot
     * @param out receives the linear cell index of each slot
     */
    void cellsOf(long[][] pos, int from, int to, int[] out) {
        for (int i = from; i < to; i++) {
            int c = 0;
            for (int k = 0; k < dim; k++) {
                c = c * side + coordinate(pos[k][i]);
            }
            out[i] = c;
        }
    }

    /**
     * The cells within {@code reachFixed} of slot i: per dimension the cells from the one holding
     * u - reach to the one holding u + reach, round the torus (all of them when that spans the side),
     * each cell once.
     *
     * @param pos coordinates [dim][slot]
     * @param i slot
     * @param reachFixed reach, fixed-point units (any size)
     * @param out receives the indices (grown when too small)
     * @param count element 0 receives their number
     * @return out or a larger array
     */
    int[] box(long[][] pos, int i, double reachFixed, int[] out, int[] count) {
        int n = 1;
        int[] cells = out.length >= 1 ? out : new int[1];
        cells[0] = 0;
        for (int k = 0; k < dim; k++) {
            int lo;
            int span;
            if (reachFixed >= Math.scalb(1.0, 62)) {
                lo = 0;
                span = side;
            } else {
                long r = (long) Math.ceil(reachFixed);
                lo = coordinate(pos[k][i] - r);
                int hi = coordinate(pos[k][i] + r);
                span = Math.min(side, Math.floorMod(hi - lo, side) + 1);
            }
            if (cells.length < n * span) {
                cells = java.util.Arrays.copyOf(cells, n * span);
            }
            for (int e = n - 1; e >= 0; e--) {
                int base = cells[e] * side;
                for (int s = span - 1; s >= 0; s--) {
                    cells[e * span + s] = base + (lo + s) % side;
                }
            }
            n *= span;
        }
        count[0] = n;
        return cells;
    }
}
