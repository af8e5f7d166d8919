package org.coag.cli;

import org.coag.core.run.RunControl;

/**
 * Ctrl-C and SIGTERM stop a run (or a study task) at its next step boundary with a checkpoint:
 * a JVM shutdown hook asks the run to stop and waits for it, so the JVM exits (130 after SIGINT,
 * 143 after SIGTERM) only once the checkpoint is written. If the step in progress does not end
 * within {@link #WAIT_SECONDS}, the hook gives up and {@code onTimeout} records that.
 */
final class StopOnSignal implements AutoCloseable {
    /** How long a signal waits for the step in progress to end and the checkpoint to be written. */
    static final int WAIT_SECONDS = 120;
    private final Thread hook;
    private final RunControl control;

    /**
     * @param control the run's stop requests
     * @param onTimeout called with a one-line reason when the run did not stop in time
     */
    StopOnSignal(RunControl control, java.util.function.Consumer<String> onTimeout) {
        this.control = control;
        hook = new Thread(() -> {
            control.requestStop();
            try {
                if (!control.awaitStopped(WAIT_SECONDS)) {
                    onTimeout.accept("stopped by a signal while a step was still running after " + WAIT_SECONDS
                            + " s; it resumes from its last checkpoint");
                }
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "coag-stop-on-signal");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The work has returned: lets a waiting hook finish, or removes the hook when no signal came. */
    @Override
    public void close() {
        control.markStopped();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // a signal arrived: the hook is already running
        }
    }
}
