package org.coag.cpu;

import java.util.Arrays;

/**
 * Each pair's draw counter k within a lattice step (the reference's per-step map from the pair's
 * ids to its next block index), as a primitive open-addressing hash from (id_lo &lt;&lt; 32 | id_hi)
 * to k. Cleared per step in time proportional to the pairs it holds.
 */
final class PairCounters {
    private static final long EMPTY = 0;
    private long[] keys = new long[64];
    private int[] counts = new int[64];
    private int[] usedAt = new int[32];
    private int used;

    /**
     * @param idLo the smaller id (>= 0)
     * @param idHi the larger id (so the key is never 0)
     * @return the pair's draw index k for this draw (0 for its first in the step), counted
     */
    int next(int idLo, int idHi) {
        long key = ((long) idLo << 32) | (idHi & 0xFFFFFFFFL);
        int at = find(key);
        if (keys[at] == EMPTY) {
            if (2 * (used + 1) > keys.length) {
                grow();
                at = find(key);
            }
            keys[at] = key;
            counts[at] = 0;
            usedAt[used++] = at;
        }
        return counts[at]++;
    }

    /** Forgets every pair (at a step's end). */
    void clear() {
        for (int i = 0; i < used; i++) {
            keys[usedAt[i]] = EMPTY;
        }
        used = 0;
    }

    private int find(long key) {
        int mask = keys.length - 1;
        int at = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        while (keys[at] != EMPTY && keys[at] != key) {
            at = (at + 1) & mask;
        }
        return at;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[2 * oldKeys.length];
        counts = new int[keys.length];
        usedAt = Arrays.copyOf(usedAt, keys.length / 2);
        used = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int at = find(oldKeys[i]);
                keys[at] = oldKeys[i];
                counts[at] = oldCounts[i];
                usedAt[used++] = at;
            }
        }
    }
}
