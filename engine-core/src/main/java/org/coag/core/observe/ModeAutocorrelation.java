package org.coag.core.observe;

/**
 * The normalised time autocorrelation of complex mode series sampled at equal steps,
 * <pre>
 *   C(l) = [ sum_j sum_i Re(z_j(i) conj z_j(i+l)) / (J (n - l)) ] / [ sum_j sum_i |z_j(i)|^2 / (J n) ]
 * </pre>
 * (J series of n samples each, pooled: the modes of the different axes, which are equivalent by
 * symmetry), with a jackknife error over B contiguous blocks of the origin i: each block left out in
 * turn gives C_(-b), and the error is sqrt((B-1)/B sum_b (C_(-b) - mean)^2). Blocks much longer
 * than the correlation time make the leave-one-out estimates nearly independent.
 *
 * @param lags the lags l, in samples
 * @param values C(l)
 * @param errors the jackknife standard errors of C(l)
 */
public record ModeAutocorrelation(int[] lags, double[] values, double[] errors) {
    /**
     * @param re re[j][i], the real parts of series j at sample i
     * @param im im[j][i], the imaginary parts
     * @param maxLag the largest lag, in samples (less than n / blocks)
     * @param blocks B, at least 2
     * @return C(l) for l = 0..maxLag and its errors
     */
    public static ModeAutocorrelation of(double[][] re, double[][] im, int maxLag, int blocks) {
        int n = re[0].length;
        if (blocks < 2 || maxLag < 0 || (long) (maxLag + 1) * blocks > n) {
            throw new IllegalArgumentException("autocorrelation: " + n + " samples are too few for " + blocks + " blocks of lags up to " + maxLag);
        }
        double[][] num = new double[blocks][maxLag + 1];
        double[][] pairs = new double[blocks][maxLag + 1];
        double[] power = new double[blocks];
        double[] samples = new double[blocks];
        for (int j = 0; j < re.length; j++) {
            for (int i = 0; i < n; i++) {
                int b = (int) ((long) i * blocks / n);
                power[b] += re[j][i] * re[j][i] + im[j][i] * im[j][i];
                samples[b]++;
                for (int l = 0; l <= maxLag && i + l < n; l++) {
                    num[b][l] += re[j][i] * re[j][i + l] + im[j][i] * im[j][i + l];
                    pairs[b][l]++;
                }
            }
        }
        int[] lags = new int[maxLag + 1];
        double[] values = new double[maxLag + 1];
        double[] errors = new double[maxLag + 1];
        double powerAll = sum(power);
        double samplesAll = sum(samples);
        for (int l = 0; l <= maxLag; l++) {
            lags[l] = l;
            double numAll = 0;
            double pairsAll = 0;
            for (int b = 0; b < blocks; b++) {
                numAll += num[b][l];
                pairsAll += pairs[b][l];
            }
            values[l] = (numAll / pairsAll) / (powerAll / samplesAll);
            double[] leaveOut = new double[blocks];
            double mean = 0;
            for (int b = 0; b < blocks; b++) {
                leaveOut[b] = ((numAll - num[b][l]) / (pairsAll - pairs[b][l])) / ((powerAll - power[b]) / (samplesAll - samples[b]));
                mean += leaveOut[b] / blocks;
            }
            double spread = 0;
            for (double v : leaveOut) {
                spread += (v - mean) * (v - mean);
            }
            errors[l] = Math.sqrt((blocks - 1.0) / blocks * spread);
        }
        return new ModeAutocorrelation(lags, values, errors);
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }
}
