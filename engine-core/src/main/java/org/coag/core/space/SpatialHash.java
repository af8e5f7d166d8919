package org.coag.core.space;

/**
 * A cell list over a box that may hold far more cells than particles (eps = 1e-7 in a unit box
 * gives 2^23 cells per side), stored as a hash table of O(N) slots.
 *
 * <p>Layout:
 * <pre>
 *   cell side    L / 2^cellBits >= the largest interaction range (cellBits in 0..62)
 *   cell coord   c_k = pos[k] &gt;&gt;&gt; (64 - cellBits), the top bits of the fixed-point coordinate,
 *                so the torus wrap of cells is the wrap of the integers mod 2^cellBits
 *   slot         (sum_k c_k * P_k) &gt;&gt;&gt; (64 - tableBits), odd 64-bit multipliers P_k (multiplicative
 *                hashing, Knuth 6.4), tableSize = 2^tableBits = the power of two >= 4 * count
 *   key          sum_k c_k * P_k (64 bits); slot = key &gt;&gt;&gt; (64 - tableBits)
 *   order[slotStart[s] .. slotStart[s+1]-1]   the particle slots hashed to s (counting sort, stable)
 *   keys[o]      the key of particle order[o], so a scan rejects other cells sharing the slot
 *                without touching their positions (equal keys are then confirmed on the coordinates)
 * </pre>
 * A bit per slot marks the occupied ones ({@link #occupied}): the bitmap (N/2 bytes) stays in cache,
 * so the many empty neighbour cells of a dilute system cost no memory access to the table.
 * Different cells may share a slot; the scan compares cell coordinates, so a collision costs time,
 * never correctness. With fewer than 3 cells per side the neighbour offsets are de-duplicated, so a
 * cell is never visited twice.
 */
public final class SpatialHash {
    private final int dim;
    private int cellBits;
    private int tableBits;
    private int offsetsBits = -1;
    private int neighbourCount;
    private int[][] offsets = new int[0][];
    private static final long[] MULTIPLIERS = {0x9E3779B97F4A7C15L, 0xC2B2AE3D27D4EB4FL, 0x165667B19E3779F9L, 0xD6E8FEB86659FD93L};
    private int[] slotStart = new int[0];
    private int[] order = new int[0];
    private int[] slotOfParticle = new int[0];
    private long[] keyOfParticle = new long[0];
    private long[] keys = new long[0];
    private long[] occupancy = new long[0];

    /**
     * @param dim spatial dimension
     */
    public SpatialHash(int dim) {
        this.dim = dim;
    }

    /**
     * The finest power-of-two grid whose cells are at least {@code range} wide.
     *
     * @param side box side L
     * @param range largest interaction range (same units)
     * @return cellBits in 0..62
     */
    public static int cellBitsFor(double side, double range) {
        int bits = 0;
        while (bits < 62 && side * StrictMath.scalb(1.0, -(bits + 1)) >= range) {
            bits++;
        }
        return bits;
    }

    /**
     * Rebuilds the table.
     *
     * @param pos coordinates [dim][slot]
     * @param count live slots
     * @param cellBits grid resolution from {@link #cellBitsFor}
     */
    public void build(long[][] pos, int count, int cellBits) {
        this.cellBits = cellBits;
        int size = Integer.highestOneBit(Math.max(64, 4 * count - 1)) << 1;
        tableBits = Integer.numberOfTrailingZeros(size);
        if (cellBits != offsetsBits) {
            buildOffsets(cellBits);
        }
        if (slotStart.length < size + 1) {
            slotStart = new int[size + 1];
        } else {
            java.util.Arrays.fill(slotStart, 0, size + 1, 0);
        }
        if (occupancy.length < size / 64) {
            occupancy = new long[size / 64];
        } else {
            java.util.Arrays.fill(occupancy, 0, size / 64, 0L);
        }
        if (order.length < count) {
            order = new int[count];
            slotOfParticle = new int[count];
            keyOfParticle = new long[count];
            keys = new long[count];
        }
        long[] cell = new long[dim];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < dim; k++) {
                cell[k] = cellOf(pos[k][i]);
            }
            long key = keyOf(cell);
            int s = slotOfKey(key);
            keyOfParticle[i] = key;
            slotOfParticle[i] = s;
            slotStart[s + 1]++;
            occupancy[s >>> 6] |= 1L << s;
        }
        for (int s = 0; s < size; s++) {
            slotStart[s + 1] += slotStart[s];
        }
        int[] fill = slotStart.clone();
        for (int i = 0; i < count; i++) {
            int o = fill[slotOfParticle[i]]++;
            order[o] = i;
            keys[o] = keyOfParticle[i];
        }
    }

    /** @return the current grid resolution */
    public int cellBits() {
        return cellBits;
    }

    /**
     * @param u fixed-point coordinate
     * @return its cell coordinate, 0..2^cellBits - 1
     */
    public long cellOf(long u) {
        return cellBits == 0 ? 0 : u >>> (64 - cellBits);
    }

    /**
     * @param cell cell coordinates, d entries
     * @return the 64-bit cell key
     */
    public long keyOf(long[] cell) {
        long h = 0;
        for (int k = 0; k < dim; k++) {
            h += cell[k] * MULTIPLIERS[k];
        }
        return h;
    }

    /**
     * @param key a cell key
     * @return its table slot
     */
    public int slotOfKey(long key) {
        return (int) (key >>> (64 - tableBits));
    }

    /**
     * @param cell cell coordinates, d entries
     * @return the table slot
     */
    public int slotOf(long[] cell) {
        return slotOfKey(keyOf(cell));
    }

    /** @return cell keys in {@link #order()} order; the backing array */
    public long[] keys() {
        return keys;
    }

    /**
     * @param slot table slot
     * @return true if some particle hashed to this slot
     */
    public boolean occupied(int slot) {
        return (occupancy[slot >>> 6] & (1L << slot)) != 0;
    }

    /**
     * @param slot table slot
     * @return first index into {@link #order()} of that slot
     */
    public int slotBegin(int slot) {
        return slotStart[slot];
    }

    /**
     * @param slot table slot
     * @return one past the last index into {@link #order()} of that slot
     */
    public int slotEnd(int slot) {
        return slotStart[slot + 1];
    }

    /** @return particle slots grouped by table slot; the backing array */
    public int[] order() {
        return order;
    }

    /**
     * Lists the distinct neighbour cells (the cell itself included) of {@code cell}.
     *
     * @param cell cell coordinates
     * @param out receives up to 3^d cells, out[j][k]
     * @return number of cells written
     */
    public int neighbourCells(long[] cell, long[][] out) {
        long cellMask = cellBits == 0 ? 0 : (1L << cellBits) - 1;
        for (int j = 0; j < neighbourCount; j++) {
            for (int k = 0; k < dim; k++) {
                out[j][k] = (cell[k] + offsets[j][k]) & cellMask;
            }
        }
        return neighbourCount;
    }

    /**
     * Lists the distinct cells that may hold a point within {@code reach} of {@code position}: per
     * dimension the own cell, plus the lower (upper) neighbour only if the position lies within
     * {@code reach} of the lower (upper) face. With fewer than 3 cells per side all cells are listed.
     *
     * @param position fixed-point coordinates, d entries
     * @param reach the largest interaction range in fixed-point units (at most one cell side)
     * @param out receives up to 3^d cells, out[j][k]
     * @return number of cells written
     */
    public int neighbourCellsWithin(long[] position, double reach, long[][] out) {
        if (cellBits < 2) {
            long[] cell = new long[dim];
            for (int k = 0; k < dim; k++) {
                cell[k] = cellOf(position[k]);
            }
            return neighbourCells(cell, out);
        }
        long cellMask = (1L << cellBits) - 1;
        long lowMask = -1L >>> cellBits;
        double side = StrictMath.scalb(1.0, 64 - cellBits);
        int total = 1;
        for (int k = 0; k < dim; k++) {
            long c = cellOf(position[k]);
            double offset = (double) (position[k] & lowMask);
            for (int j = 0; j < total; j++) {
                out[j][k] = c;
            }
            total = expand(out, total, k, c, offset <= reach, side - offset <= reach, cellMask);
        }
        return total;
    }

    private int expand(long[][] out, int total, int k, long c, boolean lower, boolean upper, long cellMask) {
        int n = total;
        if (lower) {
            for (int j = 0; j < total; j++) {
                System.arraycopy(out[j], 0, out[n], 0, k);
                out[n++][k] = (c - 1) & cellMask;
            }
        }
        if (upper) {
            for (int j = 0; j < total; j++) {
                System.arraycopy(out[j], 0, out[n], 0, k);
                out[n++][k] = (c + 1) & cellMask;
            }
        }
        return n;
    }

    /** Offsets {-1, 0, 1}^d, or {0, 1}^d / {0}^d with 2 / 1 cells per side, so no cell repeats. */
    private void buildOffsets(int bits) {
        int per = bits >= 2 ? 3 : bits == 1 ? 2 : 1;
        int total = 1;
        for (int k = 0; k < dim; k++) {
            total *= per;
        }
        offsets = new int[total][dim];
        for (int j = 0; j < total; j++) {
            int rest = j;
            for (int k = 0; k < dim; k++) {
                offsets[j][k] = rest % per - (per == 3 ? 1 : 0);
                rest /= per;
            }
        }
        neighbourCount = total;
        offsetsBits = bits;
    }
}
