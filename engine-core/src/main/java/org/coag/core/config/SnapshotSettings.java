package org.coag.core.config;

import java.util.Arrays;

/**
 * When a run writes particle snapshots ({@code [observe.snapshots]}); all off by default.
 *
 * @param everySteps a snapshot at step 0 and every this many steps (0: none by cadence)
 * @param steps snapshots at these steps, increasing and distinct (from {@code times}: the first
 *              step at or after each time)
 * @param atEnd a snapshot of the final state (the state {@code final_state_sha256} hashes), also
 *              when the run stops early
 */
public record SnapshotSettings(long everySteps, long[] steps, boolean atEnd) {
    /** No snapshots. */
    public static final SnapshotSettings NONE = new SnapshotSettings(0, new long[0], false);

    /** Copies the steps. */
    public SnapshotSettings {
        steps = steps.clone();
    }

    /** @return the snapshot steps from {@code times} (a copy) */
    @Override
    public long[] steps() {
        return steps.clone();
    }

    /** @return whether any snapshot is asked for */
    public boolean enabled() {
        return everySteps > 0 || steps.length > 0 || atEnd;
    }

    /**
     * @param step the last step taken (-1 before the run)
     * @return the next snapshot step after it, by cadence or by time ({@link Long#MAX_VALUE}: none)
     */
    public long nextStep(long step) {
        long next = Long.MAX_VALUE;
        if (everySteps > 0) {
            next = (Math.floorDiv(step, everySteps) + 1) * everySteps;
        }
        int i = Arrays.binarySearch(steps, step + 1);
        int at = i >= 0 ? i : -i - 1;
        if (at < steps.length) {
            next = Math.min(next, steps[at]);
        }
        return next;
    }
}
