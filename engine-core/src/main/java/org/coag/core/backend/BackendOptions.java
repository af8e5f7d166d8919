package org.coag.core.backend;

import org.coag.core.model.ModelException;

/**
 * How a backend runs, as opposed to what it simulates: none of these may change a result
 * (docs/ARCHITECTURE.md contract 1), so they are not part of the run config and may differ on resume.
 *
 * @param threads worker threads; 0 means every available processor
 * @param vectorBits SIMD width in bits for backends that use the Vector API (128, 256 or 512);
 *        0 means the platform's preferred width
 */
public record BackendOptions(int threads, int vectorBits) {
    /** All processors, preferred vector width. */
    public static final BackendOptions DEFAULTS = new BackendOptions(0, 0);

    /**
     * @throws ModelException on a negative thread count or a width other than 0, 128, 256, 512
     */
    public BackendOptions {
        if (threads < 0) {
            throw new ModelException("--threads must be >= 1 (or 0 for all processors), got " + threads);
        }
        if (threads > maxThreads()) {
            throw new ModelException("--threads " + threads + " is more than " + maxThreads() + " (8 per processor here, at least 64): "
                    + "the extra threads only wait on each other and slow every step; use 0 for one per processor");
        }
        if (vectorBits != 0 && vectorBits != 128 && vectorBits != 256 && vectorBits != 512) {
            throw new ModelException("--vector-bits must be 128, 256 or 512, got " + vectorBits);
        }
    }

    /** @return the largest thread count accepted: 8 per available processor, at least 64 */
    public static int maxThreads() {
        return Math.max(64, 8 * Runtime.getRuntime().availableProcessors());
    }

    /** @return the thread count to use: {@link #threads}, or the available processors when 0 */
    public int resolvedThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
