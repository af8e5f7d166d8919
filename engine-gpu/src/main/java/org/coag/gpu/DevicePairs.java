package org.coag.gpu;

import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clEnqueueFillBuffer;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clReleaseMemObject;

import java.util.List;
import org.coag.core.space.SpatialHash;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;

/**
 * The device's spatial hash and pair search ({@code pairs.cl}): every pair of live particles
 * closer than a reach, found with no host work but the launch sequence. The table has
 * 2^tableBits &gt;= 2 N slots; buffers are sized once per state.
 */
public final class DevicePairs implements AutoCloseable {
    private static final int CHUNK = 256;

    private final DeviceState s;
    private final cl_kernel count;
    private final cl_kernel chunks;
    private final cl_kernel totals;
    private final cl_kernel add;
    private final cl_kernel scatter;
    private final cl_kernel find;
    private final cl_kernel findRows;
    private final cl_kernel gather;
    private final cl_mem sortedPos;
    private final cl_mem sortedIds;
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

    /**
     * @param s the particles on the device
     */
    public DevicePairs(DeviceState s) {
        this.s = s;
        cl_program p = s.cl.build(List.of("rng.cl", "pairs.cl"), s.dim);
        count = ProgramBuilder.kernel(p, "hash_count");
        chunks = ProgramBuilder.kernel(p, "scan_chunks");
        totals = ProgramBuilder.kernel(p, "scan_totals");
        add = ProgramBuilder.kernel(p, "scan_add");
        scatter = ProgramBuilder.kernel(p, "hash_scatter");
        find = ProgramBuilder.kernel(p, "find_pairs");
        findRows = ProgramBuilder.kernel(p, "find_pairs_rows");
        gather = ProgramBuilder.kernel(p, "gather_sorted");
        sortedPos = clCreateBuffer(s.cl.context(), CL_MEM_READ_WRITE, (long) Sizeof.cl_long * s.dim * s.capacity, null, null);
        sortedIds = ints(s.capacity);
        int bits = 1;
        while ((1L << bits) < 2L * s.capacity) {
            bits++;
        }
        tableBits = bits;
        slots = 1 << bits;
        slotOf = ints(s.capacity);
        counts = ints(slots);
        start = ints(slots + 1);
        cursor = ints(slots);
        chunkTotals = ints((slots + CHUNK - 1) / CHUNK);
        order = ints(s.capacity);
        found = ints(1);
        outCapacity = Math.max(1024, s.capacity);
        out = ints(2L * outCapacity);
    }

    private cl_mem ints(long n) {
        return clCreateBuffer(s.cl.context(), CL_MEM_READ_WRITE, (long) Sizeof.cl_int * Math.max(1, n), null, null);
    }

    /**
     * Builds the hash for a cell width of at least {@code reach} and lists the pairs closer than it.
     *
     * @param side box side L (length units)
     * @param unit length of one fixed-point unit, L / 2^64
     * @param reach search distance (length units): pairs with r^2 &lt; reach^2 are returned
     * @return pairs[k] = {slot i, slot j} with id(i) &lt; id(j), in no particular order
     */
    public int[][] find(double side, double unit, double reach) {
        int n = findOnDevice(side, unit, reach);
        int[] flat = new int[2 * Math.max(1, n)];
        if (n > 0) {
            clEnqueueReadBuffer(s.cl.queue(), out, CL_TRUE, 0, (long) Sizeof.cl_int * 2 * n, Pointer.to(flat), 0, null, null);
        }
        int[][] pairs = new int[n][];
        for (int k = 0; k < n; k++) {
            pairs[k] = new int[] {flat[2 * k], flat[2 * k + 1]};
        }
        return pairs;
    }

    /** @return the device buffer of the last {@link #findOnDevice} pairs (int2 (i, j) each) */
    cl_mem pairBuffer() {
        return out;
    }

    /**
     * {@link #find} without reading the pairs back: they stay in {@link #pairBuffer()}.
     *
     * @param side box side L (length units)
     * @param unit length of one fixed-point unit
     * @param reach search distance (length units)
     * @return the number of pairs
     */
    int findOnDevice(double side, double unit, double reach) {
        int fine = SpatialHash.cellBitsFor(side, reach);
        boolean rows = Math.min(fine, tableBits / s.dim) >= 2;
        int bits = rows ? Math.min(fine, tableBits / s.dim) : fine;
        lastByRows = rows;
        mark("move, fire, resolve (previous step)");
        int zero = 0;
        clEnqueueFillBuffer(s.cl.queue(), counts, Pointer.to(new int[] {zero}), Sizeof.cl_int, 0, (long) Sizeof.cl_int * slots, 0, null, null);
        mark("fill");
        Kernels.args(count, s.pos, s.masses, slotOf, counts, s.count, s.capacity, s.dim, bits, tableBits);
        Kernels.run(s.cl, count, s.count);
        mark("count");
        int nChunks = (slots + CHUNK - 1) / CHUNK;
        Kernels.args(chunks, counts, start, chunkTotals, slots, CHUNK);
        Kernels.run(s.cl, chunks, nChunks);
        mark("chunks");
        Kernels.args(totals, chunkTotals, start, nChunks, slots);
        Kernels.run(s.cl, totals, 1);
        mark("totals");
        Kernels.args(add, start, cursor, chunkTotals, slots, CHUNK);
        Kernels.run(s.cl, add, slots);
        mark("add");
        Kernels.args(scatter, slotOf, cursor, order, s.count);
        Kernels.run(s.cl, scatter, s.count);
        mark("scatter");
        int[] total = new int[1];
        clEnqueueReadBuffer(s.cl.queue(), start, CL_TRUE, (long) Sizeof.cl_int * slots, Sizeof.cl_int, Pointer.to(total), 0, null, null);
        int live = total[0];
        Kernels.args(gather, s.pos, s.ids, order, sortedPos, sortedIds, live, s.capacity, s.dim);
        Kernels.run(s.cl, gather, live);
        mark("gather");
        while (true) {
            clEnqueueFillBuffer(s.cl.queue(), found, Pointer.to(new int[] {zero}), Sizeof.cl_int, 0, Sizeof.cl_int, 0, null, null);
            cl_kernel k = rows ? findRows : find;
            if (rows) {
                long reachUnits = (long) Math.ceil(reach / unit * (1 + 1e-9)) + 1;
                Kernels.args(k, sortedPos, sortedIds, start, order, out, found, s.capacity, bits, unit, reach * reach,
                        reachUnits, outCapacity, live);
            } else {
                Kernels.args(k, sortedPos, sortedIds, start, order, out, found, s.capacity, s.dim, bits, tableBits,
                        unit, reach * reach, outCapacity, live);
            }
            Kernels.run(s.cl, k, live);
            mark("find");
            int[] n = new int[1];
            clEnqueueReadBuffer(s.cl.queue(), found, CL_TRUE, 0, Sizeof.cl_int, Pointer.to(n), 0, null, null);
            if (n[0] <= outCapacity) {
                return n[0];
            }
            clReleaseMemObject(out);
            outCapacity = n[0] + n[0] / 2;
            out = ints(2L * outCapacity);
        }
    }

    /** @return whether the last search ran by rows ({@code find_pairs_rows}) rather than by cells (tests) */
    boolean lastByRows() {
        return lastByRows;
    }

    private long last = System.nanoTime();

    private void mark(String what) {
        if (Boolean.getBoolean("coag.profileOpenCl")) {
            org.jocl.CL.clFinish(s.cl.queue());
            long now = System.nanoTime();
            System.out.printf("  %s %.1f ms%n", what, (now - last) / 1e6);
            last = now;
        }
    }

    @Override
    public void close() {
        for (cl_mem m : new cl_mem[] {slotOf, counts, start, cursor, chunkTotals, order, found, out, sortedPos, sortedIds}) {
            clReleaseMemObject(m);
        }
    }
}
