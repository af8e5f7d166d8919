package org.coag.core.model;

import java.util.function.DoubleUnaryOperator;

/** Host-side numerical integration for kernel normalisations (not part of any step). */
public final class Quadrature {
    private Quadrature() {
    }

    /**
     * Composite Simpson rule.
     *
     * @param f integrand
     * @param a lower limit
     * @param b upper limit
     * @param intervals number of sub-intervals (rounded up to even)
     * @return the integral estimate
     */
    public static double simpson(DoubleUnaryOperator f, double a, double b, int intervals) {
        int n = intervals + (intervals & 1);
        double h = (b - a) / n;
        double sum = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int i = 1; i < n; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
        }
        return sum * h / 3;
    }
}
