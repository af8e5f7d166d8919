package org.coag.core.space;

/**
 * Enumerates candidate pairs from a built {@link SpatialHash}: every unordered pair of live slots
 * (i, j) whose cells may hold points within {@code reach}, each exactly once, reported from the
 * particle with the smaller id. Every pair closer than {@code reach} is among them (pairs farther
 * away may be too; the caller tests the distance).
 */
public final class CandidatePairs {
    /** Receives candidate pairs. */
    @FunctionalInterface
    public interface Visitor {
        /**
         * @param i slot of the particle with the smaller id
         * @param j slot of the particle with the larger id
         */
        void pair(int i, int j);
    }

    private final int dim;
    private final long[] position;
    private final long[][] cells;

    /**
     * @param dim spatial dimension
     */
    public CandidatePairs(int dim) {
        this.dim = dim;
        this.position = new long[dim];
        this.cells = new long[(int) Math.pow(3, dim)][dim];
    }

    /**
     * @param hash a hash built from {@code pos}
     * @param pos coordinates [dim][slot]
     * @param ids ids by slot
     * @param count live slots
     * @param reach largest interaction range, fixed-point units
     * @param visitor receives the pairs
     */
    public void scan(SpatialHash hash, long[][] pos, int[] ids, int count, double reach, Visitor visitor) {
        scan(hash, pos, ids, 0, count, reach, visitor);
    }

    /**
     * {@link #scan(SpatialHash, long[][], int[], int, double, Visitor)} for the pairs whose lower-id
     * member's slot lies in [from, to): disjoint slot ranges give disjoint pairs (for threads, each
     * with its own instance).
     *
     * @param hash a hash built from {@code pos}
     * @param pos coordinates [dim][slot]
     * @param ids ids by slot
     * @param from first slot
     * @param to end slot (exclusive)
     * @param reach largest interaction range, fixed-point units
     * @param visitor receives the pairs
     */
    public void scan(SpatialHash hash, long[][] pos, int[] ids, int from, int to, double reach, Visitor visitor) {
        for (int i = from; i < to; i++) {
            for (int k = 0; k < dim; k++) {
                position[k] = pos[k][i];
            }
            int n = hash.neighbourCellsWithin(position, reach, cells);
            for (int c = 0; c < n; c++) {
                long key = hash.keyOf(cells[c]);
                int slot = hash.slotOfKey(key);
                if (!hash.occupied(slot)) {
                    continue;
                }
                for (int o = hash.slotBegin(slot); o < hash.slotEnd(slot); o++) {
                    int j = hash.order()[o];
                    if (hash.keys()[o] == key && ids[j] > ids[i] && inCell(hash, pos, j, cells[c])) {
                        visitor.pair(i, j);
                    }
                }
            }
        }
    }

    /**
     * Visits every slot in the cells within {@code reach} of one point (a superset of the slots
     * closer than reach).
     *
     * @param hash a hash built from {@code pos}
     * @param pos coordinates [dim][slot]
     * @param point the point [dim], fixed-point
     * @param reach search distance, fixed-point units (at most the cell side)
     * @param visitor receives the slots
     */
    public void near(SpatialHash hash, long[][] pos, long[] point, double reach, java.util.function.IntConsumer visitor) {
        int n = hash.neighbourCellsWithin(point, reach, cells);
        for (int c = 0; c < n; c++) {
            long key = hash.keyOf(cells[c]);
            int slot = hash.slotOfKey(key);
            if (!hash.occupied(slot)) {
                continue;
            }
            for (int o = hash.slotBegin(slot); o < hash.slotEnd(slot); o++) {
                int j = hash.order()[o];
                if (hash.keys()[o] == key && inCell(hash, pos, j, cells[c])) {
                    visitor.accept(j);
                }
            }
        }
    }

    private boolean inCell(SpatialHash hash, long[][] pos, int j, long[] cell) {
        for (int k = 0; k < dim; k++) {
            if (hash.cellOf(pos[k][j]) != cell[k]) {
                return false;
            }
        }
        return true;
    }
}
