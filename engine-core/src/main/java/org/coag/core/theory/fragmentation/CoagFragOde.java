package org.coag.core.theory.fragmentation;

import java.util.Arrays;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/**
 * The spatially homogeneous Smoluchowski coagulation-fragmentation ODE on masses 1..M
 * (docs/theory.md, "Coagulation with fragmentation"):
 * <pre>
 *   f_k' = 1/2 sum_{n+m=k} [beta(n,m) f_n f_m - G(n,m) f_k] - sum_{m &lt;= M-k} [beta(k,m) f_k f_m - G(k,m) f_(k+m)]
 * </pre>
 * beta the coagulation kernel (units of the PDE), G the fragmentation kernel (a particle of mass
 * n+m splits into {n, m} at rate G(n,m) for n != m, G(n,n)/2 for n = m; 1 / time). Pairs whose
 * merged mass would exceed M do not coagulate, so sum_k k f_k is conserved and, when
 * beta(n,m) f*_n f*_m = G(n,m) f*_(n+m), every f*_n theta^n is a detailed-balance equilibrium of
 * the truncated system too. Integrated by Hipparchus' adaptive Dormand-Prince 8(5,3).
 */
public final class CoagFragOde {
    private final int maxMass;
    private final double[][] beta;
    private final double[][] split;

    /**
     * @param beta beta(n, m), symmetric
     * @param split G(n, m), symmetric
     * @param maxMass M
     */
    public CoagFragOde(DoubleKernel beta, DoubleKernel split, int maxMass) {
        this.maxMass = maxMass;
        this.beta = new double[maxMass + 1][maxMass + 1];
        this.split = new double[maxMass + 1][maxMass + 1];
        for (int n = 1; n <= maxMass; n++) {
            for (int m = 1; n + m <= maxMass; m++) {
                this.beta[n][m] = beta.at(n, m);
                this.split[n][m] = split.at(n, m);
            }
        }
    }

    /** A function of a mass pair. */
    @FunctionalInterface
    public interface DoubleKernel {
        /**
         * @param n mass
         * @param m mass
         * @return the value
         */
        double at(int n, int m);
    }

    /**
     * @param initial f_k(0) for k = 1..M (shorter arrays are padded with zeros)
     * @param times increasing output times, all &gt;= 0
     * @param relTol relative tolerance per step
     * @param absTol absolute tolerance per step
     * @return out[j][k-1] = f_k(times[j])
     */
    public double[][] solve(double[] initial, double[] times, double relTol, double absTol) {
        double[] y = Arrays.copyOf(initial, maxMass);
        double span = Math.max(times[times.length - 1], 1e-300);
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-12 * span, span, absTol, relTol);
        OrdinaryDifferentialEquation rates = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return maxMass;
            }

            @Override
            public double[] computeDerivatives(double t, double[] f) {
                double[] d = new double[maxMass];
                derivatives(f, d);
                return d;
            }
        };
        double[][] out = new double[times.length][];
        double t = 0;
        for (int j = 0; j < times.length; j++) {
            if (times[j] > t) {
                ODEStateAndDerivative s = integrator.integrate(rates, new ODEState(t, y), times[j]);
                y = s.getPrimaryState();
                t = times[j];
            }
            out[j] = y.clone();
        }
        return out;
    }

    /**
     * @param f f_k for k = 1..M
     * @param dfdt the derivatives, written
     */
    public void derivatives(double[] f, double[] dfdt) {
        for (int k = 1; k <= maxMass; k++) {
            double pairs = 0;
            for (int n = 1; n < k; n++) {
                pairs += beta[n][k - n] * f[n - 1] * f[k - n - 1] - split[n][k - n] * f[k - 1];
            }
            double partners = 0;
            for (int m = 1; k + m <= maxMass; m++) {
                partners += beta[k][m] * f[k - 1] * f[m - 1] - split[k][m] * f[k + m - 1];
            }
            dfdt[k - 1] = 0.5 * pairs - partners;
        }
    }

    /**
     * @param f f_k for k = 1..M
     * @return sum_k k f_k
     */
    public static double mass(double[] f) {
        double s = 0;
        for (int k = f.length; k >= 1; k--) {
            s += k * f[k - 1];
        }
        return s;
    }
}
