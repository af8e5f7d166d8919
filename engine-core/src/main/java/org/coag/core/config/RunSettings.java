package org.coag.core.config;

/**
 * How a run is driven (everything that is not physics).
 *
 * @param seed the run seed (Philox key)
 * @param backend backend name, or "auto" ({@link org.coag.core.backend.AutoBackend})
 * @param steps total number of fixed steps
 * @param observeEvery steps between observations
 * @param checkpointEverySteps steps between checkpoints, 0 for none by count
 * @param checkpointEverySeconds wall seconds between checkpoints, 0 for none by time
 * @param stopFraction stop early once the survivor fraction h_N is at or below this (0: never)
 * @param fitFrom the beta fit uses observations with t >= fitFrom * (last observation time)
 * @param eventLog whether to write the canonical event log {@code events.bin}
 * @param snapshots when to write particle snapshots ({@code [observe.snapshots]})
 * @param equilibrium the pair correlation by mass pair and the subvolume count variances
 *                    ({@code [observe.equilibrium]})
 * @param densityModes the density-mode record ({@code [observe.density_modes]}), null when off
 */
public record RunSettings(long seed, String backend, long steps, long observeEvery, long checkpointEverySteps,
                          double checkpointEverySeconds, double stopFraction, double fitFrom, boolean eventLog,
                          SnapshotSettings snapshots, EquilibriumSettings equilibrium, DensityModeSettings densityModes) {
    /** Settings without a density-mode record. */
    public RunSettings(long seed, String backend, long steps, long observeEvery, long checkpointEverySteps,
                       double checkpointEverySeconds, double stopFraction, double fitFrom, boolean eventLog,
                       SnapshotSettings snapshots, EquilibriumSettings equilibrium) {
        this(seed, backend, steps, observeEvery, checkpointEverySteps, checkpointEverySeconds, stopFraction, fitFrom, eventLog,
                snapshots, equilibrium, null);
    }
}
