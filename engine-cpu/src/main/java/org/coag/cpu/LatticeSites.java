package org.coag.cpu;

import java.util.Arrays;

/**
 * Who is on which lattice site, for the cpu lattice variant: a doubly linked list of walker slots
 * per site, its head found by the site index (x_0 + L x_1 + ..., the mixed radix of the
 * coordinates) either directly in an array of L^d heads (when L^d is small enough) or through a
 * primitive open-addressing hash of the sites in use. No allocation per event; list order carries
 * no meaning (the lattice rules never depend on it).
 */
final class LatticeSites {
    /** The most sites held as a direct array of heads (512 MiB of ints). */
    private static final long DENSE_MOST = 1L << 27;
    private static final long EMPTY = -1;
    private final boolean dense;
    private int[] heads;
    private long[] keys;
    private int mask;
    private int used;
    private int[] next = new int[0];
    private int[] prev = new int[0];

    /**
     * @param sites L^d
     * @param walkers the most walkers at a step start
     */
    LatticeSites(long sites, int walkers) {
        this.dense = sites <= Math.min(DENSE_MOST, Math.max(1L << 20, 8L * walkers));
        if (dense) {
            heads = new int[(int) sites];
            Arrays.fill(heads, -1);
        }
    }

    /**
     * Empties the table for a step with {@code walkers} slots (a dense table is already empty: see
     * {@link #clear}).
     */
    void reset(int walkers) {
        if (next.length < walkers) {
            next = new int[walkers];
            prev = new int[walkers];
        }
        if (!dense) {
            int capacity = Integer.highestOneBit(Math.max(16, 4 * walkers) - 1) << 1;
            if (keys == null || keys.length != capacity) {
                keys = new long[capacity];
                heads = new int[capacity];
            }
            Arrays.fill(keys, EMPTY);
            mask = capacity - 1;
            used = 0;
        }
    }

    /**
     * Leaves a dense table empty after a step, in time proportional to the walkers.
     *
     * @param siteKeys the walkers' site indices
     * @param count slots
     */
    void clear(long[] siteKeys, int count) {
        if (dense) {
            for (int w = 0; w < count; w++) {
                heads[(int) siteKeys[w]] = -1;
            }
        }
    }

    /** @return the first walker on site {@code key}, or -1 */
    int first(long key) {
        if (dense) {
            return heads[(int) key];
        }
        int at = find(key);
        return keys[at] == key ? heads[at] : -1;
    }

    /** @return the walker after w on its site, or -1 */
    int next(int w) {
        return next[w];
    }

    /** Puts walker w on site {@code key}. */
    void add(int w, long key) {
        int at;
        if (dense) {
            at = (int) key;
        } else {
            at = find(key);
            if (keys[at] != key) {
                if (2 * (used + 1) > keys.length) {
                    rehash();
                    at = find(key);
                }
                keys[at] = key;
                heads[at] = -1;
                used++;
            }
        }
        int head = heads[at];
        next[w] = head;
        prev[w] = -1;
        if (head >= 0) {
            prev[head] = w;
        }
        heads[at] = w;
    }

    /** Takes walker w off site {@code key}. */
    void remove(int w, long key) {
        if (prev[w] >= 0) {
            next[prev[w]] = next[w];
        } else {
            heads[dense ? (int) key : find(key)] = next[w];
        }
        if (next[w] >= 0) {
            prev[next[w]] = prev[w];
        }
    }

    private int find(long key) {
        int at = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        while (keys[at] != EMPTY && keys[at] != key) {
            at = (at + 1) & mask;
        }
        return at;
    }

    /** Keeps only the occupied sites (visited, now empty ones are dropped), in a table twice as large when needed. */
    private void rehash() {
        long[] oldKeys = keys;
        int[] oldHeads = heads;
        int occupied = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY && oldHeads[i] >= 0) {
                occupied++;
            }
        }
        int capacity = oldKeys.length;
        while (4L * (occupied + 1) > capacity) {
            capacity <<= 1;
        }
        keys = new long[capacity];
        heads = new int[capacity];
        Arrays.fill(keys, EMPTY);
        mask = capacity - 1;
        used = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY && oldHeads[i] >= 0) {
                int at = find(oldKeys[i]);
                keys[at] = oldKeys[i];
                heads[at] = oldHeads[i];
                used++;
            }
        }
    }
}
