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
        return deviceBytes(spec.dim(), spec.particles(), (long) spec.particles() * spec.initial().maxMass());
    }

    private static long deviceBytes(int dim, long particles, long totalMass) {
        return (16L * dim + 120) * Math.max(1, particles) + 4L * totalMass;
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
        checkMemory(device.info(), spec.dim(), state.count(), state.totalMass());
        ProgramBuilder cl = new ProgramBuilder(device);
        return new OpenClSimulation(cl, spec, seed, state, firstStep, startCapacity);
    }

    /**
     * Refuses, before any step, a run whose buffers exceed the device's largest allocation or its
     * memory: positions 8 d N bytes per buffer (the state and its sorted spare); in all about
     * (16 d + 120) N + 4 M bytes for N particles of total mass M (ids and masses with spares, hash
     * slots, a table of 2..4 N slots with counts, starts and cursors, sort order, pair and fired-pair
     * lists, the live-mass histogram).
     */
    static void checkMemory(DeviceInfo device, int dim, long particles, long totalMass) {
        long positions = 8L * dim * Math.max(1, particles);
        long total = deviceBytes(dim, particles, totalMass);
        if (positions > device.maxAllocation()) {
            throw new org.coag.core.model.ModelException(String.format("opencl: the positions of %d particles in d = %d need "
                    + "one %.2f GiB buffer, above the largest allocation of %s (%.2f GiB); use fewer particles or another device",
                    particles, dim, positions / (double) (1L << 30), device.name(), device.maxAllocation() / (double) (1L << 30)));
        }
        if (total > device.globalMemory()) {
            throw new org.coag.core.model.ModelException(String.format("opencl: %d particles need about %.2f GiB of device memory, "
                    + "%s has %.2f GiB", particles, total / (double) (1L << 30), device.name(),
                    device.globalMemory() / (double) (1L << 30)));
        }
    }
}
