package org.coag.core.study;

import java.util.Locale;

/**
 * The exponent a of error ~ N^a from the study's values of N, and how much it can be trusted: a
 * least-squares line through (log N, log error) from three or more N, with the standard error of its
 * slope from the scatter about the line; from two N only the slope of the line through both, which
 * says nothing about how well a power law fits (so it is labelled two-point, without an error);
 * from one N (or where an error is 0, so its logarithm is not finite) no exponent at all.
 *
 * @param exponent the exponent a (NaN when {@code points} &lt; 2)
 * @param se standard error of a (NaN when {@code points} &lt; 3)
 * @param points how many N gave it
 */
public record PowerLawFit(double exponent, double se, int points) {
    /** The fewest N a least-squares exponent with an error is reported from. */
    public static final int FIT_POINTS = 3;

    /**
     * @param n the values of N
     * @param error the error at each N (positive)
     * @return the exponent of error in N
     */
    public static PowerLawFit of(long[] n, double[] error) {
        for (double e : error) {
            if (!(e > 0) || !Double.isFinite(e)) {
                return new PowerLawFit(Double.NaN, Double.NaN, 0);
            }
        }
        int k = n.length;
        if (k < 2) {
            return new PowerLawFit(Double.NaN, Double.NaN, k);
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < k; i++) {
            mx += Math.log(n[i]) / k;
            my += Math.log(error[i]) / k;
        }
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < k; i++) {
            double dx = Math.log(n[i]) - mx;
            sxx += dx * dx;
            sxy += dx * (Math.log(error[i]) - my);
        }
        double slope = sxy / sxx;
        if (k < FIT_POINTS) {
            return new PowerLawFit(slope, Double.NaN, k);
        }
        double ssr = 0;
        for (int i = 0; i < k; i++) {
            double r = Math.log(error[i]) - my - slope * (Math.log(n[i]) - mx);
            ssr += r * r;
        }
        return new PowerLawFit(slope, Math.sqrt(ssr / (k - 2) / sxx), k);
    }

    /** @return whether the exponent is a least-squares fit with a standard error (three or more N) */
    public boolean fitted() {
        return points >= FIT_POINTS;
    }

    /** @return {@link #describe(String)} of N */
    public String describe() {
        return describe("N");
    }

    /**
     * @param variable the name of what the error is a power of (N, or L in a lattice study)
     * @return the exponent as the report prints it: fitted with its error, a two-point slope, or why there is none
     */
    public String describe(String variable) {
        if (points == 0) {
            return "n/a (an error of 0)";
        }
        if (points < 2) {
            return "n/a (one " + variable + ")";
        }
        if (!fitted()) {
            return String.format(Locale.ROOT, "%s^%.2f (two-point slope, not a fit)", variable, exponent);
        }
        return String.format(Locale.ROOT, "%s^%.2f +- %.2f (%d %s)", variable, exponent, se, points, variable);
    }
}
