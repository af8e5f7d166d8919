package org.coag.core.theory;

import java.util.function.DoubleConsumer;
import org.coag.core.model.Mode;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/**
 * The Smoluchowski coagulation ODE (2.1) on masses 1..M:
 * <pre>
 *   f_n' = 1/2 sum_{m&lt;n} K(m, n-m) f_m f_(n-m) - f_n sum_{m&lt;=M} K(n, m) f_m
 * </pre>
 * (annihilation: no gain term). A pair whose merged mass exceeds M leaves the system; the mass it
 * carries is integrated as an extra unknown
 * <pre>
 *   lost' = 1/2 sum_{n,m&lt;=M, n+m&gt;M} (n + m) K(n, m) f_n f_m,
 * </pre>
 * so sum_n n f_n + lost is conserved exactly by the integrator (a linear invariant), and
 * {@code lost} is the mass that left through the truncation (after gelation: the gel). Integrated
 * by Hipparchus' adaptive Dormand-Prince 8(5,3) with relative and absolute tolerances.
 */
public final class SmoluchowskiOde {
    private final int maxMass;
    private final double[] kernel;
    private final boolean coagulation;

    /**
     * @param kernel K
     * @param maxMass M
     * @param mode coagulation or annihilation
     */
    public SmoluchowskiOde(CoagulationKernel kernel, int maxMass, Mode mode) {
        this.maxMass = maxMass;
        this.kernel = kernel.matrix(maxMass);
        this.coagulation = mode == Mode.COAGULATION;
    }

    /**
     * The solution at the output times.
     *
     * @param times output times
     * @param densities densities[k][n-1] = f_n(times[k])
     * @param lost lost[k] = mass gone through the truncation by times[k]
     * @param evaluations right-hand-side evaluations used
     */
    public record Solution(double[] times, double[][] densities, double[] lost, long evaluations) {
        /**
         * @param k output index
         * @return sum_n n f_n(t_k)
         */
        public double mass(int k) {
            double s = 0;
            for (int n = densities[k].length; n >= 1; n--) {
                s += n * densities[k][n - 1];
            }
            return s;
        }

        /**
         * @param k output index
         * @return sum_n f_n(t_k)
         */
        public double number(int k) {
            double s = 0;
            for (int n = densities[k].length; n >= 1; n--) {
                s += densities[k][n - 1];
            }
            return s;
        }
    }

    /**
     * @param initial f_n(0) for n = 1..M (shorter arrays are padded with zeros)
     * @param times increasing output times, all &gt;= 0
     * @param relTol relative tolerance per step
     * @param absTol absolute tolerance per step
     * @param progress receives the time reached after each accepted step (may be null)
     * @return the solution at {@code times}
     */
    public Solution solve(double[] initial, double[] times, double relTol, double absTol, DoubleConsumer progress) {
        double[] y = new double[maxMass + 1];
        System.arraycopy(initial, 0, y, 0, Math.min(initial.length, maxMass));
        double span = times[times.length - 1];
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-12 * Math.max(span, 1e-300),
                Math.max(span, 1e-300), absTol, relTol);
        if (progress != null) {
            integrator.addStepHandler((interpolator) -> progress.accept(interpolator.getCurrentState().getTime()));
        }
        Rates rates = new Rates();
        double[][] out = new double[times.length][];
        double[] lost = new double[times.length];
        double t = 0;
        for (int k = 0; k < times.length; k++) {
            if (times[k] > t) {
                ODEStateAndDerivative s = integrator.integrate(rates, new ODEState(t, y), times[k]);
                y = s.getPrimaryState();
                t = times[k];
            }
            out[k] = java.util.Arrays.copyOf(y, maxMass);
            lost[k] = y[maxMass];
        }
        return new Solution(times.clone(), out, lost, rates.evaluations);
    }

    /**
     * The right-hand side at one state.
     *
     * @param f f_n for n = 1..M, then lost (length M + 1)
     * @param dfdt the derivatives (length M + 1)
     */
    public void derivatives(double[] f, double[] dfdt) {
        int mm = maxMass;
        double outflow = 0;
        for (int n = 1; n <= mm; n++) {
            double[] k = kernel;
            int row = (n - 1) * mm;
            double sink = 0;
            for (int m = 1; m <= mm; m++) {
                sink += k[row + m - 1] * f[m - 1];
            }
            double gain = 0;
            if (coagulation) {
                for (int m = 1; m < n; m++) {
                    gain += k[(m - 1) * mm + n - m - 1] * f[m - 1] * f[n - m - 1];
                }
                double tail = 0;
                for (int m = mm - n + 1; m <= mm; m++) {
                    tail += (n + m) * k[row + m - 1] * f[m - 1];
                }
                outflow += f[n - 1] * tail;
            }
            dfdt[n - 1] = 0.5 * gain - f[n - 1] * sink;
        }
        dfdt[mm] = 0.5 * outflow;
    }

    private final class Rates implements OrdinaryDifferentialEquation {
        long evaluations;

        @Override
        public int getDimension() {
            return maxMass + 1;
        }

        @Override
        public double[] computeDerivatives(double t, double[] y) {
            evaluations++;
            double[] d = new double[maxMass + 1];
            derivatives(y, d);
            return d;
        }
    }
}
