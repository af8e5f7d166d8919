package org.coag.gpu;

import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;

import org.coag.core.backend.EventSink;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.model.Domain;
import org.coag.core.model.Mode;
import org.coag.core.model.ModelSpec;
import org.coag.core.step.FiredPairs;
import org.coag.core.step.MassResolver;
import org.coag.core.step.MoveParameters;
import org.coag.core.step.PairParameters;
import org.coag.core.step.StepLimits;
import org.jocl.Pointer;
import org.jocl.Sizeof;

/**
 * The fixed-step scheme on an OpenCL device, in the reference's order: move, largest range, seam
 * check (free space), hash and pair search, firing test on the device; the few fired pairs of a step
 * are read back and applied on the host by the reference's own {@link FiredPairs} order, and the
 * changed masses written back. The host mirrors the masses (it sees every event), so ranges and
 * sigmas need no read-back. Per step the host reads the pair count and the fired pairs (free space:
 * also the seam flag); dead particles keep their slot with mass 0 until {@link #readState}.
 */
final class OpenClSimulation implements Simulation {
    private final ModelSpec spec;
    private final DeviceState device;
    private final DeviceMove move;
    private final DevicePairs pairs;
    private final DeviceFire fire;
    private final SeamCheck seam;
    private final PairParameters pairParameters;
    private final MoveParameters moveParameters;
    private final FiredPairs fired = new FiredPairs();
    private final int[] ids;
    private final int[] masses;
    private final long[] liveByMass;
    private int live;
    private int largestMass;
    private long step;

    OpenClSimulation(ProgramBuilder cl, ModelSpec spec, long seed, ParticleState initial, long firstStep) {
        this.spec = spec;
        this.step = firstStep;
        this.device = new DeviceState(cl, initial);
        this.ids = java.util.Arrays.copyOf(initial.ids(), initial.count());
        this.masses = java.util.Arrays.copyOf(initial.masses(), initial.count());
        this.liveByMass = new long[(int) Math.min(Integer.MAX_VALUE - 8, initial.totalMass() + 1)];
        for (int m : masses) {
            liveByMass[m]++;
            largestMass = Math.max(largestMass, m);
        }
        this.live = initial.count();
        this.move = new DeviceMove(device, spec, seed, Math.max(largestMass, 8));
        this.pairs = new DevicePairs(device);
        this.fire = new DeviceFire(device, spec, seed, Math.max(largestMass, 8), Math.max(1024, initial.count()));
        this.seam = spec.domain().type() == Domain.Type.FREE ? new SeamCheck(device) : null;
        this.pairParameters = new PairParameters(spec);
        this.moveParameters = new MoveParameters(spec);
    }

    @Override
    public void advance(long steps, EventSink sink) {
        for (long s = 0; s < steps; s++) {
            for (int m = 1; m <= largestMass; m++) {
                if (liveByMass[m] > 0) {
                    moveParameters.sigmaFixed(m);
                }
            }
            move.ensureMasses(largestMass);
            move.move(step);
            double widest = 0;
            double range2 = 0;
            int widestMass = 1;
            for (int m = 1; m <= largestMass; m++) {
                if (liveByMass[m] > 0) {
                    widest = Math.max(widest, moveParameters.sigmaFixed(m));
                    double r2 = pairParameters.of(m, m)[0];
                    if (r2 > range2) {
                        range2 = r2;
                        widestMass = m;
                    }
                }
            }
            double range = Math.sqrt(range2);
            if (spec.radii() != null && !(range < spec.domain().side() / 2)) {
                throw StepLimits.rangeTooLarge(widestMass, range, step, spec.domain().side());
            }
            if (seam != null) {
                double limit = spec.domain().side() / 2 - StepLimits.seamGuard(range, widest, spec.domain().unit());
                int offender = seam.lowestOffender(spec.domain().unit(), limit);
                if (offender != Integer.MAX_VALUE) {
                    throw StepLimits.seamReached(offender, spec.domain().side(), step);
                }
            }
            double unit = spec.domain().unit();
            int found = pairs.findOnDevice(spec.domain().side(), unit, PairParameters.searchReach(range, unit) * unit);
            fire.ensureMasses(largestMass);
            DeviceFire.Fired[] f = null;
            while (f == null) {
                fire.fire(pairs, found, step);
                f = fire.read();
            }
            resolve(f, sink);
            step++;
        }
    }

    private void resolve(DeviceFire.Fired[] f, EventSink sink) {
        if (f.length == 0) {
            return;
        }
        fired.clear();
        for (DeviceFire.Fired e : f) {
            fired.add(e.tau(), e.idLo(), e.idHi(), e.slotLo(), e.slotHi(), e.u1());
        }
        fired.sort();
        live -= MassResolver.apply(fired, spec.mode(), step, masses, ids, sink, this::changed);
    }

    private void changed(int slot, int before, int after) {
        liveByMass[before]--;
        if (after > 0) {
            liveByMass[after]++;
            largestMass = Math.max(largestMass, after);
        }
        write(slot, after);
    }

    private void write(int slot, int mass) {
        clEnqueueWriteBuffer(device.cl.queue(), device.masses, CL_TRUE, (long) Sizeof.cl_int * slot, Sizeof.cl_int,
                Pointer.to(new int[] {mass}), 0, null, null);
    }

    @Override
    public long stepIndex() {
        return step;
    }

    @Override
    public int liveCount() {
        return live;
    }

    @Override
    public void readState(ParticleState into) {
        ParticleState all = new ParticleState(spec.dim(), Math.max(1, masses.length));
        all.setCount(masses.length);
        device.readPositions(all);
        int n = 0;
        for (int i = 0; i < masses.length; i++) {
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
        fire.close();
        pairs.close();
        move.close();
        device.close();
    }

    /** Reads the masses the device holds (tests). */
    int[] deviceMasses() {
        int[] m = new int[masses.length];
        clEnqueueReadBuffer(device.cl.queue(), device.masses, CL_TRUE, 0, (long) Sizeof.cl_int * m.length, Pointer.to(m), 0, null, null);
        return m;
    }
}
