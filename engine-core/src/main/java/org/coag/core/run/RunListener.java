package org.coag.core.run;

/** Hooks for a user interface (progress bar, log lines). All methods are called on the run's thread. */
public interface RunListener {
    /**
     * @param diagnostics time-step error budget, or null for the lattice model (exact in time, no budget)
     * @param firstStep step the run starts (or resumes) at
     * @param steps total steps of the run
     */
    default void started(Diagnostics diagnostics, long firstStep, long steps) {
    }

    /**
     * Called about twice a second.
     *
     * @param step steps done
     * @param steps total steps
     * @param live live particles
     * @param wallSeconds wall time of this session so far
     */
    default void progress(long step, long steps, int live, double wallSeconds) {
    }

    /** @param line a one-line message (checkpoint written, early stop, ...) */
    default void message(String line) {
    }

    /** A listener that ignores everything. */
    RunListener SILENT = new RunListener() {
    };
}
