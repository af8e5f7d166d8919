package org.coag.gpu;

import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clReleaseMemObject;

import java.util.Arrays;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.coag.core.step.PairConstants;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_mem;

/**
 * The mass-pair parameters of the firing test held sparsely on the device: an open-addressing hash
 * table (linear probing, load at most 1/2) from the key {@code (lo << 32) | hi} of a mass pair
 * lo &lt;= hi to its {@link PairConstants} (3 doubles: range^2, 1 / unit^2, prefactor; NaN when the
 * config's tables lack the pair). Only the pairs that met are held, not the M^2 of a dense table. A
 * pair the firing test does not find is appended to a miss list and fires nothing; the step's
 * resolution then applies nothing and the host {@link #addMisses adds} the missing pairs and reruns
 * the firing test. Key 0 marks an empty slot (masses are at least 1). The host keeps a mirror of the
 * table and uploads it after each batch of insertions. Twin of {@code pair_slot} in {@code fire.cl}.
 */
final class PairTable implements AutoCloseable {
    /** Multiplier of the hash (the 64-bit golden ratio), as {@code PAIR_HASH_M} on the device. */
    static final long HASH_M = 0x9E3779B97F4A7C15L;
    private static final int MAX_MISSES = 1 << 20;

    private final ProgramBuilder cl;
    private final ModelSpec spec;
    private int bits;
    private long[] keys;
    private double[] values;
    private int entries;
    private cl_mem keyBuffer;
    private cl_mem valueBuffer;
    private cl_mem misses;
    private int missCapacity;
    private final cl_mem missCount;

    /**
     * @param cl the device
     * @param spec the model
     * @param prefill every pair of masses up to this is entered before the run (0: none)
     * @param missCapacity initial size of the miss list (it grows when a step misses more)
     */
    PairTable(ProgramBuilder cl, ModelSpec spec, int prefill, int missCapacity) {
        this.cl = cl;
        this.spec = spec;
        this.bits = 6;
        this.keys = new long[1 << bits];
        this.values = new double[PairConstants.FIELDS << bits];
        for (int lo = 1; lo <= prefill; lo++) {
            for (int hi = lo; hi <= prefill; hi++) {
                insert(lo, hi);
            }
        }
        upload();
        this.missCapacity = Math.max(1, missCapacity);
        misses = DeviceBuffers.create(cl, "the pair table's miss list", CL_MEM_READ_WRITE, (long) Sizeof.cl_long * this.missCapacity, null);
        missCount = DeviceBuffers.create(cl, "the pair table's miss count", CL_MEM_READ_WRITE, Sizeof.cl_int, null);
    }

    /**
     * @param key a pair's key
     * @param bits log2 of the table's slots
     * @return its first slot
     */
    static int home(long key, int bits) {
        return (int) ((key * HASH_M) >>> (64 - bits));
    }

    /** @return whether the pair was new */
    private boolean insert(int lo, int hi) {
        long key = ((long) lo << 32) | hi;
        if (2L * (entries + 1) > keys.length) {
            rehash();
        }
        int mask = keys.length - 1;
        int slot = home(key, bits);
        while (keys[slot] != 0) {
            if (keys[slot] == key) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        try {
            PairConstants.of(spec, lo, hi).writeTo(values, PairConstants.FIELDS * slot);
        } catch (ModelException e) {
            Arrays.fill(values, PairConstants.FIELDS * slot, PairConstants.FIELDS * (slot + 1), Double.NaN);
        }
        entries++;
        return true;
    }

    private void rehash() {
        if (bits >= 30) {
            throw new ModelException("opencl: more than 2^29 distinct mass pairs met; use the cpu backend");
        }
        long[] oldKeys = keys;
        double[] oldValues = values;
        bits++;
        keys = new long[1 << bits];
        values = new double[PairConstants.FIELDS << bits];
        int mask = keys.length - 1;
        for (int s = 0; s < oldKeys.length; s++) {
            if (oldKeys[s] != 0) {
                int slot = home(oldKeys[s], bits);
                while (keys[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[s];
                System.arraycopy(oldValues, PairConstants.FIELDS * s, values, PairConstants.FIELDS * slot, PairConstants.FIELDS);
            }
        }
        releaseTable();
    }

    private void releaseTable() {
        if (keyBuffer != null) {
            clReleaseMemObject(keyBuffer);
            clReleaseMemObject(valueBuffer);
            keyBuffer = null;
            valueBuffer = null;
        }
    }

    private void upload() {
        if (keyBuffer == null) {
            keyBuffer = DeviceBuffers.create(cl, "the pair table's keys", CL_MEM_READ_ONLY, (long) Sizeof.cl_long * keys.length, null);
            valueBuffer = DeviceBuffers.create(cl, "the pair table's parameters", CL_MEM_READ_ONLY,
                    (long) Sizeof.cl_double * values.length, null);
        }
        clEnqueueWriteBuffer(cl.queue(), keyBuffer, CL_TRUE, 0, (long) Sizeof.cl_long * keys.length, Pointer.to(keys), 0, null, null);
        clEnqueueWriteBuffer(cl.queue(), valueBuffer, CL_TRUE, 0, (long) Sizeof.cl_double * values.length, Pointer.to(values), 0,
                null, null);
    }

    /**
     * Adds the pairs of the last firing test's miss list (waits for the queue) and uploads the table;
     * grows the list when more missed than it holds (the rerun then meets the rest).
     *
     * @param missed the miss count of the step status
     * @throws IllegalStateException when none of the missed pairs is new (the rerun would miss them again)
     */
    void addMisses(int missed) {
        int n = Math.min(Math.max(0, missed), missCapacity);
        long[] got = new long[Math.max(1, n)];
        if (n > 0) {
            clEnqueueReadBuffer(cl.queue(), misses, CL_TRUE, 0, (long) Sizeof.cl_long * n, Pointer.to(got), 0, null, null);
        }
        int added = 0;
        for (int k = 0; k < n; k++) {
            added += insert((int) (got[k] >>> 32), (int) got[k]) ? 1 : 0;
        }
        if (n > 0 && added == 0) {
            throw new IllegalStateException("opencl: the firing test missed only mass pairs the pair table holds "
                    + "(host and device hash disagree)");
        }
        upload();
        if (missed > missCapacity && missCapacity < MAX_MISSES) {
            clReleaseMemObject(misses);
            missCapacity = Math.min(MAX_MISSES, 2 * missCapacity);
            misses = DeviceBuffers.create(cl, "the pair table's miss list", CL_MEM_READ_WRITE, (long) Sizeof.cl_long * missCapacity,
                    null);
        }
    }

    /** @return the keys buffer ({@code ulong[1 << bits()]}, 0 for an empty slot) */
    cl_mem keys() {
        return keyBuffer;
    }

    /** @return the parameters buffer ({@code double[3 << bits()]}) */
    cl_mem values() {
        return valueBuffer;
    }

    /** @return log2 of the table's slots */
    int bits() {
        return bits;
    }

    /** @return the miss list ({@code ulong} keys) */
    cl_mem misses() {
        return misses;
    }

    /** @return the miss count word (may exceed {@link #missCapacity()}) */
    cl_mem missCount() {
        return missCount;
    }

    /** @return how many keys the miss list holds */
    int missCapacity() {
        return missCapacity;
    }

    /** @return the pairs held */
    int entries() {
        return entries;
    }

    @Override
    public void close() {
        releaseTable();
        clReleaseMemObject(misses);
        clReleaseMemObject(missCount);
    }
}
