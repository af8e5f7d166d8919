package org.coag.core.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.Function;
import org.coag.core.config.StudySettings;

/**
 * Reduces a study to what its report shows: per N (means over seeds, with standard errors) the
 * survivor fraction, the mass spectrum, the time-integrated weak errors (1.11) and their fitted
 * rate in N; at the largest N the pooled pair correlation, the time-averaged collision propensity
 * against its Stosszahlansatz counterpart, and the density profile.
 *
 * @param particles the N values, ascending
 * @param seeds runs per N
 * @param times observation times
 * @param survivorFraction mean h_N(t) [N][t]
 * @param survivorSe its standard error over the seeds [N][t] (NaN with one seed: {@link #withError} says so)
 * @param theoryFraction h(t) from the limit with the recipe beta [t]
 * @param naiveFraction h(t) with the naive beta [t]
 * @param spectrum mean weight * (survivors of mass n) at the last time [N][n-1]
 * @param theorySpectrum integral f_n at the last time [n-1]
 * @param naiveSpectrum the same with the naive beta [n-1]
 * @param weakError mean over seeds of |integral_0^T integral J_j (mu_N,1 - f_1) dt| [N][j]
 * @param weakErrorSe its standard error [N][j] (NaN with one seed)
 * @param weakRate exponent a of weakError ~ N^a per test function [j]: fitted from three or more N,
 *        a two-point slope from two, none from one
 * @param testNames the test functions
 * @param pairY bin centres of the pair correlation (units of the mass-1 range)
 * @param pairCounts pairs found per bin, pooled over the seeds of the largest N and its observations
 *        at t >= pair_after (s(1,1) eps^b)^2
 * @param pairObservations how many observations per seed that pooling took
 * @param pairExpected what a Poisson cloud of the same local density would give per bin, pooled alike
 * @param propensity time-averaged left side of Proposition 4.1 at the largest N [n-1][m-1]
 * @param propensityTheory time-averaged right side [n-1][m-1]
 * @param profileCoordinate abscissa of {@code profile}
 * @param profile mean candidate density of mass 1..P at the last time, largest N [n-1][k]
 */
public record StudyAnalysis(long[] particles, int[] seeds, double[] times, double[][] survivorFraction, double[][] survivorSe,
                            double[] theoryFraction, double[] naiveFraction, double[][] spectrum, double[] theorySpectrum, double[] naiveSpectrum,
                            double[][] weakError, double[][] weakErrorSe, PowerLawFit[] weakRate, String[] testNames,
                            double[] pairY, double[] pairCounts, double[] pairExpected, int pairObservations, double[][] propensity,
                            double[][] propensityTheory, double[] profileCoordinate, double[][] profile) {

    /**
     * @param theory the limit
     * @param runs all runs
     * @param settings the study's settings (pair range and the pairs' first time)
     * @return the reduction
     */
    public static StudyAnalysis of(StudyTheoryData theory, List<StudyRunData> runs, StudySettings settings) {
        TreeMap<Long, List<StudyRunData>> byN = new TreeMap<>();
        for (StudyRunData r : runs) {
            byN.computeIfAbsent(r.particles(), k -> new ArrayList<>()).add(r);
        }
        int nn = byN.size();
        int outputs = theory.times().length;
        int tests = theory.testNames().length;
        int masses = theory.totals()[0].length;
        long[] ns = new long[nn];
        int[] seeds = new int[nn];
        double[][] h = new double[nn][outputs];
        double[][] hSe = new double[nn][outputs];
        double[][] spectrum = new double[nn][masses];
        double[][] weak = new double[nn][tests];
        double[][] weakSe = new double[nn][tests];
        int i = 0;
        for (var e : byN.entrySet()) {
            ns[i] = e.getKey();
            List<StudyRunData> list = e.getValue();
            seeds[i] = list.size();
            double[][] perSeed = new double[list.size()][tests];
            double[][] fractions = new double[outputs][list.size()];
            for (int s = 0; s < list.size(); s++) {
                StudyRunData r = list.get(s);
                for (int t = 0; t < outputs; t++) {
                    fractions[t][s] = (double) r.survivors()[t] / r.particles();
                }
                for (int n = 0; n < masses; n++) {
                    spectrum[i][n] += r.weight() * r.byMass()[outputs - 1][n] / list.size();
                }
                for (int j = 0; j < tests; j++) {
                    double integral = 0;
                    for (int t = 1; t < outputs; t++) {
                        double a = r.testIntegrals()[t - 1][j][0] - theory.testIntegrals()[t - 1][j][0];
                        double b = r.testIntegrals()[t][j][0] - theory.testIntegrals()[t][j][0];
                        integral += 0.5 * (a + b) * (r.times()[t] - r.times()[t - 1]);
                    }
                    perSeed[s][j] = Math.abs(integral);
                }
            }
            for (int t = 0; t < outputs; t++) {
                h[i][t] = mean(fractions[t]);
                hSe[i][t] = standardError(fractions[t]);
            }
            for (int j = 0; j < tests; j++) {
                double[] values = new double[perSeed.length];
                for (int s = 0; s < values.length; s++) {
                    values[s] = perSeed[s][j];
                }
                weak[i][j] = mean(values);
                weakSe[i][j] = standardError(values);
            }
            i++;
        }
        PowerLawFit[] rate = new PowerLawFit[tests];
        for (int j = 0; j < tests; j++) {
            double[] column = new double[nn];
            for (int k = 0; k < nn; k++) {
                column[k] = weak[k][j];
            }
            rate[j] = PowerLawFit.of(ns, column);
        }
        double[] h0 = fraction(theory.totals());
        double[] hn = fraction(theory.naiveTotals());
        List<StudyRunData> largest = byN.lastEntry().getValue();
        return new StudyAnalysis(ns, seeds, theory.times(), h, hSe, h0, hn, spectrum, theory.totals()[outputs - 1].clone(), theory.naiveTotals()[outputs - 1].clone(), weak,
                weakSe, rate, theory.testNames(), pairY(settings.pairBins(), settings.pairMax()),
                pooled(largest, StudyRunData::pairCounts, settings), pooled(largest, StudyRunData::pairExpected, settings),
                pairObservations(largest.get(0), settings), average(largest, true), average(largest, false), largest.get(0).profileCoordinate(), profile(largest));
    }

    private static double[] fraction(double[][] totals) {
        double[] h = new double[totals.length];
        double n0 = 0;
        for (double v : totals[0]) {
            n0 += v;
        }
        for (int t = 0; t < totals.length; t++) {
            double s = 0;
            for (double v : totals[t]) {
                s += v;
            }
            h[t] = s / n0;
        }
        return h;
    }

    private static double mean(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x / v.length;
        }
        return m;
    }

    /** @return the standard error of the mean of {@code v}; NaN from one value, where it cannot be estimated */
    static double standardError(double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double var = 0;
        for (double x : v) {
            var += (x - m) * (x - m);
        }
        return Math.sqrt(var / (v.length - 1) / v.length);
    }

    /**
     * A mean with its standard error for a report, never "NaN": "0.7638 +- 0.0012", or with one
     * seed "0.7638 (one seed: no error)".
     *
     * @param mean the mean
     * @param se its standard error (NaN with one seed)
     * @param seeds how many seeds the mean is over
     * @param format the format of both numbers, e.g. "%.4f"
     * @return the text
     */
    public static String withError(double mean, double se, int seeds, String format) {
        if (seeds < 2) {
            return String.format(Locale.ROOT, format, mean) + " (one seed: no error)";
        }
        return String.format(Locale.ROOT, format + " +- " + format, mean, se);
    }

    private static double[] pairY(int bins, double pairMax) {
        double[] y = new double[bins];
        for (int b = 0; b < bins; b++) {
            y[b] = (b + 0.5) * pairMax / bins;
        }
        return y;
    }

    private static boolean pairsPooled(StudyRunData r, int t, StudySettings settings) {
        return r.times()[t] >= settings.pairAfter() * r.pairUnit() * r.pairUnit();
    }

    private static int pairObservations(StudyRunData r, StudySettings settings) {
        int k = 0;
        for (int t = 0; t < r.times().length; t++) {
            k += pairsPooled(r, t, settings) ? 1 : 0;
        }
        return k;
    }

    private static double[] pooled(List<StudyRunData> runs, Function<StudyRunData, double[][]> field, StudySettings settings) {
        double[] sum = new double[settings.pairBins()];
        for (StudyRunData r : runs) {
            double[][] v = field.apply(r);
            for (int t = 0; t < v.length; t++) {
                for (int b = 0; pairsPooled(r, t, settings) && b < sum.length; b++) {
                    sum[b] += v[t][b];
                }
            }
        }
        return sum;
    }

    /** @return pooled counts / Poisson expectation per bin (NaN where nothing was expected) */
    public double[] pairRatio() {
        double[] g = new double[pairCounts.length];
        for (int b = 0; b < g.length; b++) {
            g[b] = pairExpected[b] > 0 ? pairCounts[b] / pairExpected[b] : Double.NaN;
        }
        return g;
    }

    /** @return Poisson standard error of each {@link #pairRatio()} (at least one count) */
    public double[] pairSe() {
        double[] se = new double[pairCounts.length];
        for (int b = 0; b < se.length; b++) {
            se[b] = pairExpected[b] > 0 ? Math.sqrt(Math.max(pairCounts[b], 1)) / pairExpected[b] : Double.NaN;
        }
        return se;
    }

    /**
     * The pair correlation pooled over every bin with y below {@code yMax}: all pairs found there
     * over all the Poisson expectation there (so bins weigh by their shell volume, and the nearly
     * empty innermost bins cannot dominate), against 1 - u averaged with the same weights.
     *
     * @param theory the limit, with 1 - u(y) ({@code pairY} non-empty)
     * @param yMax upper end, in units of the mass-1 range
     * @return the pooled measurement
     */
    public PairPool pairsWithin(StudyTheoryData theory, double yMax) {
        double c = 0, e = 0, u = 0;
        for (int b = 0; b < pairY.length; b++) {
            if (pairY[b] < yMax) {
                c += pairCounts[b];
                e += pairExpected[b];
                u += pairExpected[b] * interpolate(theory.pairY(), theory.pairTheory(), pairY[b]);
            }
        }
        return new PairPool(c, e > 0 ? c / e : Double.NaN, e > 0 ? Math.sqrt(Math.max(c, 1)) / e : Double.NaN, u / e);
    }

    /**
     * @param pairs pairs found
     * @param measured pairs / Poisson expectation
     * @param se its Poisson standard error
     * @param theory 1 - u with the same weights
     */
    public record PairPool(double pairs, double measured, double se, double theory) {
    }

    /**
     * @param x ascending abscissae
     * @param y values at x
     * @param at where
     * @return y linearly interpolated at {@code at} (the end value beyond the ends)
     */
    public static double interpolate(double[] x, double[] y, double at) {
        for (int i = 1; i < x.length; i++) {
            if (x[i] >= at) {
                double w = (at - x[i - 1]) / (x[i] - x[i - 1]);
                return y[i - 1] + w * (y[i] - y[i - 1]);
            }
        }
        return y[y.length - 1];
    }

    private static double[][] average(List<StudyRunData> runs, boolean left) {
        int k = runs.get(0).propensity()[0].length;
        double[][] a = new double[k][k];
        for (StudyRunData r : runs) {
            double[][][] p = left ? r.propensity() : r.propensityTheory();
            int outputs = p.length;
            for (int t = 0; t < outputs; t++) {
                for (int n = 0; n < k; n++) {
                    for (int m = 0; m < k; m++) {
                        a[n][m] += p[t][n][m] / outputs / runs.size();
                    }
                }
            }
        }
        return a;
    }

    private static double[][] profile(List<StudyRunData> runs) {
        double[][] p = new double[runs.get(0).profile().length][];
        for (int n = 0; n < p.length; n++) {
            p[n] = new double[runs.get(0).profile()[n].length];
            for (StudyRunData r : runs) {
                for (int k = 0; k < p[n].length; k++) {
                    p[n][k] += r.profile()[n][k] / runs.size();
                }
            }
        }
        return p;
    }
}
