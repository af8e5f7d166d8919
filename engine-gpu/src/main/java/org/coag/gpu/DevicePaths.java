package org.coag.gpu;

import org.coag.core.model.ModelException;

/**
 * The one rule for the kernels' variants that depend on the kind of device: a GPU default, another
 * default for every other device (CPU devices such as PoCL), and a system property or environment
 * variable that overrides both (tests, the Oclgrind check and experiments run either path anywhere).
 * Every variant gives the same bits; only the speed differs.
 */
final class DevicePaths {
    private DevicePaths() {
    }

    /**
     * The most pairs a work item of the search or the firing test holds before it reserves their places
     * in the shared list with one atomic add ({@code found_flush}, {@code fired_flush}). Twin of
     * {@code APPEND_BATCH} in the sources.
     */
    static final int APPEND_BATCH = 8;
    /** System property (or environment variable {@code COAG_OPENCL_APPEND_BATCH}): the batch, 1 to APPEND_BATCH. */
    static final String BATCH_PROPERTY = "coag.opencl.appendBatch";

    /**
     * The appends' batch: {@link #APPEND_BATCH} on a GPU, where one atomic per found pair on one counter
     * serialises thousands of work items; 1 (an atomic per pair) elsewhere. The lists' order is never
     * relied on (the fired pairs are sorted before they are applied), so both give the same results.
     * System property {@link #BATCH_PROPERTY}, else {@code COAG_OPENCL_APPEND_BATCH}, overrides.
     *
     * @param deviceType the device's type ({@link DeviceInfo#type})
     * @return the batch, 1 to {@link #APPEND_BATCH}
     */
    static int appendBatch(String deviceType) {
        return number(BATCH_PROPERTY, "COAG_OPENCL_APPEND_BATCH", deviceType, APPEND_BATCH, 1, 1, APPEND_BATCH);
    }

    /** System property (or environment variable {@code COAG_OPENCL_SCAN_RUNS}): "true"/"false" overrides {@link #scanRuns}. */
    static final String RUNS_PROPERTY = "coag.opencl.scanRuns";

    /**
     * The scan's layout: on a GPU tiles of SCAN_ITEMS L slots, read coalesced, one small work group each
     * ({@code scan_reduce}, {@code scan_tiles}); on other devices (PoCL) runs of consecutive slots per work
     * item in {@link DevicePairs#RUN_GROUPS_PER_UNIT} groups per compute unit ({@code scan_reduce_runs},
     * {@code scan_tiles_runs}), which a CPU walks in order without thousands of work groups and their
     * barriers. Both give the same starts (integer sums).
     *
     * @param deviceType the device's type ({@link DeviceInfo#type})
     * @return true for runs
     */
    static boolean scanRuns(String deviceType) {
        return flag(RUNS_PROPERTY, "COAG_OPENCL_SCAN_RUNS", deviceType, false, true);
    }


    /**
     * @param deviceType the device's type ({@link DeviceInfo#type})
     * @return whether it is a GPU
     */
    static boolean gpu(String deviceType) {
        return "GPU".equals(deviceType);
    }

    /**
     * @param property the system property that overrides
     * @param environment the environment variable that overrides when the property is unset
     * @param deviceType the device's type
     * @param onGpu the value on a GPU
     * @param elsewhere the value on other devices
     * @return "true"/"false" from the override, else the device's default
     */
    static boolean flag(String property, String environment, String deviceType, boolean onGpu, boolean elsewhere) {
        String forced = System.getProperty(property, System.getenv(environment));
        return forced != null ? Boolean.parseBoolean(forced) : gpu(deviceType) ? onGpu : elsewhere;
    }

    /**
     * @param property the system property that overrides
     * @param environment the environment variable that overrides when the property is unset
     * @param deviceType the device's type
     * @param onGpu the value on a GPU
     * @param elsewhere the value on other devices
     * @param min the smallest value an override may give
     * @param max the largest value an override may give
     * @return the override, else the device's default
     * @throws ModelException in one line when the override is not a whole number in [min, max]
     */
    static int number(String property, String environment, String deviceType, int onGpu, int elsewhere, int min, int max) {
        String forced = System.getProperty(property, System.getenv(environment));
        if (forced == null) {
            return gpu(deviceType) ? onGpu : elsewhere;
        }
        try {
            int v = Integer.parseInt(forced.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ModelException("opencl: " + property + " (" + environment + ") must be a whole number from " + min + " to " + max
                + ", got '" + forced + "'");
    }
}
