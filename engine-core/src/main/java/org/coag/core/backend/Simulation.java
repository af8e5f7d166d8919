package org.coag.core.backend;

/**
 * A running simulation on one backend. Created by {@link Backend#create}; owns its state (and any
 * device memory) until {@link #close()}.
 */
public interface Simulation extends AutoCloseable {
    /**
     * Advances by {@code steps} fixed steps, reporting collisions to {@code sink} (a backend may
     * buffer and report a batch before returning).
     *
     * @param steps number of steps, >= 0
     * @param sink event consumer
     * @throws org.coag.core.model.ModelException when the model's limits are broken (e.g. a particle
     *         reached the seam of a free-space box); the state is then undefined
     */
    void advance(long steps, EventSink sink);

    /** @return the number of steps taken since time 0 (the index of the next step) */
    long stepIndex();

    /** @return live particles */
    int liveCount();

    /**
     * Copies the current state (any slot order).
     *
     * @param into destination with capacity >= {@link #liveCount()}
     */
    void readState(ParticleState into);

    @Override
    void close();
}
