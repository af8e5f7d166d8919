package org.coag.gpu;

import java.util.HashMap;
import java.util.Map;
import org.coag.core.backend.EventSink;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.coag.core.step.MoveParameters;
import org.coag.core.step.PairConstants;
import org.coag.core.step.PairParameters;
import org.coag.core.step.StepLimits;

/**
 * The fixed-step scheme on an OpenCL device, in the reference's order: move, largest range, seam
 * check (free space), sort by cell (which compacts), pair search, firing test and resolution, all on
 * the device. Once per step the host reads the step status ({@link DeviceResolve.Status}: counts,
 * overflow flags, and from the device's live-mass histogram the widest sigma and largest range the
 * next step needs); in free space also the seam check's word. Events stay in a device log until the
 * end of {@link #advance} (or until it fills). Buffers that overflow are grown and the step's
 * search, firing test or resolution rerun; nothing is applied before all fit.
 */
final class OpenClSimulation implements Simulation {
    private final ModelSpec spec;
    private final DeviceState device;
    private final DeviceMove move;
    private final DevicePairs pairs;
    private final DeviceFire fire;
    private final DeviceResolve resolve;
    private final SeamCheck seam;
    private final PairParameters pairParameters;
    private final MoveParameters moveParameters;
    private final boolean fusedMove;
    private DeviceResolve.Status status;
    /** Events in the device log from completed steps (a failed step's are never passed on). */
    private int logged;
    private long step;

    /**
     * @param startCapacity initial pair, fired-pair and event buffer sizes (0: from N; tests pass 1)
     */
    OpenClSimulation(ProgramBuilder cl, ModelSpec spec, long seed, ParticleState initial, long firstStep, int startCapacity) {
        this.spec = spec;
        this.step = firstStep;
        this.device = new DeviceState(cl, initial);
        int largest = 1;
        for (int i = 0; i < initial.count(); i++) {
            largest = Math.max(largest, initial.masses()[i]);
        }
        int tables = Math.max(largest, 8);
        this.move = new DeviceMove(device, spec, seed, tables);
        int buffers = startCapacity > 0 ? startCapacity : Math.max(1024, initial.count());
        this.pairs = new DevicePairs(device, buffers);
        this.fire = startCapacity > 0 ? new DeviceFire(device, spec, seed, tables, buffers, 0, 1)
                : new DeviceFire(device, spec, seed, tables, buffers);
        this.resolve = new DeviceResolve(device, spec, initial,
                startCapacity > 0 ? startCapacity : Math.max(1024, Math.min(initial.count(), 1 << 16)));
        this.seam = spec.freeSpace() ? new SeamCheck(device) : null;
        this.fusedMove = fuseMove(cl.device().info().type());
        this.pairParameters = new PairParameters(spec);
        this.moveParameters = new MoveParameters(spec);
        resolve.recomputeStatus(move, fire);
        this.status = resolve.status();
    }

    @Override
    public void advance(long steps, EventSink sink) {
        try {
            for (long s = 0; s < steps; s++) {
                oneStep(sink);
            }
        } finally {
            resolve.flushEvents(sink, logged);
            logged = 0;
        }
    }

    private void oneStep(EventSink sink) {
        if (status.badSigma() > 0 || spec.rangeVaries() && status.badRange() > 0) {
            replayTables();
        }
        PhaseMarks.mark(device.cl.queue(), "status read (previous step)");
        double range = !spec.rangeVaries() ? pairParameters.of(1, 1).range() : Math.sqrt(status.range2());
        if (spec.rangeVaries() && !(range < spec.domain().side() / 2)) {
            StepLimits.largestRange(spec, pairParameters, liveById(), step);
        }
        double unit = spec.domain().unit();
        double reach = PairParameters.searchReach(range, unit) * unit;
        pairs.chooseGrid(spec.domain().side(), reach);
        double limit = 0;
        if (seam != null) {
            seam.reset();
            limit = spec.domain().side() / 2 - StepLimits.seamGuard(range, status.widest(), unit);
        }
        if (fusedMove) {
            move.moveSeamCount(step, pairs, seam == null ? null : seam.word(), unit, limit);
            PhaseMarks.mark(device.cl.queue(), "move, seam check, count (fused)");
            pairs.sortCounted(unit, reach);
        } else {
            move.move(step);
            if (seam != null) {
                seam.enqueue(unit, limit);
            }
            PhaseMarks.mark(device.cl.queue(), "move, seam check");
            pairs.sortAndFind(spec.domain().side(), unit, reach);
        }
        fire.fire(pairs, step);
        PhaseMarks.mark(device.cl.queue(), "firing test");
        resolve.resolve(fire, pairs, move, step);
        PhaseMarks.mark(device.cl.queue(), "resolution and status");
        DeviceResolve.Status st = resolve.status(seam == null ? null : seam.word());
        if (st.seamOffender() != Integer.MAX_VALUE) {
            throw StepLimits.seamReached(st.seamOffender(), spec.domain().side(), step);
        }
        while (st.flags() != 0) {
            st = rerun(st, sink);
        }
        if (st.untabulated() != 0) {
            failOnUntabulatedPair(st);
        }
        device.count = st.sorted();
        while (st.needTable() > 0) {
            move.ensureMasses(st.needTable());
            fire.ensureMasses(st.needTable());
            resolve.recomputeStatus(move, fire);
            st = resolve.status();
        }
        status = st;
        logged = st.events();
        step++;
    }

    /**
     * A pair in reach has masses the config's tables lack: fails as the reference does, naming the
     * smallest such (mass of the lower id, mass of the higher id) of the step's pair list.
     */
    private void failOnUntabulatedPair(DeviceResolve.Status st) {
        int[] slots = pairs.readPairs(st.pairs());
        int[] masses = device.readInts(device.masses, st.sorted());
        Map<Long, Boolean> tabulated = new HashMap<>();
        long smallest = Long.MAX_VALUE;
        for (int p = 0; p < st.pairs(); p++) {
            int mi = masses[slots[2 * p]];
            int mj = masses[slots[2 * p + 1]];
            long code = ((long) mi << 32) | mj;
            int lo = Math.min(mi, mj);
            int hi = Math.max(mi, mj);
            if (code < smallest && !tabulated.computeIfAbsent(((long) lo << 32) | hi, k -> hasParameters(lo, hi))) {
                smallest = code;
            }
        }
        if (smallest != Long.MAX_VALUE) {
            pairParameters.of((int) (smallest >>> 32), (int) smallest);
        }
        throw new IllegalStateException("opencl: a pair in reach has no parameters at step " + step);
    }

    private boolean hasParameters(int lo, int hi) {
        try {
            PairConstants.of(spec, lo, hi);
            return true;
        } catch (ModelException e) {
            return false;
        }
    }

    /** A live mass lacks a sigma, or (with radii) a range: fails as the reference does, naming the same mass. */
    private void replayTables() {
        StepLimits.replayMassTables(spec, device.readInts(device.ids), device.readInts(device.masses), device.count);
    }

    /** @return the live particles in id order (the reference's slot order), read from the device */
    private ParticleState liveById() {
        ParticleState live = new ParticleState(spec.dim(), Math.max(1, device.count));
        readState(live);
        live.sortById();
        return live;
    }

    /** Grows what overflowed and reruns the parts of the step after it (nothing had been applied). */
    private DeviceResolve.Status rerun(DeviceResolve.Status st, EventSink sink) {
        if ((st.flags() & StatusLayout.FLAG_PAIRS) != 0) {
            pairs.growPairs(st.pairs());
            pairs.findAgain();
            fire.fire(pairs, step);
        } else if ((st.flags() & StatusLayout.FLAG_MISSES) != 0) {
            fire.pairTable().addMisses(st.misses());
            fire.fire(pairs, step);
        } else if ((st.flags() & StatusLayout.FLAG_FIRED) != 0) {
            fire.grow(st.fired());
            fire.fire(pairs, step);
        } else {
            resolve.flushEvents(sink, logged);
            logged = 0;
            resolve.ensureEventCapacity(st.fired());
        }
        resolve.resolve(fire, pairs, move, step);
        return resolve.status();
    }

    @Override
    public long stepIndex() {
        return step;
    }

    @Override
    public int liveCount() {
        return status.live();
    }

    @Override
    public void readState(ParticleState into) {
        ParticleState all = new ParticleState(spec.dim(), Math.max(1, device.capacity));
        all.setCount(device.count);
        device.readPositions(all);
        int[] ids = device.readInts(device.ids);
        int[] masses = device.readInts(device.masses);
        int n = 0;
        for (int i = 0; i < device.count; i++) {
            if (masses[i] == 0) {
                continue;
            }
            into.ids()[n] = ids[i];
            into.masses()[n] = masses[i];
            for (int k = 0; k < spec.dim(); k++) {
                into.positions()[k][n] = all.positions()[k][i];
            }
            n++;
        }
        into.setCount(n);
    }

    @Override
    public void close() {
        if (seam != null) {
            seam.close();
        }
        resolve.close();
        fire.close();
        pairs.close();
        move.close();
        device.close();
    }

    /**
     * Whether the step runs the move, the seam check and the hash count as one kernel
     * ({@code move_seam_count}) or as three. Fused on a GPU, where it saves two passes over the
     * positions; separate on a CPU device, where the atomic count keeps PoCL from vectorising the
     * move across work items (fused: 9.2e6 against 1.8e7 particle-steps/s at N = 1e6 on PoCL, AVX-512
     * EPYC). System property {@code coag.opencl.fuseMove} ("true"/"false"), else the environment
     * variable {@code COAG_OPENCL_FUSE_MOVE}, overrides. Both give the same bits.
     *
     * @param deviceType the device's type ({@link DeviceInfo#type})
     * @return true for the fused kernel
     */
    static boolean fuseMove(String deviceType) {
        return DevicePaths.flag("coag.opencl.fuseMove", "COAG_OPENCL_FUSE_MOVE", deviceType, true, false);
    }
}
