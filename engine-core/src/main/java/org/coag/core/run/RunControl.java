package org.coag.core.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets another thread (the Ctrl-C shutdown hook) ask a run to stop at the next step boundary,
 * write a checkpoint and return; {@link #awaitStopped} waits until the work that owns this control
 * (one run, or a study's tasks one after another) has returned and said so with {@link #markStopped}.
 */
public final class RunControl {
    private volatile boolean stopRequested;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** Asks the run to checkpoint and stop. */
    public void requestStop() {
        stopRequested = true;
    }

    /** @return true once a stop was requested */
    public boolean stopRequested() {
        return stopRequested;
    }

    /** Called by the owner of the work when it has returned, whatever the outcome. */
    public void markStopped() {
        stopped.countDown();
    }

    /**
     * @param seconds longest wait
     * @return true if the run stopped in time
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitStopped(double seconds) throws InterruptedException {
        return stopped.await((long) (seconds * 1000), TimeUnit.MILLISECONDS);
    }
}
