package org.coag.core.theory.fragmentation;

import java.util.function.IntToDoubleFunction;

/**
 * The exact equilibrium mass spectrum of a finite system with the dual rule: in a torus the total
 * mass M is conserved, so the equilibrium is the product Poisson measure, with means mu_k =
 * |L| c_k, conditioned on sum_k k N_k = M. Its law, P(N) proportional to prod_k mu_k^N_k / N_k!,
 * does not change when mu_k is replaced by mu_k z^k, and
 * <pre>
 *   E N_k = mu_k Q_(M-k) / Q_M,   Q_0 = 1,   j Q_j = sum_(n=1..j) n mu_n Q_(j-n)
 * </pre>
 * (Q_j the coefficient of x^j in exp(sum_n mu_n x^n)), computed in logarithms. For large M it
 * tends to the grand-canonical f*_k theta^k |L| / sigma of {@link CoagFragEquilibrium#ofFamily}.
 */
public final class CanonicalSpectrum {
    private CanonicalSpectrum() {
    }

    /**
     * @param means mu_k, the Poisson means of the masses (any factor z^k)
     * @param totalMass M
     * @param maxMass the largest k to return
     * @return E N_k for k = 1..maxMass (index k - 1)
     */
    public static double[] meanCounts(IntToDoubleFunction means, int totalMass, int maxMass) {
        double[] logMu = new double[totalMass + 1];
        for (int n = 1; n <= totalMass; n++) {
            logMu[n] = Math.log(means.applyAsDouble(n));
        }
        double[] logQ = new double[totalMass + 1];
        double[] terms = new double[totalMass + 1];
        for (int j = 1; j <= totalMass; j++) {
            double top = Double.NEGATIVE_INFINITY;
            for (int n = 1; n <= j; n++) {
                terms[n] = Math.log(n) + logMu[n] + logQ[j - n];
                top = Math.max(top, terms[n]);
            }
            double sum = 0;
            for (int n = 1; n <= j; n++) {
                sum += Math.exp(terms[n] - top);
            }
            logQ[j] = top + Math.log(sum) - Math.log(j);
        }
        double[] out = new double[maxMass];
        for (int k = 1; k <= Math.min(maxMass, totalMass); k++) {
            out[k - 1] = Math.exp(logMu[k] + logQ[totalMass - k] - logQ[totalMass]);
        }
        return out;
    }
}
