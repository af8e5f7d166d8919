package org.coag.gpu;

import org.coag.core.backend.Backend;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.model.ModelSpec;

/**
 * The OpenCL backend ({@code opencl}): the fixed-step scheme on an OpenCL device with fp64, bit
 * identical to the reference. The device is the first GPU with fp64 (else the first device with
 * fp64), or the one the system property {@code coag.device} names (index or name substring).
 */
public final class OpenClBackend implements Backend {
    private final int startCapacity;

    /** The backend with its normal buffer sizes (ServiceLoader). */
    public OpenClBackend() {
        this(0);
    }

    /**
     * @param startCapacity initial pair, fired-pair and event buffer sizes (0: the normal sizes); a
     *     tiny value makes every step overflow and regrow them (tests)
     */
    OpenClBackend(int startCapacity) {
        this.startCapacity = startCapacity;
    }

    @Override
    public String name() {
        return "opencl";
    }

    @Override
    public String description() {
        return "OpenCL device (JOCL): the whole step on the device (move, sort by cell, pair search, firing, resolution in "
                + "the reference's order); the host reads one status per step";
    }

    @Override
    public String unavailableReason() {
        try {
            OpenCl.select(System.getProperty("coag.device"));
            return null;
        } catch (org.coag.core.model.ModelException e) {
            return e.getMessage();
        }
    }

    @Override
    public String unsupported(ModelSpec spec) {
        if (spec.isLattice()) {
            return "the opencl backend does not run the lattice model (model.space = \"lattice\"); use --backend reference";
        }
        if (spec.fragmentation().enabled()) {
            return "the opencl backend does not run fragmentation (no device kernel creates particles yet); "
                    + "use --backend cpu or reference";
        }
        return spec.stepping().adaptive() ? "the opencl backend runs the fixed-step scheme only; time.scheme = \"adaptive\" "
                + "runs on the reference and cpu backends" : null;
    }

    /** The host keeps only transient upload and read-back arrays: 8 d + 4 bytes per particle, plus a few MB. */
    @Override
    public long heapBytes(ModelSpec spec, BackendOptions options) {
        return (8L * spec.dim() + 4) * spec.particles() + (8L << 20);
    }

    @Override
    public long deviceBytes(ModelSpec spec) {
        return deviceBytes(spec.dim(), spec.particles(), (long) spec.particles() * spec.initial().maxMass(), spec.initial().maxMass());
    }

    /** (16 d + 120) N + 4 M bytes for N particles of total mass M, and the tables by mass up to the largest. */
    private static long deviceBytes(int dim, long particles, long totalMass, int largestMass) {
        return (16L * dim + 120) * Math.max(1, particles) + 4L * totalMass + 16L * Math.max(8, largestMass) + (1L << 20);
    }

    @Override
    public long deviceMemory() {
        try {
            return OpenCl.select(System.getProperty("coag.device")).info().globalMemory();
        } catch (org.coag.core.model.ModelException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public Simulation create(ModelSpec spec, long seed, ParticleState state, long firstStep, BackendOptions options) {
        if (unsupported(spec) != null) {
            throw new org.coag.core.model.ModelException("opencl: " + unsupported(spec));
        }
        OpenCl.Device device = OpenCl.select(System.getProperty("coag.device"));
        int largest = 1;
        for (int i = 0; i < state.count(); i++) {
            largest = Math.max(largest, state.masses()[i]);
        }
        checkMemory(device.info(), spec.dim(), state.count(), state.totalMass(), largest);
        ProgramBuilder cl = new ProgramBuilder(device);
        return new OpenClSimulation(cl, spec, seed, state, firstStep, startCapacity);
    }

    /**
     * Refuses, before any step, a run whose buffers exceed the device's largest allocation or its
     * memory. The largest buffers, each checked against the largest allocation: the positions,
     * 8 d N bytes (the state and its sorted spare); the hash table's starts, 4 (2^b + 1) bytes for
     * 2^b &gt;= 2 N slots; the pair list, 8 N; the fired pairs' ids and slots, 16 N; the live-mass
     * histogram, 4 (M + 1) for total mass M; the event log, 32 min(N, 65536). In all about
     * (16 d + 120) N + 4 M bytes (with ids and masses and their spares, the hash table's counts and
     * cursors, sort order, firing times and draws, the sigma and range tables by mass, and the pair
     * table, 32 bytes per mass pair met, which starts at about 1 MB), checked against the device's memory.
     */
    static void checkMemory(DeviceInfo device, int dim, long particles, long totalMass, int largestMass) {
        long n = Math.max(1, particles);
        long buffers = Math.max(1024, n);
        DeviceBuffers.checkAllocation(device, String.format("the positions of %d particles in d = %d", particles, dim), 8L * dim * n);
        DeviceBuffers.checkAllocation(device, "the hash table's starts", 4L * ((1L << DevicePairs.tableBits(n)) + 1));
        DeviceBuffers.checkAllocation(device, "the pair list", 8L * buffers);
        DeviceBuffers.checkAllocation(device, "the fired pairs' ids and slots", 16L * buffers);
        DeviceBuffers.checkAllocation(device, "the live-mass histogram", 4L * (totalMass + 1));
        DeviceBuffers.checkAllocation(device, "the event log", 4L * StatusLayout.EVENT_INTS * Math.max(1024, Math.min(n, 1 << 16)));
        long total = deviceBytes(dim, particles, totalMass, largestMass);
        if (total > device.globalMemory()) {
            throw new org.coag.core.model.ModelException(String.format("opencl: %d particles need about %.2f GiB of device memory, "
                    + "%s has %.2f GiB", particles, total / (double) (1L << 30), device.name(),
                    device.globalMemory() / (double) (1L << 30)));
        }
    }
}
