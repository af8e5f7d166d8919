package org.coag.core.run;

import java.io.IOException;
import org.coag.core.backend.ParticleState;

/**
 * Observations a run takes at steps of its own choosing and writes as it takes them (a study
 * task's observations at the study's times), kept consistent with the run's checkpoints: the driver
 * records {@link #sync}'s length in each checkpoint and, on resume, {@link #restore}s it, so a run
 * killed at any moment ends with the same observations as an uninterrupted one (as events.bin).
 */
public interface RunObserver {
    /**
     * @param step the last step taken (0 before the first)
     * @return the next step after it at which to observe, or {@link Long#MAX_VALUE} for none
     */
    long nextStep(long step);

    /**
     * @param step the step just taken
     * @param time its time
     * @param state the live particles after it
     * @throws IOException when the observation cannot be written
     */
    void observe(long step, double time, ParticleState state) throws IOException;

    /**
     * Makes everything written so far durable.
     *
     * @return the length of the output, recorded in the checkpoint
     * @throws IOException on failure
     */
    long sync() throws IOException;

    /**
     * Cuts the output back to a checkpoint's length before a resumed run continues.
     *
     * @param bytes the length the checkpoint recorded
     * @throws IOException on failure, or when the output is shorter than that
     */
    void restore(long bytes) throws IOException;

    /**
     * Releases the output (the run ended, whatever its outcome).
     *
     * @throws IOException on failure
     */
    void close() throws IOException;
}
