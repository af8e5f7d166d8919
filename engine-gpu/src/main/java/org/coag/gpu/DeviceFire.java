package org.coag.gpu;

import static org.jocl.CL.CL_MEM_COPY_HOST_PTR;
import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clEnqueueFillBuffer;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clReleaseMemObject;

import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.coag.core.model.TableKernel;
import org.coag.core.rng.CounterRng;
import org.coag.core.rng.PhiloxKey;
import org.coag.core.step.PairConstants;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * The firing test of the pairs {@link DevicePairs} found ({@code fire.cl}): rates from the mass
 * pair's constants (PairConstants, held sparsely in a {@link PairTable}), the COLLIDE draw, tau &lt; dt. Fired pairs
 * stay on the device for the resolution; {@link #read} copies them to the host (tests).
 */
public final class DeviceFire implements AutoCloseable {
    /** One fired pair. */
    public record Fired(double tau, int idLo, int idHi, int slotLo, int slotHi, double u1) {
    }

    private final DeviceState s;
    private final ModelSpec spec;
    private final PhiloxKey key;
    private final cl_kernel kernel;
    /** Masses whose pairs the pair table holds from the start (every pair of masses up to this). */
    static final int PREFILL = 32;

    private int maxMass;
    private cl_mem range2;
    private final PairTable pairTable;
    private final cl_mem tableR;
    private final cl_mem tableV;
    private final int tableSize;
    private final KernelCode kernelType;
    private int capacity;
    private cl_mem tau;
    private cl_mem u1;
    private cl_mem idx;
    private final cl_mem count;
    private final cl_mem untabulated;
    /** The fired pairs' append batch ({@link DevicePaths#appendBatch}). */
    private final int batch;

    /**
     * @param s the particles on the device
     * @param spec the model
     * @param seed the run seed
     * @param maxMass the largest mass of the range^2 table (it grows on demand)
     * @param capacity the most fired pairs one step may hold
     */
    public DeviceFire(DeviceState s, ModelSpec spec, long seed, int maxMass, int capacity) {
        this(s, spec, seed, maxMass, capacity, Math.min(maxMass, PREFILL), 1024);
    }

    /**
     * @param s the particles on the device
     * @param spec the model
     * @param seed the run seed
     * @param maxMass the largest mass of the range^2 table (it grows on demand)
     * @param capacity the most fired pairs one step may hold
     * @param prefill the pair table holds every pair of masses up to this from the start (0: none; the
     *     others are added when the firing test misses them)
     * @param missCapacity initial size of the pair table's miss list
     */
    DeviceFire(DeviceState s, ModelSpec spec, long seed, int maxMass, int capacity, int prefill, int missCapacity) {
        this.s = s;
        this.spec = spec;
        this.key = CounterRng.key(seed);
        this.kernel = ProgramBuilder.kernel(s.cl.program(s.dim), "fire_pairs");
        this.batch = DevicePaths.appendBatch(s.cl.device().info().type());
        this.capacity = capacity;
        this.pairTable = new PairTable(s.cl, spec, prefill, missCapacity);
        this.range2 = rangeTable(maxMass);
        this.maxMass = maxMass;
        double[] r = {0, 1};
        double[] v = {0, 0};
        kernelType = KernelCode.of(spec.kernel());
        if (kernelType == KernelCode.TABLE) {
            r = ((TableKernel) spec.kernel()).radii();
            v = ((TableKernel) spec.kernel()).values();
        }
        tableSize = r.length;
        tableR = readOnly("the kernel table's radii", Sizeof.cl_double, r.length, Pointer.to(r));
        tableV = readOnly("the kernel table's values", Sizeof.cl_double, v.length, Pointer.to(v));
        tau = buffer("the fired pairs' times", Sizeof.cl_double, capacity);
        u1 = buffer("the fired pairs' survivor draws", Sizeof.cl_double, capacity);
        idx = buffer("the fired pairs' ids and slots", 4L * Sizeof.cl_int, capacity);
        count = buffer("the fired-pair count", Sizeof.cl_int, 1);
        untabulated = buffer("the untabulated-pair flag", Sizeof.cl_int, 1);
    }

    /** range^2 of the mass pair (m, m) for m = 1..n; NaN where the config's tables lack the pair. */
    private cl_mem rangeTable(int n) {
        double[] r2 = new double[n];
        for (int m = 1; m <= n; m++) {
            try {
                r2[m - 1] = PairConstants.of(spec, m, m).range2();
            } catch (ModelException e) {
                r2[m - 1] = Double.NaN;
            }
        }
        return readOnly("the range table (masses 1.." + n + ")", Sizeof.cl_double, n, Pointer.to(r2));
    }

    /**
     * Grows the range^2 table to cover masses up to {@code m} (doubling).
     *
     * @param m the largest live mass
     */
    public void ensureMasses(int m) {
        if (m <= maxMass) {
            return;
        }
        int grown = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(m, 2L * maxMass));
        clReleaseMemObject(range2);
        range2 = rangeTable(grown);
        maxMass = grown;
    }

    private cl_mem readOnly(String what, long size, long n, Pointer data) {
        return DeviceBuffers.create(s.cl, what, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, size * n, data);
    }

    private cl_mem buffer(String what, long size, long n) {
        return DeviceBuffers.create(s.cl, what, CL_MEM_READ_WRITE, size * Math.max(1, n), null);
    }

    /**
     * Enqueues the firing test of the pairs of the last search ({@code pairs.pairBuffer()}, their
     * count read on the device) in {@code step}; a fixed launch strides over however many there are.
     *
     * @param pairs the pair search, after {@link DevicePairs#sortAndFind}
     * @param step the step index
     */
    public void fire(DevicePairs pairs, long step) {
        clEnqueueFillBuffer(s.cl.queue(), count, Pointer.to(new int[] {0}), Sizeof.cl_int, 0, Sizeof.cl_int, 0, null, null);
        clEnqueueFillBuffer(s.cl.queue(), untabulated, Pointer.to(new int[] {0}), Sizeof.cl_int, 0, Sizeof.cl_int, 0, null, null);
        clEnqueueFillBuffer(s.cl.queue(), pairTable.missCount(), Pointer.to(new int[] {0}), Sizeof.cl_int, 0, Sizeof.cl_int, 0, null,
                null);
        Kernels.args(s.cl, kernel, s.pos, s.ids, s.masses, pairs.pairBuffer(), pairs.foundBuffer(), pairs.pairCapacity(), pairTable.keys(),
                pairTable.values(), pairTable.bits(), pairTable.misses(), pairTable.missCount(), pairTable.missCapacity(),
                kernelType.code(), tableR, tableV, tableSize, s.capacity, s.dim, spec.domain().unit(), spec.dt(), step,
                key.k0(), key.k1(), tau, u1, idx, count, capacity, untabulated, batch);
        Kernels.run(s.cl, kernel, Kernels.strideItems(s.cl, kernel, pairs.pairCapacity()));
    }

    /**
     * @return the fired-pair buffers: firing times, survivor draws, (id lo, id hi, slot lo, slot hi),
     *     count, and the untabulated flag (1 when a pair in reach has no parameters in the table, else 0)
     */
    cl_mem[] buffers() {
        return new cl_mem[] {tau, u1, idx, count, untabulated};
    }

    /** @return how many fired pairs the buffers hold */
    int capacity() {
        return capacity;
    }

    /** @return range^2 of the mass pair (m, m) at m - 1, for m up to {@link #maxMass()} */
    cl_mem range2Buffer() {
        return range2;
    }

    /** @return the mass-pair parameters */
    PairTable pairTable() {
        return pairTable;
    }

    /** @return the largest mass of the range^2 table */
    int maxMass() {
        return maxMass;
    }

    /** @return the fired pairs of the last {@link #fire}, in no particular order, or null if they overflowed (see {@link #grow}) */
    public Fired[] read() {
        int k = Kernels.readInt(s.cl, count, 0);
        if (k > capacity) {
            grow(k);
            return null;
        }
        double[] t = new double[Math.max(1, k)];
        double[] u = new double[Math.max(1, k)];
        int[] ix = new int[4 * Math.max(1, k)];
        if (k > 0) {
            clEnqueueReadBuffer(s.cl.queue(), tau, CL_TRUE, 0, (long) Sizeof.cl_double * k, Pointer.to(t), 0, null, null);
            clEnqueueReadBuffer(s.cl.queue(), u1, CL_TRUE, 0, (long) Sizeof.cl_double * k, Pointer.to(u), 0, null, null);
            clEnqueueReadBuffer(s.cl.queue(), idx, CL_TRUE, 0, 4L * Sizeof.cl_int * k, Pointer.to(ix), 0, null, null);
        }
        Fired[] f = new Fired[k];
        for (int e = 0; e < k; e++) {
            f[e] = new Fired(t[e], ix[4 * e], ix[4 * e + 1], ix[4 * e + 2], ix[4 * e + 3], u[e]);
        }
        return f;
    }

    /**
     * Grows the fired-pair buffers to hold {@code needed} pairs and half as many again (at most 2^31 - 1).
     *
     * @param needed the fired count that overflowed
     * @throws ModelException when the count passed 2^31 - 1 (the device's counter wrapped)
     */
    void grow(int needed) {
        if (needed < 0) {
            throw new ModelException("opencl: more than 2^31 - 1 pairs fired in one step, beyond the device's counter; use fewer "
                    + "particles or the cpu backend");
        }
        for (cl_mem m : new cl_mem[] {tau, u1, idx}) {
            clReleaseMemObject(m);
        }
        capacity = (int) Math.min(Integer.MAX_VALUE, needed + (long) needed / 2);
        tau = buffer("the fired pairs' times", Sizeof.cl_double, capacity);
        u1 = buffer("the fired pairs' survivor draws", Sizeof.cl_double, capacity);
        idx = buffer("the fired pairs' ids and slots", 4L * Sizeof.cl_int, capacity);
    }

    @Override
    public void close() {
        for (cl_mem m : new cl_mem[] {range2, tableR, tableV, tau, u1, idx, count, untabulated}) {
            clReleaseMemObject(m);
        }
        pairTable.close();
    }
}
