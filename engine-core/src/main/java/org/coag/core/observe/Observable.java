package org.coag.core.observe;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.coag.core.backend.ParticleState;
import org.coag.core.model.ModelException;

/**
 * One quantity a run measures from its particle states, with everything that belongs to it: its
 * state (the values observed so far), its part of {@code checkpoint.bin}, and its outputs. The run
 * driver and study tasks both loop over a list of these ({@link Observables}) and know none of them.
 *
 * <p><b>Cadence.</b> An observable either follows the run's cadence ({@link #nextStep} returns
 * {@link #RUN_CADENCE}): it is observed at step 0, at every multiple of {@code observe.every_steps},
 * and at the last step, and then adds one row to {@code timeseries.csv} per observation; or it picks
 * its own steps (a study task's times) and writes its own output as it goes.
 *
 * <p><b>Checkpoint.</b> {@link #writeState} writes the observable's whole state as big-endian
 * {@link DataOutput} bytes; the checkpoint stores them as a section {@code UTF name, int version,
 * long length, bytes} ({@link org.coag.core.io.Checkpoint}). On resume {@link #readState} gets the
 * same bytes back with the version they were written in and must consume all of them; a version
 * above {@link #version()} is refused, and a checkpoint without the section calls
 * {@link #stateMissing(int)}. Bump {@link #version()} whenever the layout changes and keep reading
 * the older layouts (or refuse them with a one-line {@link ModelException}).
 *
 * <p><b>Outputs.</b> Run-cadence observables contribute {@link #columns()} to {@code timeseries.csv}
 * (in list order, after the columns of the observables before them) with {@link #cells} per row;
 * any observable may add fields to {@code summary.json} ({@link #summarize}, after the fixed fields)
 * and whole files to the run directory ({@link #writeFiles}). Values are in the model's units: time
 * in the units of {@code t} (step * dt), masses in units of the monomer mass, counts as integers.
 *
 * <p>Observations must be exact functions of the state (no wall time, no randomness), so that a
 * resumed run ends with the same outputs, byte for byte, as an uninterrupted one.
 */
public interface Observable {
    /** {@link #nextStep}'s answer for an observable that follows the run's cadence. */
    long RUN_CADENCE = -1;

    /**
     * What an observable sees at one observation.
     *
     * @param step the step just taken (0 before the first)
     * @param time step * dt
     * @param state the live particles after it (a scratch copy: read it, do not keep it)
     * @param events cumulative collision events up to and including this step
     */
    record Sample(long step, double time, ParticleState state, long events) {
    }

    /** Receives a whole output file of the run directory. */
    @FunctionalInterface
    interface FileSink {
        /**
         * @param name a file name in the run directory
         * @param text its whole contents (UTF-8), replaced atomically
         * @throws IOException on failure
         */
        void write(String name, String text) throws IOException;
    }

    /** @return a unique name, lower case with underscores: the key of its checkpoint section */
    String name();

    /** @return the version of the layout {@link #writeState} writes (from 1) */
    int version();

    /**
     * @param step the last step taken (-1 before the run starts)
     * @return {@link #RUN_CADENCE}, or the next step after {@code step} at which to observe
     *         ({@link Long#MAX_VALUE} for none)
     */
    default long nextStep(long step) {
        return RUN_CADENCE;
    }

    /**
     * Called once when a run starts from step 0, before its first observation (not on resume).
     *
     * @throws IOException on failure
     */
    default void start() throws IOException {
    }

    /**
     * @param sample the state at an observation step
     * @throws IOException when an observation that is written as it is taken cannot be written
     */
    void observe(Sample sample) throws IOException;

    /**
     * Called once the run has taken its last step (also when it stopped early, and again when a
     * completed run is resumed to rewrite its outputs), before its final checkpoint.
     *
     * @param sample the final state, the one {@code final_state_sha256} hashes
     * @throws IOException when an output written here cannot be written
     */
    default void finish(Sample sample) throws IOException {
    }

    /** @return the number of observations held (run-cadence observables: the rows of timeseries.csv) */
    default int observations() {
        return 0;
    }

    /** @return the timeseries.csv columns this observable owns (none by default) */
    default List<String> columns() {
        return List.of();
    }

    /**
     * @param row an observation index, 0 to {@link #observations()} - 1
     * @param csv receives exactly {@code columns().size()} cells separated by commas, with no
     *            leading or trailing comma
     */
    default void cells(int row, StringBuilder csv) {
    }

    /**
     * @param summary summary.json's fields so far; add this observable's (none by default)
     */
    default void summarize(Map<String, Object> summary) {
    }

    /**
     * @param files writes this observable's own output files (none by default)
     * @throws IOException on failure
     */
    default void writeFiles(FileSink files) throws IOException {
    }

    /**
     * @param out the checkpoint section; everything needed to continue (for an output written as it
     *            goes: make it durable first, and write its length)
     * @throws IOException on failure
     */
    void writeState(DataOutput out) throws IOException;

    /**
     * @param in the bytes {@link #writeState} wrote, to be read completely
     * @param version the version they were written in, 1 to {@link #version()}
     * @throws IOException on failure
     * @throws ModelException when the state does not fit this run
     */
    void readState(DataInput in, int version) throws IOException;

    /**
     * Called on resume from a checkpoint written before this observable existed. By default refuses:
     * its earlier observations are gone and the run could not end as an uninterrupted one would. A
     * run-cadence observable that can honestly leave those rows blank overrides this.
     *
     * @param rows the observations the run took before the checkpoint (rows of timeseries.csv)
     * @throws ModelException with a one-line reason
     */
    default void stateMissing(int rows) {
        throw new ModelException("resume: the checkpoint has no state for observable '" + name()
                + "' (it was written by an older coag); this run cannot be resumed, start it again");
    }

    /**
     * Releases what the observable holds open (the run ended, whatever its outcome).
     *
     * @throws IOException on failure
     */
    default void close() throws IOException {
    }
}
