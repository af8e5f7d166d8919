package org.coag.gpu;

import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clEnqueueFillBuffer;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clReleaseMemObject;

import org.coag.core.model.ModelException;
import org.coag.core.space.SpatialHash;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;

/**
 * The device's spatial hash and pair search ({@code pairs.cl}): sorts the live particles of a
 * {@link DeviceState} by cell into its spare buffers, swaps them in (so the state is compacted and
 * sorted), and lists every pair closer than a reach, with no host read: the live count and the pair
 * count stay on the device ({@code start[slots]}, {@link #foundBuffer()}). The table has
 * 2^tableBits &gt;= 2 N slots; buffers are sized once per state, the pair list grows on demand.
 */
public final class DevicePairs implements AutoCloseable {
    private static final int CHUNK = 256;
    /**
     * The hash table has at most 2^30 slots, so that slot indices and {@code slots + 1} stay ints; above
     * 2^29 particles a slot holds two of them on average, which changes the search's cost, not its result.
     */
    static final int MAX_TABLE_BITS = 30;

    private final DeviceState s;
    private final cl_kernel count;
    private final cl_kernel chunks;
    private final cl_kernel totals;
    private final cl_kernel add;
    private final cl_kernel scatter;
    private final cl_kernel find;
    private final cl_kernel findRows;
    private final cl_kernel gather;
    private final int tableBits;
    private final int slots;
    private final cl_mem slotOf;
    private final cl_mem counts;
    private final cl_mem start;
    private final cl_mem cursor;
    private final cl_mem chunkTotals;
    private final cl_mem order;
    private final cl_mem found;
    private cl_mem out;
    private int outCapacity;
    private boolean lastByRows;
    private int lastBits;
    private int lastBound;
    private double lastUnit;
    private double lastReach;

    /**
     * @param s the particles on the device
     */
    public DevicePairs(DeviceState s) {
        this(s, Math.max(1024, s.capacity));
    }

    /**
     * @param s the particles on the device
     * @param pairCapacity initial size of the pair list (it grows on demand)
     */
    DevicePairs(DeviceState s, int pairCapacity) {
        this.s = s;
        cl_program p = s.cl.program(s.dim);
        count = ProgramBuilder.kernel(p, "hash_count");
        chunks = ProgramBuilder.kernel(p, "scan_chunks");
        totals = ProgramBuilder.kernel(p, "scan_totals");
        add = ProgramBuilder.kernel(p, "scan_add");
        scatter = ProgramBuilder.kernel(p, "hash_scatter");
        find = ProgramBuilder.kernel(p, "find_pairs");
        findRows = ProgramBuilder.kernel(p, "find_pairs_rows");
        gather = ProgramBuilder.kernel(p, "gather_sorted");
        tableBits = tableBits(s.capacity);
        slots = 1 << tableBits;
        slotOf = ints("the particles' hash slots", s.capacity);
        counts = ints("the hash table's counts", slots);
        start = ints("the hash table's starts", slots + 1L);
        cursor = ints("the hash table's cursors", slots);
        chunkTotals = ints("the hash table's chunk totals", (slots + CHUNK - 1) / CHUNK);
        order = ints("the sort order", s.capacity);
        found = ints("the pair count", 1);
        outCapacity = Math.max(1, pairCapacity);
        out = ints("the pair list", 2L * outCapacity);
    }

    /**
     * @param capacity particles
     * @return log2 of the hash table's slots: at least 2 capacity slots, at most 2^{@link #MAX_TABLE_BITS}
     */
    static int tableBits(long capacity) {
        int bits = 1;
        while ((1L << bits) < 2L * capacity && bits < MAX_TABLE_BITS) {
            bits++;
        }
        return bits;
    }

    private cl_mem ints(String what, long n) {
        return DeviceBuffers.create(s.cl, what, CL_MEM_READ_WRITE, (long) Sizeof.cl_int * Math.max(1, n), null);
    }

    /**
     * Sorts, swaps and searches as {@link #sortAndFind}, then reads the pairs back (tests).
     *
     * @param side box side L (length units)
     * @param unit length of one fixed-point unit, L / 2^64
     * @param reach search distance (length units): pairs with r^2 &lt; reach^2 are returned
     * @return pairs[k] = {id i, id j} with id i &lt; id j, in no particular order
     */
    public int[][] find(double side, double unit, double reach) {
        sortAndFind(side, unit, reach);
        int n = pairCount();
        if (n > outCapacity) {
            growPairs(n);
            findAgain();
        }
        s.count = liveCount();
        int[] flat = new int[2 * Math.max(1, n)];
        if (n > 0) {
            clEnqueueReadBuffer(s.cl.queue(), out, CL_TRUE, 0, (long) Sizeof.cl_int * 2 * n, Pointer.to(flat), 0, null, null);
        }
        int[] id = s.readInts(s.ids);
        int[][] pairs = new int[n][];
        for (int k = 0; k < n; k++) {
            pairs[k] = new int[] {id[flat[2 * k]], id[flat[2 * k + 1]]};
        }
        return pairs;
    }

    /**
     * @param n pairs to read (at most {@link #pairCapacity})
     * @return the first n pairs of the last search, as slots of the sorted state: i0, j0, i1, j1, ...
     *     (i the lower id)
     */
    int[] readPairs(int n) {
        int[] flat = new int[2 * Math.max(1, n)];
        if (n > 0) {
            clEnqueueReadBuffer(s.cl.queue(), out, CL_TRUE, 0, (long) Sizeof.cl_int * 2 * n, Pointer.to(flat), 0, null, null);
        }
        return flat;
    }

    /** @return the device buffer of the last search's pairs (int2 (i, j) each, sorted-state slots) */
    cl_mem pairBuffer() {
        return out;
    }

    /** @return the device word holding the last search's pair count (it may exceed {@link #pairCapacity}) */
    cl_mem foundBuffer() {
        return found;
    }

    /** @return the device buffer whose word {@link #slots()} is the live count of the last sort */
    cl_mem startBuffer() {
        return start;
    }

    /** @return the number of hash slots */
    int slots() {
        return slots;
    }

    /** @return how many pairs the pair buffer holds */
    int pairCapacity() {
        return outCapacity;
    }

    /** @return the last search's pair count, read from the device (tests, overflow handling) */
    int pairCount() {
        return Kernels.readInt(s.cl, found, 0);
    }

    /** @return the live count of the last sort, read from the device (tests) */
    int liveCount() {
        return Kernels.readInt(s.cl, start, slots);
    }

    /**
     * Enqueues the sort by cell of slots 0..count-1 (dead particles dropped), the swap of the sorted
     * copy into the state, and the search for pairs closer than {@code reach}. The state's count is
     * left as it was, an upper bound of the live count, until the caller learns the live count.
     *
     * @param side box side L (length units)
     * @param unit length of one fixed-point unit
     * @param reach search distance (length units)
     */
    void sortAndFind(double side, double unit, double reach) {
        int fine = SpatialHash.cellBitsFor(side, reach);
        boolean rows = Math.min(fine, tableBits / s.dim) >= 2;
        int bits = rows ? Math.min(fine, tableBits / s.dim) : fine;
        mark("status read (previous step), move, seam check");
        clEnqueueFillBuffer(s.cl.queue(), counts, Pointer.to(new int[] {0}), Sizeof.cl_int, 0, (long) Sizeof.cl_int * slots, 0, null, null);
        Kernels.args(count, s.pos, s.masses, slotOf, counts, s.count, s.capacity, s.dim, bits, tableBits);
        Kernels.run(s.cl, count, s.count);
        mark("count");
        int nChunks = (slots + CHUNK - 1) / CHUNK;
        Kernels.args(chunks, counts, start, chunkTotals, slots, CHUNK);
        Kernels.run(s.cl, chunks, nChunks);
        Kernels.args(totals, chunkTotals, start, nChunks, slots);
        Kernels.run(s.cl, totals, 1);
        Kernels.args(add, start, cursor, chunkTotals, slots, CHUNK);
        Kernels.run(s.cl, add, slots);
        mark("scan");
        Kernels.args(scatter, slotOf, cursor, order, s.count);
        Kernels.run(s.cl, scatter, s.count);
        mark("scatter");
        Kernels.args(gather, s.pos, s.ids, s.masses, order, s.sparePos, s.spareIds, s.spareMasses, start, slots, s.capacity);
        Kernels.run(s.cl, gather, s.count);
        s.swap();
        mark("gather");
        lastByRows = rows;
        lastBits = bits;
        lastBound = s.count;
        lastUnit = unit;
        lastReach = reach;
        findAgain();
    }

    /** Enqueues the last pair search again (after {@link #growPairs}), on the sorted state. */
    void findAgain() {
        clEnqueueFillBuffer(s.cl.queue(), found, Pointer.to(new int[] {0}), Sizeof.cl_int, 0, Sizeof.cl_int, 0, null, null);
        if (lastByRows) {
            long reachUnits = (long) Math.ceil(lastReach / lastUnit * (1 + 1e-9)) + 1;
            Kernels.args(findRows, s.pos, s.ids, start, slots, out, found, s.capacity, lastBits, lastUnit,
                    lastReach * lastReach, reachUnits, outCapacity);
            Kernels.run(s.cl, findRows, lastBound);
        } else {
            Kernels.args(find, s.pos, s.ids, start, out, found, s.capacity, s.dim, lastBits, tableBits, lastUnit,
                    lastReach * lastReach, outCapacity);
            Kernels.run(s.cl, find, lastBound);
        }
        mark("find");
    }

    /**
     * Grows the pair buffer to hold {@code needed} pairs and half as many again (at most 2^31 - 1).
     *
     * @param needed the pair count that overflowed
     * @throws ModelException when the count passed 2^31 - 1 (the device's counter wrapped)
     */
    void growPairs(int needed) {
        if (needed < 0) {
            throw new ModelException("opencl: more than 2^31 - 1 candidate pairs in one step, beyond the device's pair counter; "
                    + "use fewer particles, a lower density or the cpu backend");
        }
        clReleaseMemObject(out);
        outCapacity = (int) Math.min(Integer.MAX_VALUE, needed + (long) needed / 2);
        out = ints("the pair list", 2L * outCapacity);
    }

    /** @return whether the last search ran by rows ({@code find_pairs_rows}) rather than by cells (tests) */
    boolean lastByRows() {
        return lastByRows;
    }

    private void mark(String what) {
        PhaseMarks.mark(s.cl.queue(), what);
    }

    @Override
    public void close() {
        for (cl_mem m : new cl_mem[] {slotOf, counts, start, cursor, chunkTotals, order, found, out}) {
            clReleaseMemObject(m);
        }
    }
}
