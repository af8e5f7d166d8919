package org.coag.core.theory.lattice;

import org.coag.core.model.ModelException;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.special.Gamma;

/**
 * Kingman's coalescent with pair rate lambda: every pair of blocks merges at rate lambda, so the block
 * count A(t) is the pure-death chain k -&gt; k - 1 at rate lambda k (k - 1) / 2.
 *
 * <p>n walkers all on one site that coalesce at rate kappa per pair are exactly this chain with
 * lambda = kappa (the site holds k (k - 1) / 2 pairs); on T_L^d at times of order L^d the walkers' count
 * follows it with lambda = 1 / (mean pair meeting time) (Cox; {@link TorusKingman}). Time in the units
 * of lambda's inverse.
 *
 * <p>The block-count law P(A(t) = k | A(0) = n) is computed as the last row of the matrix exponential of
 * the chain's generator times t (Hipparchus, Pade with scaling and squaring: no cancellation; absolute
 * accuracy about 1e-15, so probabilities far below that are rounding noise), for n &lt;= {@link #MAX_BLOCKS}; {@link #tavare} gives it by Tavare's alternating sum (S. Tavare, Theor.
 * Popul. Biol. 26 (1984) 119-164, eq. (6.1)), exact in exact arithmetic but cancelling badly for large
 * n and small t.
 */
public final class KingmanCoalescent {
    /** Largest initial block count of {@link #blockCountLaw}. */
    public static final int MAX_BLOCKS = 200;

    private final double pairRate;

    /**
     * @param pairRate lambda, the rate at which each pair of blocks merges, &gt; 0 and finite
     */
    public KingmanCoalescent(double pairRate) {
        if (!(pairRate > 0) || Double.isInfinite(pairRate)) {
            throw new ModelException("Kingman's pair rate must be positive and finite, got " + pairRate);
        }
        this.pairRate = pairRate;
    }

    /** @return lambda */
    public double pairRate() {
        return pairRate;
    }

    /**
     * @param k blocks, &gt;= 1
     * @return the rate lambda k (k - 1) / 2 at which k blocks become k - 1
     */
    public double deathRate(int k) {
        return pairRate * k * (k - 1.0) / 2;
    }

    /**
     * @param n initial blocks, &gt;= 1
     * @return the mean time to one block, sum_{k=2}^n 1 / (lambda k (k-1) / 2) = 2 (1 - 1/n) / lambda
     */
    public double meanTimeToOne(int n) {
        checkBlocks(n, Integer.MAX_VALUE);
        return 2 * (1 - 1.0 / n) / pairRate;
    }

    /**
     * @param n initial blocks, 1 to {@link #MAX_BLOCKS}
     * @param t time, &gt;= 0
     * @return p with p[k] = P(A(t) = k | A(0) = n) for k = 0..n (p[0] = 0), by the matrix exponential
     */
    public double[] blockCountLaw(int n, double t) {
        checkBlocks(n, MAX_BLOCKS);
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new ModelException("the time of Kingman's block-count law must be finite and >= 0, got " + t);
        }
        RealMatrix generator = MatrixUtils.createRealMatrix(n, n);
        for (int k = 2; k <= n; k++) {
            generator.setEntry(k - 1, k - 1, -deathRate(k) * t);
            generator.setEntry(k - 1, k - 2, deathRate(k) * t);
        }
        double[] row = MatrixUtils.matrixExponential(generator).getRow(n - 1);
        double[] law = new double[n + 1];
        for (int k = 1; k <= n; k++) {
            law[k] = Math.max(0, row[k - 1]);
        }
        return law;
    }

    /**
     * @param n initial blocks, 1 to {@link #MAX_BLOCKS}
     * @param t time, &gt;= 0
     * @return E[A(t) | A(0) = n] from {@link #blockCountLaw}
     */
    public double meanBlocks(int n, double t) {
        double[] law = blockCountLaw(n, t);
        double mean = 0;
        for (int k = 1; k <= n; k++) {
            mean += k * law[k];
        }
        return mean;
    }

    /**
     * Tavare's formula: P(A(t) = j | A(0) = n) = sum_{k=j}^n exp(-lambda k (k-1) t / 2) (2k - 1) (-1)^(k-j)
     * j_(k-1) n_[k] / (j! (k - j)! n_(k)), with a_(k) = a (a+1) ... (a+k-1) and a_[k] = a (a-1) ... (a-k+1).
     *
     * @param n initial blocks, &gt;= 1
     * @param j blocks at time t, 1 to n
     * @param t time, &gt;= 0
     * @return P(A(t) = j | A(0) = n) by the alternating sum (use small n: it cancels)
     */
    public double tavare(int n, int j, double t) {
        checkBlocks(n, Integer.MAX_VALUE);
        if (j < 1 || j > n) {
            throw new ModelException("Tavare's formula needs 1 <= j <= n, got j = " + j + ", n = " + n);
        }
        double sum = 0;
        for (int k = j; k <= n; k++) {
            double logCoefficient = Gamma.logGamma(j + k - 1.0) - Gamma.logGamma(j)
                    + Gamma.logGamma(n + 1.0) - Gamma.logGamma(n - k + 1.0)
                    - Gamma.logGamma(j + 1.0) - Gamma.logGamma(k - j + 1.0)
                    - Gamma.logGamma(n + (double) k) + Gamma.logGamma(n);
            double sign = (k - j) % 2 == 0 ? 1 : -1;
            sum += sign * (2 * k - 1) * Math.exp(logCoefficient - deathRate(k) * t);
        }
        return sum;
    }

    private static void checkBlocks(int n, int max) {
        if (n < 1 || n > max) {
            throw new ModelException("Kingman's coalescent: the initial block count must be 1 to " + max + ", got " + n);
        }
    }
}
