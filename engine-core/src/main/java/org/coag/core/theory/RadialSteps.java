package org.coag.core.theory;

import org.coag.core.model.RadialKernel;
import org.coag.core.model.TableKernel;

/**
 * The RK4 steps of a radial problem on [0, rho] (rho the kernel's support) and the kernel's values
 * at each step's start, midpoint and end. Shared by {@link RadialBetaSolver} and
 * {@link PairTransient}. A table kernel's breakpoints are step ends, so no step straddles a kink.
 * The end value is V's left limit at rho, where V may jump to 0.
 *
 * <p>Layout: steps 0..size-1; {@code r[i]} and {@code rEnd[i]} are step i's ends ({@code r[size] =
 * rho}), {@code h[i] = rEnd[i] - r[i]}, and {@code v0[i]}, {@code vMid[i]}, {@code v1[i]} are V at
 * r[i], (r[i] + rEnd[i]) / 2 and rEnd[i].
 */
final class RadialSteps {
    final int size;
    final double[] r;
    final double[] rEnd;
    final double[] h;
    final double[] v0;
    final double[] vMid;
    final double[] v1;

    private RadialSteps(int size) {
        this.size = size;
        r = new double[size + 1];
        rEnd = new double[size];
        h = new double[size];
        v0 = new double[size];
        vMid = new double[size];
        v1 = new double[size];
    }

    /**
     * @param kernel V
     * @return the breakpoints of the steps: a table kernel's radii, else {0, rho}
     */
    static double[] breakpoints(RadialKernel kernel) {
        return kernel instanceof TableKernel ? ((TableKernel) kernel).radii() : new double[] {0, kernel.support()};
    }

    /**
     * @param kernel V
     * @param breakpoints {@link #breakpoints}
     * @param steps about this many steps over [0, rho], at least 2 per segment between breakpoints
     * @return the steps
     */
    static RadialSteps of(RadialKernel kernel, double[] breakpoints, int steps) {
        double rho = kernel.support();
        int segments = breakpoints.length - 1;
        int[] per = new int[segments];
        int total = 0;
        for (int s = 0; s < segments; s++) {
            per[s] = Math.max(2, (int) Math.ceil(steps * (breakpoints[s + 1] - breakpoints[s]) / rho));
            total += per[s];
        }
        RadialSteps g = new RadialSteps(total);
        int i = 0;
        for (int s = 0; s < segments; s++) {
            double a = breakpoints[s];
            double h = (breakpoints[s + 1] - a) / per[s];
            for (int k = 0; k < per[s]; k++, i++) {
                double r0 = a + k * h;
                double r1 = k + 1 == per[s] ? breakpoints[s + 1] : a + (k + 1) * h;
                g.r[i] = r0;
                g.rEnd[i] = r1;
                g.h[i] = r1 - r0;
                g.v0[i] = kernel.value(r0 * r0);
                double mid = 0.5 * (r0 + r1);
                g.vMid[i] = kernel.value(mid * mid);
                g.v1[i] = kernel.value(Math.min(r1 * r1, Math.nextDown(rho * rho)));
            }
        }
        g.r[total] = rho;
        return g;
    }
}
