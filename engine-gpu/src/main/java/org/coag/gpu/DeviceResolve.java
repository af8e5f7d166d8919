package org.coag.gpu;

import static org.jocl.CL.CL_MEM_COPY_HOST_PTR;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clEnqueueCopyBuffer;
import static org.jocl.CL.clEnqueueFillBuffer;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clReleaseMemObject;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.coag.core.backend.EventSink;
import org.coag.core.backend.ParticleState;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.coag.core.step.CollisionOutcome;
import org.coag.core.step.EventKind;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;

/**
 * Collision resolution on the device ({@code resolve.cl}, {@code rounds.cl}): the fired pairs of a
 * step sorted and applied in the reference's order (on one work item, or on a GPU in parallel rounds
 * of pairs that share no particle with an earlier pending pair: {@link #roundsMax}), events appended
 * to a device log ({@link StatusLayout#EVENT_INTS} ints each, words {@code StatusLayout.EV_*}), a
 * histogram of live masses
 * ({@code int[totalMass + 1]}), and the step status the host reads once per step ({@link Status}).
 * The log is read only by {@link #flushEvents}, at the end of an advance or when it fills.
 */
final class DeviceResolve implements AutoCloseable {
    private static final int STATUS_INTS = StatusLayout.INTS;
    private static final int EVENT_INTS = StatusLayout.EVENT_INTS;
    /** The most events the log holds: its ints, read into one Java array, stay below 2^31. */
    static final int MAX_EVENTS = (Integer.MAX_VALUE - 8) / EVENT_INTS;

    /**
     * The step status.
     *
     * @param pairs pairs the search found (may exceed the pair buffer)
     * @param fired pairs that fired (may exceed the fired buffer)
     * @param flags {@link StatusLayout#FLAG_PAIRS}: pair buffer overflowed, {@link StatusLayout#FLAG_FIRED}: fired
     *     buffer overflowed, {@link StatusLayout#FLAG_MISSES}: the pair table lacked mass pairs,
     *     {@link StatusLayout#FLAG_EVENTS}: the event log is full (nothing was applied in each case)
     * @param events events in the device log
     * @param live live particles after the step
     * @param largest largest mass that ever lived
     * @param sorted particles in the sorted state (live before the resolution)
     * @param badSigma smallest live mass without a sigma (0: none)
     * @param badRange smallest live mass without a pair range (0: none)
     * @param needTable a live mass beyond the tables (0: none)
     * @param untabulated a pair within the search reach whose masses the parameter tables lack,
     *     {@link StatusLayout#UNTABULATED} (0: none, 1: the host names the pair from the pair list)
     * @param misses mass pairs the firing test did not find in the pair table ({@link StatusLayout#FLAG_MISSES})
     * @param widest widest sigma of a live mass (fixed-point units)
     * @param range2 largest range^2 of a live mass pair (m, m)
     * @param seamOffender free space: the seam check's lowest id of a particle too near the seam, or
     *     Integer.MAX_VALUE ({@link SeamCheck})
     */
    record Status(int pairs, int fired, int flags, int events, int live, int largest, int sorted, int badSigma,
                  int badRange, int needTable, int untabulated, int misses, double widest, double range2, int seamOffender) {
    }

    private final DeviceState s;
    private final ModelSpec spec;
    /**
     * The most fired pairs of one step that {@code sort_fired_local} sorts in local memory (20 bytes each:
     * 20 KB); more are sorted serially by {@code resolve_fired}. Twin of {@code SORT_LOCAL_MAX} in the sources.
     */
    static final int SORT_LOCAL_MAX = 1024;

    /**
     * The rounds {@code resolve_rounds} runs on a GPU before one work item finishes a long chain (a
     * chain of k pairs sharing particles in turn needs k rounds); each costs three work-group barriers
     * even after the last pair, so the cap stays small.
     */
    static final int ROUNDS_MAX = 16;
    /** System property (or environment variable {@code COAG_OPENCL_RESOLVE_ROUNDS}): the rounds cap, 0 for the serial kernel. */
    static final String ROUNDS_PROPERTY = "coag.opencl.resolveRounds";
    /** The largest cap an override may set (each round costs three barriers, even idle). */
    static final int MAX_ROUNDS_OVERRIDE = 1024;

    private final cl_kernel sortLocal;
    private final cl_kernel resolve;
    private final cl_kernel rounds;
    /** Rounds of {@code resolve_rounds} before its serial finish; 0: {@code resolve_fired} applies every pair on one work item. */
    private final int roundsMax;
    /** Per slot of the sorted state: the lowest pending rank touching it ({@code int[capacity]}, INT_MAX between launches). */
    private cl_mem claim;
    /** Per rank of the fired pairs: {@code resolve_rounds}'s record (int4: round, masses before, survivor). */
    private cl_mem rec;
    private final cl_kernel statusPartial;
    private final cl_kernel statusFinal;
    private final long partialLocal;
    private final long finalLocal;
    private final int partialGroups;
    /** Per work group of {@code status_partial}: the smallest bad-sigma, bad-range and beyond-table masses ({@code int[3 groups]}). */
    private final cl_mem partial;
    /** Per work group of {@code status_partial}: the widest sigma and the largest range^2 ({@code double[2 groups]}). */
    private final cl_mem partialD;
    /**
     * The status buffer's layout, read back in one piece once per step: the {@link StatusLayout#INTS} status
     * ints, then at int {@link #SEAM_WORD} the seam check's offender (copied on the device), then at byte
     * {@link #DOUBLES_AT} the {@link StatusLayout#DOUBLES} status doubles (copied from {@code statusD}).
     */
    private static final int SEAM_WORD = STATUS_INTS;
    private static final int DOUBLES_AT = ((SEAM_WORD + 1) * Sizeof.cl_int + 7) / 8 * 8;
    private static final int READBACK_BYTES = DOUBLES_AT + Sizeof.cl_double * StatusLayout.DOUBLES;
    private final ByteBuffer statusHost = ByteBuffer.allocateDirect(READBACK_BYTES).order(ByteOrder.nativeOrder());
    private final cl_mem liveByMass;
    private final cl_mem status;
    private final cl_mem statusD;
    private cl_mem events;
    private int eventCapacity;
    private cl_mem ord;
    private cl_mem tmp;
    private int ordCapacity;

    /**
     * @param s the particles on the device
     * @param spec the model
     * @param initial the particles uploaded to {@code s}
     * @param eventCapacity initial size of the event log (it grows when one step needs more)
     */
    DeviceResolve(DeviceState s, ModelSpec spec, ParticleState initial, int eventCapacity) {
        this.s = s;
        this.spec = spec;
        cl_program p = s.cl.program(s.dim);
        sortLocal = ProgramBuilder.kernel(p, "sort_fired_local");
        resolve = ProgramBuilder.kernel(p, "resolve_fired");
        rounds = ProgramBuilder.kernel(p, "resolve_rounds");
        roundsMax = roundsMax(s.cl.device().info().type());
        statusPartial = ProgramBuilder.kernel(p, "status_partial");
        statusFinal = ProgramBuilder.kernel(p, "status_final");
        int largest = 1;
        for (int i = 0; i < initial.count(); i++) {
            largest = Math.max(largest, initial.masses()[i]);
        }
        int[] histogram = new int[largest + 1];
        for (int i = 0; i < initial.count(); i++) {
            histogram[initial.masses()[i]]++;
        }
        long histogramInts = Math.max(initial.totalMass(), largest) + 1L;
        liveByMass = buffer("the live-mass histogram", Sizeof.cl_int, histogramInts);
        partialLocal = s.cl.localSize(statusPartial);
        finalLocal = s.cl.localSize(statusFinal);
        partialGroups = (int) ((Kernels.strideItems(s.cl, statusPartial, histogramInts) + partialLocal - 1) / partialLocal);
        partial = buffer("the step status's partial results", 3L * Sizeof.cl_int, partialGroups);
        partialD = buffer("the step status's partial results", 2L * Sizeof.cl_double, partialGroups);
        clEnqueueFillBuffer(s.cl.queue(), liveByMass, Pointer.to(new int[] {0}), Sizeof.cl_int, 0, Sizeof.cl_int * histogramInts, 0,
                null, null);
        clEnqueueWriteBuffer(s.cl.queue(), liveByMass, CL_TRUE, 0, (long) Sizeof.cl_int * histogram.length, Pointer.to(histogram), 0,
                null, null);
        int[] st = new int[READBACK_BYTES / Sizeof.cl_int];
        st[SEAM_WORD] = Integer.MAX_VALUE;
        st[StatusLayout.LIVE] = initial.count();
        st[StatusLayout.LARGEST] = largest;
        status = DeviceBuffers.create(s.cl, "the step status", CL_MEM_READ_WRITE | CL_MEM_COPY_HOST_PTR,
                READBACK_BYTES, Pointer.to(st));
        statusD = buffer("the step status", Sizeof.cl_double, StatusLayout.DOUBLES);
        this.eventCapacity = Math.max(1, eventCapacity);
        events = buffer("the event log", (long) EVENT_INTS * Sizeof.cl_int, this.eventCapacity);
        ordCapacity = 0;
        if (roundsMax > 0) {
            claim = buffer("the resolution's slot claims", Sizeof.cl_int, s.capacity);
            cl_kernel clear = ProgramBuilder.kernel(p, "claims_clear");
            Kernels.args(s.cl, clear, claim, s.capacity);
            Kernels.run(s.cl, clear, Kernels.strideItems(s.cl, clear, s.capacity));
        }
    }

    /**
     * Whether the fired pairs are applied in parallel rounds ({@code resolve_rounds}, rounds.cl) or on
     * one work item ({@code resolve_fired}): rounds on a GPU, where one work item idles the chip; one
     * item on a CPU device, where a step's few events cost less than the rounds' barriers. Both give
     * the reference's result. System property {@link #ROUNDS_PROPERTY}, else the environment variable
     * {@code COAG_OPENCL_RESOLVE_ROUNDS}, overrides with the cap (0: one work item).
     *
     * @param deviceType the device's type ({@link DeviceInfo#type})
     * @return the rounds before the serial finish, 0 for {@code resolve_fired}
     */
    static int roundsMax(String deviceType) {
        return DevicePaths.number(ROUNDS_PROPERTY, "COAG_OPENCL_RESOLVE_ROUNDS", deviceType, ROUNDS_MAX, 0, 0, MAX_ROUNDS_OVERRIDE);
    }

    private cl_mem buffer(String what, long size, long n) {
        return DeviceBuffers.create(s.cl, what, CL_MEM_READ_WRITE, size * Math.max(1, n), null);
    }

    /**
     * Enqueues the resolution of the step's fired pairs and the status that follows.
     *
     * @param fire the firing test, after {@link DeviceFire#fire}
     * @param pairs the pair search of the step
     * @param move the move (its sigma table)
     * @param step the step index
     */
    void resolve(DeviceFire fire, DevicePairs pairs, DeviceMove move, long step) {
        if (ordCapacity < fire.capacity()) {
            for (cl_mem m : new cl_mem[] {ord, tmp, rec}) {
                if (m != null) {
                    clReleaseMemObject(m);
                }
            }
            ordCapacity = fire.capacity();
            ord = buffer("the fired pairs' order", Sizeof.cl_int, ordCapacity);
            tmp = buffer("the fired pairs' sort scratch", Sizeof.cl_int, ordCapacity);
            rec = roundsMax > 0 ? buffer("the fired pairs' outcomes", 4L * Sizeof.cl_int, ordCapacity) : null;
        }
        cl_mem[] f = fire.buffers();
        Kernels.args(s.cl, sortLocal, f[0], f[2], f[3], fire.capacity(), ord);
        Kernels.runGroups(s.cl, sortLocal, 1, s.cl.localSize(sortLocal));
        Object[] common = {f[0], f[1], f[2], f[3], f[4], fire.capacity(), pairs.foundBuffer(), pairs.pairCapacity(), s.masses,
            pairs.startBuffer(), pairs.slots(), OpenClConstants.modeCode(spec.mode()), step, events, eventCapacity, liveByMass, ord,
            tmp, status, fire.pairTable().missCount()};
        if (roundsMax == 0) {
            Kernels.args(s.cl, resolve, common);
            Kernels.run(s.cl, resolve, 1);
        } else {
            long local = s.cl.localSize(rounds);
            Object[] all = Arrays.copyOf(common, common.length + 4);
            all[common.length] = rec;
            all[common.length + 1] = claim;
            all[common.length + 2] = roundsMax;
            all[common.length + 3] = new Kernels.Local(Sizeof.cl_int * local);
            Kernels.args(s.cl, rounds, all);
            Kernels.runGroups(s.cl, rounds, 1, local);
        }
        recomputeStatus(move, fire);
    }

    /**
     * Enqueues the status from the live-mass histogram, a parallel reduction in two passes (status.cl);
     * alone after the tables grew.
     *
     * @param move the move (its sigma table)
     * @param fire the firing test (its range^2 of each mass pair (m, m))
     */
    void recomputeStatus(DeviceMove move, DeviceFire fire) {
        Kernels.args(s.cl, statusPartial, status, liveByMass, move.sigmaBuffer(), fire.range2Buffer(), tables(move, fire), partial,
                partialD, new Kernels.Local(3L * Sizeof.cl_int * partialLocal), new Kernels.Local(2L * Sizeof.cl_double * partialLocal));
        Kernels.runGroups(s.cl, statusPartial, partialGroups, partialLocal);
        Kernels.args(s.cl, statusFinal, status, statusD, partial, partialD, partialGroups, new Kernels.Local(3L * Sizeof.cl_int * finalLocal),
                new Kernels.Local(2L * Sizeof.cl_double * finalLocal));
        Kernels.runGroups(s.cl, statusFinal, 1, finalLocal);
    }

    /** @return the masses both the sigma and the pair tables cover */
    private static int tables(DeviceMove move, DeviceFire fire) {
        return Math.min(move.maxMass(), fire.maxMass());
    }

    /** @return the status, read from the device in one blocking read (no seam check) */
    Status status() {
        return status(null);
    }

    /**
     * @param seamWord the seam check's word of this step ({@link SeamCheck#word}), or null
     * @return the status and the seam check's result, copied on the device into one buffer and read
     *     from it in one blocking read (waits for the queue)
     */
    Status status(cl_mem seamWord) {
        if (seamWord != null) {
            clEnqueueCopyBuffer(s.cl.queue(), seamWord, status, 0, (long) Sizeof.cl_int * SEAM_WORD, Sizeof.cl_int, 0, null, null);
        }
        clEnqueueCopyBuffer(s.cl.queue(), statusD, status, 0, DOUBLES_AT, (long) Sizeof.cl_double * StatusLayout.DOUBLES, 0, null,
                null);
        clEnqueueReadBuffer(s.cl.queue(), status, CL_TRUE, 0, READBACK_BYTES, Pointer.to(statusHost), 0, null, null);
        int[] v = new int[SEAM_WORD + 1];
        statusHost.asIntBuffer().get(v);
        double[] d = new double[StatusLayout.DOUBLES];
        statusHost.position(DOUBLES_AT);
        statusHost.slice().order(ByteOrder.nativeOrder()).asDoubleBuffer().get(d);
        statusHost.position(0);
        return new Status(v[StatusLayout.PAIRS], v[StatusLayout.FIRED], v[StatusLayout.FLAGS], v[StatusLayout.EVENTS],
                v[StatusLayout.LIVE], v[StatusLayout.LARGEST], v[StatusLayout.SORTED], v[StatusLayout.BAD_SIGMA],
                v[StatusLayout.BAD_RANGE], v[StatusLayout.NEED_TABLE], v[StatusLayout.UNTABULATED], v[StatusLayout.MISSES], d[StatusLayout.D_WIDEST],
                d[StatusLayout.D_RANGE2], v[SEAM_WORD]);
    }

    /**
     * Passes the first {@code upTo} logged events to the sink in order and empties the log.
     *
     * @param sink the receiver
     * @param upTo events to pass (the rest, if any, are dropped: a failed step's)
     */
    void flushEvents(EventSink sink, int upTo) {
        if (upTo > 0) {
            int[] e = new int[EVENT_INTS * upTo];
            clEnqueueReadBuffer(s.cl.queue(), events, CL_TRUE, 0, (long) Sizeof.cl_int * e.length, Pointer.to(e), 0, null, null);
            EventKind kind = CollisionOutcome.of(spec.mode()).kind();
            for (int k = 0; k < upTo; k++) {
                int b = EVENT_INTS * k;
                long step = (e[b + StatusLayout.EV_STEP_LO] & 0xFFFFFFFFL) | ((long) e[b + StatusLayout.EV_STEP_HI] << 32);
                sink.collision(step, kind, e[b + StatusLayout.EV_ID_LO], e[b + StatusLayout.EV_ID_HI], e[b + StatusLayout.EV_MASS_LO],
                        e[b + StatusLayout.EV_MASS_HI], e[b + StatusLayout.EV_SURVIVOR]);
            }
        }
        clEnqueueWriteBuffer(s.cl.queue(), status, CL_TRUE, (long) StatusLayout.EVENTS * Sizeof.cl_int, Sizeof.cl_int,
                Pointer.to(new int[] {0}), 0, null, null);
    }

    /**
     * Makes room for at least {@code needed} events in an empty log.
     *
     * @param needed events one step must be able to log
     */
    void ensureEventCapacity(int needed) {
        if (needed <= eventCapacity) {
            return;
        }
        if (needed > MAX_EVENTS) {
            throw new ModelException("opencl: " + needed + " collisions in one step, more than the event log can hold ("
                    + MAX_EVENTS + "); use fewer particles or the cpu backend");
        }
        clReleaseMemObject(events);
        eventCapacity = (int) Math.min(MAX_EVENTS, needed + (long) needed / 2);
        events = buffer("the event log", (long) EVENT_INTS * Sizeof.cl_int, eventCapacity);
    }

    @Override
    public void close() {
        for (cl_mem m : new cl_mem[] {liveByMass, status, statusD, partial, partialD, events, ord, tmp, rec, claim}) {
            if (m != null) {
                clReleaseMemObject(m);
            }
        }
    }
}
