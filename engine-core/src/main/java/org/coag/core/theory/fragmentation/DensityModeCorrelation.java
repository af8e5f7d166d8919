package org.coag.core.theory.fragmentation;

import org.coag.core.model.MassFunction;
import org.coag.core.model.ModelSpec;
import org.coag.core.theory.BetaRecipe;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * The time autocorrelation of a density mode at the equilibrium of coagulation with the dual
 * fragmentation (docs/fragmentation.md, "The time autocorrelation of a density mode").
 *
 * <p>At equilibrium the particles of mass n form independent Poisson processes of intensity c_n, so
 * the mode {@code x_n(k) = sum over mass-n particles of exp(-i k.x)} (k != 0 a torus wavevector) has
 * mean 0 and covariance {@code E x_n conj(x_m) = |L| c_n delta_nm} (Sigma). Linearising the
 * coagulation-fragmentation-diffusion PDE about the equilibrium f_n = sigma c_n and taking the
 * Fourier transform in space gives the Ornstein-Uhlenbeck drift
 * <pre>
 *   dx/dt = A x,   A = -|k|^2 diag(d(n)) + J,   J_kj = d(RHS_k) / d f_j at f
 * </pre>
 * (RHS the right-hand side of {@link CoagFragOde}, truncated at masses 1..M; J does not depend on the
 * units of f). Then {@code E x(t+tau) conj(x(t))^T = exp(A tau) Sigma}, and the normalised
 * autocorrelation of the mass-n mode is {@code C_n(tau) = [exp(A tau) Sigma]_nn / Sigma_nn}.
 * Detailed balance makes {@code S = Sigma^(-1/2) A Sigma^(1/2)} symmetric (and negative definite for
 * k != 0), so {@code C_n(tau) = sum_i U_ni^2 exp(lambda_i tau)} with S = U diag(lambda) U^T.
 * Times are in the model's time units, |k|^2 in 1 / length^2, d(n) in length^2 / time.
 */
public final class DensityModeCorrelation {
    private final double[][] generator;
    private final double asymmetry;
    private final double[] eigenvalues;
    private final double[][] vectors;

    /** Which coagulation kernel and split kernel the linearised equation pairs (docs/fragmentation.md). */
    public enum Pairing {
        /** The recipe's beta with the split kernel scaled by beta / naive: the quasi-steady pair problem. */
        QUASI_STEADY,
        /** The naive beta with the bare dual split kernel: the rates of the microscopic events themselves. */
        NAIVE
    }

    /**
     * @param diffusion d(n) for n = 1..M (index n - 1)
     * @param equilibrium f_n for n = 1..M, positive, a detailed-balance equilibrium of beta and split
     * @param beta the coagulation kernel (units of the PDE)
     * @param split the fragmentation kernel G (the convention of {@link CoagFragOde})
     * @param k2 |k|^2 of the mode (1 / length^2)
     */
    public DensityModeCorrelation(double[] diffusion, double[] equilibrium, CoagFragOde.DoubleKernel beta,
                                  CoagFragOde.DoubleKernel split, double k2) {
        int size = equilibrium.length;
        double[][] a = jacobian(beta, split, equilibrium);
        for (int n = 0; n < size; n++) {
            a[n][n] -= k2 * diffusion[n];
        }
        this.generator = a;
        double[][] s = new double[size][size];
        double largest = 0;
        for (int n = 0; n < size; n++) {
            for (int m = 0; m < size; m++) {
                s[n][m] = a[n][m] * Math.sqrt(equilibrium[m] / equilibrium[n]);
                largest = Math.max(largest, Math.abs(s[n][m]));
            }
        }
        double worst = 0;
        for (int n = 0; n < size; n++) {
            for (int m = 0; m < n; m++) {
                worst = Math.max(worst, Math.abs(s[n][m] - s[m][n]));
                double mean = 0.5 * (s[n][m] + s[m][n]);
                s[n][m] = mean;
                s[m][n] = mean;
            }
        }
        this.asymmetry = largest > 0 ? worst / largest : 0;
        EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(s));
        this.eigenvalues = eigen.getEigenvalues();
        RealMatrix v = eigen.getV();
        this.vectors = v.getData();
    }

    /**
     * The prediction for a run of the model with the dual rule.
     *
     * @param spec the model (dual fragmentation, its diffusion and beta recipe)
     * @param shape f*_n, the model's equilibrium shape
     * @param rho the mass density sigma * (total mass) / |L| (PDE units)
     * @param maxMass M, the truncation (f_M should be negligible)
     * @param k2 |k|^2 of the mode
     * @param pairing which kernels the linearised equation uses
     * @return the mode correlation
     */
    public static DensityModeCorrelation forModel(ModelSpec spec, MassFunction shape, double rho, int maxMass, double k2, Pairing pairing) {
        BetaRecipe recipe = BetaRecipe.of(spec);
        DualFragmentation dual = new DualFragmentation(spec, shape);
        double[] f = CoagFragEquilibrium.ofFamily(shape::at, maxMass, rho);
        double[] d = new double[maxMass];
        for (int n = 1; n <= maxMass; n++) {
            d[n - 1] = spec.diffusion().at(n);
        }
        if (pairing == Pairing.NAIVE) {
            return new DensityModeCorrelation(d, f, recipe::naive, (n, m) -> dual.splitKernel(recipe, n, m), k2);
        }
        return new DensityModeCorrelation(d, f, recipe::at,
                (n, m) -> dual.splitKernel(recipe, n, m) * recipe.at(n, m) / recipe.naive(n, m), k2);
    }

    /**
     * The Jacobian of {@link CoagFragOde#derivatives} (masses 1..M, pairs beyond M do not coagulate):
     * <pre>
     *   J_kj = [j &lt; k] beta(j,k-j) f_(k-j) - [j &lt;= M-k] beta(k,j) f_k + [j &gt; k] G(k,j-k)
     *          - delta_kj (1/2 sum_(n&lt;k) G(n,k-n) + sum_(m&lt;=M-k) beta(k,m) f_m)
     * </pre>
     *
     * @param beta the coagulation kernel
     * @param split the fragmentation kernel G
     * @param f the state, f_n for n = 1..M
     * @return J[k-1][j-1] (1 / time)
     */
    public static double[][] jacobian(CoagFragOde.DoubleKernel beta, CoagFragOde.DoubleKernel split, double[] f) {
        int size = f.length;
        double[][] jac = new double[size][size];
        for (int k = 1; k <= size; k++) {
            double[] row = jac[k - 1];
            double loss = 0;
            for (int n = 1; n < k; n++) {
                row[n - 1] += beta.at(n, k - n) * f[k - n - 1];
                loss += 0.5 * split.at(n, k - n);
            }
            for (int m = 1; k + m <= size; m++) {
                loss += beta.at(k, m) * f[m - 1];
                row[m - 1] -= beta.at(k, m) * f[k - 1];
                row[k + m - 1] += split.at(k, m);
            }
            row[k - 1] -= loss;
        }
        return jac;
    }

    /** @return A = -|k|^2 diag(d) + J, A[n-1][m-1] (1 / time) */
    public double[][] generator() {
        double[][] copy = new double[generator.length][];
        for (int n = 0; n < copy.length; n++) {
            copy[n] = generator[n].clone();
        }
        return copy;
    }

    /**
     * @return max |S_nm - S_mn| / max |S_nm| of S = Sigma^(-1/2) A Sigma^(1/2) before symmetrising:
     *     rounding error at a detailed-balance equilibrium
     */
    public double asymmetry() {
        return asymmetry;
    }

    /** @return the eigenvalues of S (1 / time), all negative for k != 0 */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /**
     * @param mass n, 1..M
     * @param tau the lag, &gt;= 0 (time units)
     * @return C_n(tau) = [exp(A tau) Sigma]_nn / Sigma_nn
     */
    public double autocorrelation(int mass, double tau) {
        double sum = 0;
        double[] row = vectors[mass - 1];
        for (int i = 0; i < eigenvalues.length; i++) {
            sum += row[i] * row[i] * Math.exp(eigenvalues[i] * tau);
        }
        return sum;
    }
}
