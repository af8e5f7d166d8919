package org.coag.gpu;

import org.jocl.CL;
import org.jocl.cl_command_queue;

/**
 * Per-kernel timing for profiling runs ({@code -Dcoag.profileOpenCl=true}): each mark waits for the
 * queue and prints the wall time since the previous mark. Off by default, when marks cost nothing.
 */
final class PhaseMarks {
    private static final boolean ON = Boolean.getBoolean("coag.profileOpenCl");
    private static long last = System.nanoTime();

    private PhaseMarks() {
    }

    /**
     * @param queue the queue to wait for
     * @param what the phase that just ended
     */
    static void mark(cl_command_queue queue, String what) {
        if (ON) {
            CL.clFinish(queue);
            long now = System.nanoTime();
            System.out.printf("  %s %.1f ms%n", what, (now - last) / 1e6);
            last = now;
        }
    }
}
