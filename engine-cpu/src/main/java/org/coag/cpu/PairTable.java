package org.coag.cpu;

import org.coag.core.model.ModelSpec;
import org.coag.core.step.PairParameters;

/**
 * One worker's cache of {@link PairParameters#compute} by mass pair: open addressing on the key
 * (lo &lt;&lt; 32 | hi), values {range2, invUnit2, prefactor} at 3 * slot. Thread-confined; grows
 * (rarely) but never allocates on a hit.
 */
final class PairTable {
    private final ModelSpec spec;
    private long[] keys;
    private double[] values;
    private int size;

    /** @param spec the model */
    PairTable(ModelSpec spec) {
        this.spec = spec;
        allocate(64);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        java.util.Arrays.fill(keys, -1L);
        values = new double[3 * capacity];
        size = 0;
    }

    /**
     * @param n a mass
     * @param m another mass
     * @return index into {@link #values()} of {range2, invUnit2, prefactor} for (n, m)
     */
    int find(int n, int m) {
        int lo = Math.min(n, m);
        int hi = Math.max(n, m);
        long key = (long) lo << 32 | hi;
        int mask = keys.length - 1;
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        while (keys[slot] != -1L) {
            if (keys[slot] == key) {
                return 3 * slot;
            }
            slot = (slot + 1) & mask;
        }
        if (2 * (size + 1) > keys.length) {
            grow();
            return find(n, m);
        }
        keys[slot] = key;
        size++;
        PairParameters.compute(spec, lo, hi, values, 3 * slot);
        return 3 * slot;
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

    /** @return the value array; valid until the next {@link #find} */
    double[] values() {
        return values;
    }
}
