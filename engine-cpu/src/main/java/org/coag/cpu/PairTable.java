package org.coag.cpu;

import org.coag.core.model.ModelSpec;
import org.coag.core.step.PairConstants;

/**
 * One worker's cache of {@link PairConstants} by mass pair: open addressing on the key
 * (lo &lt;&lt; 32 | hi). Thread-confined; grows (rarely) but never allocates on a hit.
 */
final class PairTable {
    private final ModelSpec spec;
    private long[] keys;
    private PairConstants[] values;
    private int size;

    /** @param spec the model */
    PairTable(ModelSpec spec) {
        this.spec = spec;
        allocate(64);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        java.util.Arrays.fill(keys, -1L);
        values = new PairConstants[capacity];
        size = 0;
    }

    /**
     * @param n a mass
     * @param m another mass
     * @return the constants of (n, m)
     */
    PairConstants find(int n, int m) {
        int lo = Math.min(n, m);
        int hi = Math.max(n, m);
        long key = (long) lo << 32 | hi;
        int mask = keys.length - 1;
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        while (keys[slot] != -1L) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        if (2 * (size + 1) > keys.length) {
            grow();
            return find(n, m);
        }
        keys[slot] = key;
        size++;
        values[slot] = PairConstants.of(spec, lo, hi);
        return values[slot];
    }

    private void grow() {
        long[] oldKeys = keys;
        allocate(2 * oldKeys.length);
        for (long k : oldKeys) {
            if (k != -1L) {
                find((int) (k >>> 32), (int) k);
            }
        }
    }
}
