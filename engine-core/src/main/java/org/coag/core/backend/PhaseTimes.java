package org.coag.core.backend;

import java.util.Map;

/**
 * Optional for a {@link Simulation}: wall-clock time spent in each phase of the step since
 * creation, for profiles (BENCHMARKS.md). A phase's time includes waiting for its slowest thread.
 */
public interface PhaseTimes {
    /** @return nanoseconds by phase name, in step order */
    Map<String, Long> phaseNanos();
}
