package org.coag.core.observe;

import java.util.List;

/**
 * Measures beta from torus annihilation (survey section 3): h(t) = 1 / (1 + beta f(0) t), so
 * 1/h - 1 is linear in t with slope beta f(0). A least-squares line (with intercept, which absorbs
 * the excess collisions of the initial transient, before the depletion 1 - u has formed) through
 * the observations with t >= fitFrom * t_last gives beta = slope / f(0).
 *
 * <p>Statistical error estimate: treating the K events up to the last observation as Poisson,
 * sd(h) = 2 sqrt(K) / N, so y = 1/h - 1 has relative error sd(h) / (h^2 y), which the slope
 * inherits. Over 8 seeds of the default setting this estimate (2.8 %) was somewhat above the
 * observed spread (2.0 %), i.e. conservative.
 *
 * @param beta measured beta
 * @param relativeError estimated relative statistical error of beta (one standard deviation)
 * @param tFrom first time in the fit window
 * @param tTo last time in the fit window
 * @param points observations used
 */
public record BetaFit(double beta, double relativeError, double tFrom, double tTo, int points) {
    /**
     * @param series observations
     * @param initialDensity f(0) in PDE units
     * @param fitFrom start of the window as a fraction of the last observation time
     * @return the fit, or null with fewer than 3 usable points
     */
    public static BetaFit annihilation(Timeseries series, double initialDensity, double fitFrom) {
        List<Timeseries.Row> rows = series.rows();
        if (rows.isEmpty()) {
            return null;
        }
        double tLast = rows.get(rows.size() - 1).time();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        double from = Double.NaN;
        for (Timeseries.Row r : rows) {
            if (!inWindow(r, fitFrom, tLast)) {
                continue;
            }
            double y = 1 / series.fraction(r) - 1;
            sx += r.time();
            sy += y;
            sxx += r.time() * r.time();
            sxy += r.time() * y;
            n++;
            if (Double.isNaN(from)) {
                from = r.time();
            }
        }
        if (n < 3) {
            return null;
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        Timeseries.Row last = rows.get(rows.size() - 1);
        double h = series.fraction(last);
        double sdH = 2 * Math.sqrt(last.events()) / series.initialParticles();
        double relative = sdH / (h * h * (1 / h - 1));
        return new BetaFit(slope / initialDensity, relative, from, tLast, n);
    }

    /**
     * @param series observations
     * @param fitFrom start of the window as a fraction of the last observation time
     * @return the times of the observations {@link #annihilation} fits, in order
     */
    public static double[] windowTimes(Timeseries series, double fitFrom) {
        List<Timeseries.Row> rows = series.rows();
        if (rows.isEmpty()) {
            return new double[0];
        }
        double tLast = rows.get(rows.size() - 1).time();
        return rows.stream().filter(r -> inWindow(r, fitFrom, tLast)).mapToDouble(Timeseries.Row::time).toArray();
    }

    private static boolean inWindow(Timeseries.Row r, double fitFrom, double tLast) {
        return r.time() >= fitFrom * tLast && r.survivors() > 0;
    }
}
