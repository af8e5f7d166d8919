package org.coag.cli;

/**
 * The remaining time of a job from its progress: nothing during a warm-up of {@link #WARMUP_SECONDS}
 * (start-up and JIT compilation make the first steps unrepresentative), then the remaining work
 * divided by an exponentially smoothed rate (time constant {@link #SMOOTHING_SECONDS}) measured
 * only after the warm-up. Times are passed in, so a test drives it with a fake clock.
 */
final class EtaEstimator {
    /** Seconds before any ETA is shown. */
    static final double WARMUP_SECONDS = 3;
    /** Shortest interval, in seconds, over which a rate sample is taken. */
    static final double SAMPLE_SECONDS = 0.5;
    /** Time constant of the exponential smoothing of the rate, in seconds. */
    static final double SMOOTHING_SECONDS = 10;

    private double anchorTime = Double.NaN;
    private double anchorDone;
    private double rate = Double.NaN;

    /**
     * @param seconds time since the job (or this session of it) started
     * @param done fraction of the work done in that time, 0..1
     * @return the estimated seconds left, or NaN while there is no estimate yet
     */
    double update(double seconds, double done) {
        if (seconds < WARMUP_SECONDS) {
            return Double.NaN;
        }
        if (Double.isNaN(anchorTime)) {
            anchorTime = seconds;
            anchorDone = done;
            return Double.NaN;
        }
        double dt = seconds - anchorTime;
        if (dt >= SAMPLE_SECONDS) {
            double sample = (done - anchorDone) / dt;
            rate = Double.isNaN(rate) ? sample : rate + (1 - Math.exp(-dt / SMOOTHING_SECONDS)) * (sample - rate);
            anchorTime = seconds;
            anchorDone = done;
        }
        return rate > 0 ? Math.max(0, (1 - done) / rate) : Double.NaN;
    }
}
