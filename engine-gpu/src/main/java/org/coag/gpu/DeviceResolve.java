package org.coag.gpu;

import static org.jocl.CL.CL_MEM_COPY_HOST_PTR;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clEnqueueFillBuffer;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clReleaseMemObject;

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
 * Collision resolution on the device ({@code resolve.cl}): the fired pairs of a step sorted and
 * applied in the reference's order, events appended to a device log ({@link StatusLayout#EVENT_INTS}
 * ints each, words {@code StatusLayout.EV_*}), a histogram of live masses
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
     */
    record Status(int pairs, int fired, int flags, int events, int live, int largest, int sorted, int badSigma,
                  int badRange, int needTable, int untabulated, int misses, double widest, double range2) {
    }

    private final DeviceState s;
    private final ModelSpec spec;
    private final cl_kernel resolve;
    private final cl_kernel statusKernel;
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
        resolve = ProgramBuilder.kernel(p, "resolve_fired");
        statusKernel = ProgramBuilder.kernel(p, "step_status");
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
        clEnqueueFillBuffer(s.cl.queue(), liveByMass, Pointer.to(new int[] {0}), Sizeof.cl_int, 0, Sizeof.cl_int * histogramInts, 0,
                null, null);
        clEnqueueWriteBuffer(s.cl.queue(), liveByMass, CL_TRUE, 0, (long) Sizeof.cl_int * histogram.length, Pointer.to(histogram), 0,
                null, null);
        int[] st = new int[STATUS_INTS];
        st[StatusLayout.LIVE] = initial.count();
        st[StatusLayout.LARGEST] = largest;
        status = DeviceBuffers.create(s.cl, "the step status", CL_MEM_READ_WRITE | CL_MEM_COPY_HOST_PTR,
                (long) Sizeof.cl_int * STATUS_INTS, Pointer.to(st));
        statusD = buffer("the step status", Sizeof.cl_double, StatusLayout.DOUBLES);
        this.eventCapacity = Math.max(1, eventCapacity);
        events = buffer("the event log", (long) EVENT_INTS * Sizeof.cl_int, this.eventCapacity);
        ordCapacity = 0;
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
            if (ord != null) {
                clReleaseMemObject(ord);
                clReleaseMemObject(tmp);
            }
            ordCapacity = fire.capacity();
            ord = buffer("the fired pairs' order", Sizeof.cl_int, ordCapacity);
            tmp = buffer("the fired pairs' sort scratch", Sizeof.cl_int, ordCapacity);
        }
        cl_mem[] f = fire.buffers();
        Kernels.args(resolve, f[0], f[1], f[2], f[3], f[4], fire.capacity(), pairs.foundBuffer(), pairs.pairCapacity(), s.masses,
                pairs.startBuffer(), pairs.slots(), OpenClConstants.modeCode(spec.mode()), step, events,
                eventCapacity, liveByMass, ord, tmp, status, statusD, move.sigmaBuffer(), fire.range2Buffer(), tables(move, fire),
                fire.pairTable().missCount());
        Kernels.run(s.cl, resolve, 1);
    }

    /**
     * Enqueues the status alone (after the tables grew).
     *
     * @param move the move (its sigma table)
     * @param fire the firing test (its range^2 of each mass pair (m, m))
     */
    void recomputeStatus(DeviceMove move, DeviceFire fire) {
        Kernels.args(statusKernel, status, statusD, liveByMass, move.sigmaBuffer(), fire.range2Buffer(), tables(move, fire));
        Kernels.run(s.cl, statusKernel, 1);
    }

    /** @return the masses both the sigma and the pair tables cover */
    private static int tables(DeviceMove move, DeviceFire fire) {
        return Math.min(move.maxMass(), fire.maxMass());
    }

    /** @return the status, read from the device (waits for the queue) */
    Status status() {
        int[] v = new int[STATUS_INTS];
        double[] d = new double[StatusLayout.DOUBLES];
        clEnqueueReadBuffer(s.cl.queue(), statusD, CL_TRUE, 0, (long) Sizeof.cl_double * d.length, Pointer.to(d), 0, null,
                null);
        clEnqueueReadBuffer(s.cl.queue(), status, CL_TRUE, 0, (long) Sizeof.cl_int * STATUS_INTS, Pointer.to(v), 0, null, null);
        return new Status(v[StatusLayout.PAIRS], v[StatusLayout.FIRED], v[StatusLayout.FLAGS], v[StatusLayout.EVENTS],
                v[StatusLayout.LIVE], v[StatusLayout.LARGEST], v[StatusLayout.SORTED], v[StatusLayout.BAD_SIGMA],
                v[StatusLayout.BAD_RANGE], v[StatusLayout.NEED_TABLE], v[StatusLayout.UNTABULATED], v[StatusLayout.MISSES], d[StatusLayout.D_WIDEST],
                d[StatusLayout.D_RANGE2]);
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
        for (cl_mem m : new cl_mem[] {liveByMass, status, statusD, events, ord, tmp}) {
            if (m != null) {
                clReleaseMemObject(m);
            }
        }
    }
}
