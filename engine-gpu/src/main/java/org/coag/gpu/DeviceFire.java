package org.coag.gpu;

import static org.jocl.CL.CL_MEM_COPY_HOST_PTR;
import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clEnqueueFillBuffer;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clReleaseMemObject;

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
 * pair's constants (PairConstants for masses up to M), the COLLIDE draw, tau &lt; dt. Fired pairs
 * stay on the device for the resolution; {@link #read} copies them to the host (tests).
 */
public final class DeviceFire implements AutoCloseable {
    /** One fired pair. */
    public record Fired(double tau, int idLo, int idHi, int slotLo, int slotHi, double u1) {
    }

    /** Work items of the firing test's launch (each strides over the pairs). */
    private static final int LAUNCH = 1 << 14;

    private final DeviceState s;
    private final ModelSpec spec;
    private final PhiloxKey key;
    private final cl_kernel kernel;
    private int maxMass;
    private cl_mem params;
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

    /**
     * @param s the particles on the device
     * @param spec the model
     * @param seed the run seed
     * @param maxMass M, the largest mass of the parameter table
     * @param capacity the most fired pairs one step may hold
     */
    public DeviceFire(DeviceState s, ModelSpec spec, long seed, int maxMass, int capacity) {
        this.s = s;
        this.spec = spec;
        this.key = CounterRng.key(seed);
        this.kernel = ProgramBuilder.kernel(s.cl.program(s.dim), "fire_pairs");
        this.capacity = capacity;
        this.params = table(maxMass);
        this.maxMass = maxMass;
        double[] r = {0, 1};
        double[] v = {0, 0};
        kernelType = KernelCode.of(spec.kernel());
        if (kernelType == KernelCode.TABLE) {
            r = ((TableKernel) spec.kernel()).radii();
            v = ((TableKernel) spec.kernel()).values();
        }
        tableSize = r.length;
        tableR = readOnly(Sizeof.cl_double, r.length, Pointer.to(r));
        tableV = readOnly(Sizeof.cl_double, v.length, Pointer.to(v));
        tau = buffer(Sizeof.cl_double, capacity);
        u1 = buffer(Sizeof.cl_double, capacity);
        idx = buffer(4L * Sizeof.cl_int, capacity);
        count = buffer(Sizeof.cl_int, 1);
        untabulated = buffer(Sizeof.cl_int, 1);
    }

    /**
     * Pair parameters for masses 1..m; a pair the config's tables do not cover gets NaN, and a pair in
     * reach with NaN parameters is reported in the untabulated word (the run then fails).
     */
    private cl_mem table(int m) {
        double[] p = new double[PairConstants.FIELDS * m * m];
        for (int lo = 1; lo <= m; lo++) {
            for (int hi = lo; hi <= m; hi++) {
                try {
                    PairConstants.of(spec, lo, hi).writeTo(p, PairConstants.FIELDS * ((lo - 1) * m + hi - 1));
                } catch (org.coag.core.model.ModelException e) {
                    java.util.Arrays.fill(p, 3 * ((lo - 1) * m + hi - 1), 3 * ((lo - 1) * m + hi), Double.NaN);
                }
            }
        }
        return readOnly(Sizeof.cl_double, p.length, Pointer.to(p));
    }

    /**
     * Grows the parameter table to cover masses up to {@code m} (doubling).
     *
     * @param m the largest live mass
     */
    public void ensureMasses(int m) {
        if (m <= maxMass) {
            return;
        }
        int grown = Math.max(m, 2 * maxMass);
        clReleaseMemObject(params);
        params = table(grown);
        maxMass = grown;
    }

    private cl_mem readOnly(long size, long n, Pointer data) {
        return clCreateBuffer(s.cl.context(), CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, size * n, data, null);
    }

    private cl_mem buffer(long size, long n) {
        return clCreateBuffer(s.cl.context(), CL_MEM_READ_WRITE, size * Math.max(1, n), null, null);
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
        clEnqueueFillBuffer(s.cl.queue(), untabulated, Pointer.to(new int[] {Integer.MAX_VALUE}), Sizeof.cl_int, 0, Sizeof.cl_int, 0,
                null, null);
        Kernels.args(kernel, s.pos, s.ids, s.masses, pairs.pairBuffer(), pairs.foundBuffer(), pairs.pairCapacity(), params,
                maxMass, kernelType.code(), tableR, tableV, tableSize, s.capacity, s.dim, spec.domain().unit(), spec.dt(), step,
                key.k0(), key.k1(), tau, u1, idx, count, capacity, untabulated);
        Kernels.run(s.cl, kernel, Math.min(pairs.pairCapacity(), LAUNCH));
    }

    /**
     * @return the fired-pair buffers: firing times, survivor draws, (id lo, id hi, slot lo, slot hi),
     *     count, and the word of untabulated pairs (the smallest {@link StatusLayout#UNTABULATED} code of a
     *     pair in reach whose parameters the table lacks, INT_MAX if none)
     */
    cl_mem[] buffers() {
        return new cl_mem[] {tau, u1, idx, count, untabulated};
    }

    /** @return how many fired pairs the buffers hold */
    int capacity() {
        return capacity;
    }

    /** @return the pair table: 3 doubles (range^2, 1 / unit^2, prefactor) per pair (lo, hi) at 3 ((lo - 1) maxMass + hi - 1) */
    cl_mem paramsBuffer() {
        return params;
    }

    /** @return the largest mass of the parameter table */
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
     * Grows the fired-pair buffers to hold {@code needed} pairs and half as many again.
     *
     * @param needed the fired count that overflowed
     */
    void grow(int needed) {
        for (cl_mem m : new cl_mem[] {tau, u1, idx}) {
            clReleaseMemObject(m);
        }
        capacity = needed + needed / 2;
        tau = buffer(Sizeof.cl_double, capacity);
        u1 = buffer(Sizeof.cl_double, capacity);
        idx = buffer(4L * Sizeof.cl_int, capacity);
    }

    @Override
    public void close() {
        for (cl_mem m : new cl_mem[] {params, tableR, tableV, tau, u1, idx, count, untabulated}) {
            clReleaseMemObject(m);
        }
    }
}
