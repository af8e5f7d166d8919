package org.coag.core.backend;

import java.util.Map;

/**
 * Optional for a {@link Simulation}: wall-clock time spent in each phase of the step since
 * creation, for profiles (BENCHMARKS.md). A phase's time includes waiting for its slowest thread.
 */
public interface PhaseTimes {
    /** @return nanoseconds by phase name, in step order */
    Map<String, Long> phaseNanos();

    /**
     * @param names phase names in step order
     * @param nanos nanoseconds per phase, same order
     * @return them as a map in that order
     */
    static Map<String, Long> of(String[] names, long[] nanos) {
        Map<String, Long> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], nanos[i]);
        }
        return m;
    }
}
