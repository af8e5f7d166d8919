package org.coag.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.coag.core.io.Json;
import java.util.List;

/**
 * The JSON of {@code coag bench --json FILE} ({@code format = "coag-bench"}, version 1), read back by
 * {@code coag bench compare}. Field names are snake_case in the file.
 *
 * @param format always {@link #FORMAT}
 * @param version format version, {@link #VERSION}
 * @param created ISO-8601 time of the run
 * @param machine where it ran
 * @param workload what was stepped, in words
 * @param warmupSeconds warm-up per case
 * @param measureSeconds measured time per case
 * @param results one per (backend, N)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record BenchReport(String format, int version, String created, MachineInfo machine, String workload, double warmupSeconds,
                   double measureSeconds, List<Case> results) {
    static final String FORMAT = "coag-bench";
    static final int VERSION = 1;
    static final ObjectMapper JSON = Json.MAPPER.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    /**
     * One measured case.
     *
     * @param name the key {@code coag bench compare} matches on: backend/N=.../d=.../mode
     * @param backend backend name
     * @param particles N at the start
     * @param threads worker threads (cpu), else 1
     * @param steps steps measured
     * @param particleStepsPerSecond median of {@code samples}
     * @param samples particle-steps per second of each measurement window (the raw samples a
     *                comparison tests; a window is one step or more, at least measureSeconds / 20)
     * @param eventsPerSecond collisions per second over the measurement
     * @param stepMillis step wall time percentiles from an HdrHistogram of every measured step
     * @param retainedBytesPerParticle live heap the simulation holds after a full GC, per particle
     * @param peakLiveBytesPerParticle the largest heap in use after any collection during the case
     *                                 (including a full one at its end) above the heap before it, per
     *                                 particle ({@link HeapWatch})
     * @param setupSeconds creating the simulation (device programs, buffers, first sort)
     */
    record Case(String name, String backend, long particles, int threads, long steps, double particleStepsPerSecond,
                double[] samples, double eventsPerSecond, StepMillis stepMillis, double retainedBytesPerParticle,
                double peakLiveBytesPerParticle, double setupSeconds) {
    }

    /**
     * @param p50 median
     * @param p90 90th percentile
     * @param p99 99th percentile
     * @param max largest
     * @param mean mean
     */
    record StepMillis(double p50, double p90, double p99, double max, double mean) {
    }
}
