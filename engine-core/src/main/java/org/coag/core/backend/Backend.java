package org.coag.core.backend;

import org.coag.core.model.ModelSpec;

/**
 * A compute backend, found with {@link java.util.ServiceLoader} (see {@link Backends}).
 * Every backend must produce, for the same spec, seed and initial state, the same event log and
 * final state as the reference backend, bit for bit (docs/ARCHITECTURE.md contract 1).
 */
public interface Backend {
    /** @return the name users pass to {@code --backend} */
    String name();

    /** @return one line: what it runs on */
    String description();

    /**
     * @param spec the model
     * @param seed run seed (the Philox key)
     * @param state the particles at step {@code firstStep}; the backend copies it
     * @param firstStep the index of the next step (0 for a fresh run, the checkpoint's for a resume)
     * @param options threads and vector width (never change a result)
     * @return a simulation positioned at {@code firstStep}
     * @throws org.coag.core.model.ModelException if the backend cannot run this spec
     */
    Simulation create(ModelSpec spec, long seed, ParticleState state, long firstStep, BackendOptions options);

    /**
     * {@link #create(ModelSpec, long, ParticleState, long, BackendOptions)} with
     * {@link BackendOptions#DEFAULTS}.
     *
     * @param spec the model
     * @param seed run seed
     * @param state the particles at step {@code firstStep}
     * @param firstStep the index of the next step
     * @return a simulation positioned at {@code firstStep}
     */
    default Simulation create(ModelSpec spec, long seed, ParticleState state, long firstStep) {
        return create(spec, seed, state, firstStep, BackendOptions.DEFAULTS);
    }

    /**
     * Whether this backend can run here (e.g. an OpenCL platform with an fp64 device exists).
     *
     * @return null when it can, else the reason it cannot
     */
    default String unavailableReason() {
        return null;
    }

    /**
     * Whether this backend implements what a model asks for (e.g. its stepping scheme).
     *
     * @param spec the model
     * @return null when it does, else the reason it does not (one line)
     */
    default String unsupported(ModelSpec spec) {
        return null;
    }

    /**
     * The heap a simulation of this spec holds (its particle arrays, tables and scratch), estimated
     * from what it allocates and kept honest by a test against the measured live heap; used to
     * refuse a run that cannot fit before it starts.
     *
     * @param spec the model
     * @param options threads and vector width
     * @return bytes of Java heap
     */
    default long heapBytes(ModelSpec spec, BackendOptions options) {
        return 0;
    }

    /**
     * @param spec the model
     * @return bytes of device memory a simulation needs (0 for a backend that runs on the host)
     */
    default long deviceBytes(ModelSpec spec) {
        return 0;
    }

    /** @return the device's memory in bytes (for {@link #deviceBytes}); unbounded for a host backend */
    default long deviceMemory() {
        return Long.MAX_VALUE;
    }
}
