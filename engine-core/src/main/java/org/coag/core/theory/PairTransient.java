package org.coag.core.theory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.coag.core.model.ModelException;
import org.coag.core.model.RadialKernel;

/**
 * The transient two-particle problem: the time-dependent reaction rate of a pair that starts
 * uncorrelated. Dimensionless throughout: lengths in units of the kernel's range (the kernel's own
 * units, support rho), time tau in units of range^2 / D, unit relative diffusivity, killing rate
 * c V(|y|) with c = alpha / D.
 *
 * <pre>
 *   d rho / d tau = Lap rho - c V(|y|) rho   in R^d (d >= 2),   rho(y, 0) = 1,   rho -> 1 as |y| -> inf,
 *   k(tau) = c * integral V rho dy,   K(tau) = integral_0^tau k = integral (1 - rho(y, tau)) dy.
 * </pre>
 * k(0) = c * integral V; k decreases; for d >= 3, k(inf) = g(c) of {@link RadialBetaSolver}; for
 * d = 3, K(tau) = g tau + C sqrt(tau) + O(1) with C = g^2 / (2 pi^(3/2)) (the far field sees the
 * ambient density 1 + g / (4 pi sqrt(pi tau))); in d = 2, with L = ln(4 tau / l^2) - gamma and
 * ln l = ln rho - 1 / (rho q0) (q0 = w'/w at rho for w'' + w'/r = c V w, w(0) = 1: the stationary
 * inner solution, proportional to ln(r / l) outside the support), k = 4 pi (1/L - zeta(2)/L^3
 * - 2 zeta(3)/L^4 + O(L^-5)); gamma is Euler's constant. For small c, ln l ~ -2 pi / (c integral V).
 *
 * <p>Method: Laplace transform in tau. f = rho-hat(r, p) solves f'' + (d-1)/r f' = (p + c V) f - 1.
 * Inside the support, the invariant imbedding f' = q f + s, J = a f + b with
 * J(r) = integral_0^r V f r^(d-1) dr (all four start at 0 at r = 0) gives the stable system
 * <pre>
 *   q' = p + c V - q^2 - (d-1) q / r,   s' = -1 - q s - (d-1) s / r,   a' = V r^(d-1) - a q,   b' = -a s,
 * </pre>
 * integrated by classical RK4 with step doubling and Richardson extrapolation (relative tolerance
 * 1e-13 on k-hat). Outside, f = 1/p + A r^-nu K_nu(r sqrt p), nu = d/2 - 1, so
 * f'(rho) = -sqrt(p) (K_(nu+1)/K_nu)(rho sqrt p) (f(rho) - 1/p) ({@link BesselKRatio}); matching gives
 * f(rho) and k-hat(p) = c |S^(d-1)| (a f(rho) + b). k and K are the inverse transforms of k-hat and
 * k-hat / p by the fixed Talbot contour (Abate and Valko 2004) with M = 18 nodes in double precision.
 *
 * <p>Accuracy (PairTransientTest), relative, for tau in [1e-6, 1e12] and c in [1e-6, 1e3]: about
 * 1e-11 to 1e-12 against the short-time expansions (tau = 1e-6) and the long-time limits
 * (tau = 1e12, d = 3 and 4); the inversion with 24 instead of 18 nodes changes k by at most 3e-11
 * and K by 2e-12; an independent Crank-Nicolson solution agrees to 3e-9 in k and 2e-7 in K (its own
 * error). Promised: 1e-9. Cost: M RK4 solves per tau, with at least 4 sqrt(|p| + c max V) steps
 * each: about 1 ms per value for tau &gt;= 1e-3 (200 values of k and K in 0.4 s), about 0.1 s per
 * value at tau = 1e-6; below tau of about 1e-8 the grid would exceed 2^21 steps and a
 * {@link ModelException} says so (there k is c integral V to within c^2 integral V^2 tau). Thread-safe.
 */
public final class PairTransient {
    /** Talbot nodes: discretisation error about 10^(-0.6 M), round-off amplified by e^(0.4 M). */
    static final int TALBOT_NODES = 18;
    private static final double TOLERANCE = 1e-13;
    private static final int MIN_STEPS = 32;
    private static final int MAX_STEPS = 1 << 21;

    private final RadialKernel kernel;
    private final int dim;
    private final double c;
    private final double support;
    private final double sphere;
    private final double rate0;
    private final double vMax;
    private final double[] breakpoints;
    private final Map<Integer, Grid> grids = new ConcurrentHashMap<>();

    /**
     * @param kernel V (range 1 in its own units; support rho)
     * @param dim d >= 2
     * @param c the strength alpha / D, positive and finite
     */
    public PairTransient(RadialKernel kernel, int dim, double c) {
        if (dim < 2 || dim > 16) {
            throw new ModelException("transient pair problem: d must lie in 2..16 (got " + dim + ")");
        }
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new ModelException("transient pair problem: alpha / D must be positive and finite (got " + c + ")");
        }
        this.kernel = kernel;
        this.dim = dim;
        this.c = c;
        this.support = kernel.support();
        this.sphere = RadialKernel.unitSphereArea(dim);
        this.rate0 = c * kernel.integral(dim);
        this.breakpoints = RadialSteps.breakpoints(kernel);
        double m = 0;
        for (int i = 0; i < 1024; i++) {
            double r = support * i / 1024;
            m = Math.max(m, kernel.value(r * r));
        }
        this.vMax = m;
    }

    /**
     * @param tau dimensionless time, >= 0
     * @return k(tau) = c * integral V rho(y, tau) dy (c * integral V at tau = 0)
     * @throws ModelException for tau &lt; 0, infinite, or too small to resolve (about 1e-8)
     */
    public double rate(double tau) {
        return tau == 0 ? rate0 : invert(tau, false);
    }

    /**
     * @param tau dimensionless time, >= 0
     * @return K(tau) = integral_0^tau k, the expected number of reactions of the pair per unit
     *     density by time tau
     */
    public double integral(double tau) {
        return tau == 0 ? 0 : invert(tau, true);
    }

    private double invert(double tau, boolean integrated) {
        return invert(tau, integrated, TALBOT_NODES);
    }

    /** The fixed Talbot inversion with m nodes (package-private for the convergence test). */
    double invert(double tau, boolean integrated, int m) {
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new ModelException("transient pair problem: tau must be non-negative and finite (got " + tau + ")");
        }
        double r = 2.0 * m / (5.0 * tau);
        double[] f0 = transform(r, 0, 0);
        double scale = Math.abs(f0[0]);
        double sum = 0.5 * Math.exp(r * tau) * (integrated ? f0[0] / r : f0[0]);
        for (int k = 1; k < m; k++) {
            double theta = k * Math.PI / m;
            double cot = Math.cos(theta) / Math.sin(theta);
            double pr = r * theta * cot;
            double pi = r * theta;
            double sigma = theta + (theta * cot - 1) * cot;
            double e = Math.exp(pr * tau);
            double[] f = transform(pr, pi, TOLERANCE * scale * Math.exp(r * tau) / (e * Math.hypot(1, sigma)));
            if (integrated) {
                f = BesselKRatio.divide(f[0], f[1], pr, pi);
            }
            double er = e * Math.cos(pi * tau);
            double ei = e * Math.sin(pi * tau);
            double gr = er * f[0] - ei * f[1];
            double gi = er * f[1] + ei * f[0];
            sum += gr - gi * sigma;
        }
        return r / m * sum;
    }

    /**
     * k-hat(p) for complex p off the negative real axis, as {re, im}, to the relative tolerance or
     * to the absolute tolerance absTol when that is larger (Talbot nodes of small weight).
     */
    double[] transform(double pr, double pi, double absTol) {
        double kappa = Math.sqrt(Math.hypot(pr + c * vMax, pi));
        if (4 * kappa * support > MAX_STEPS / 4) {
            throw new ModelException(String.format(java.util.Locale.ROOT, "transient pair problem: |p| = %.3g (tau ~ 1 / |p|) with "
                    + "c = %.3g needs more than %d RK4 steps; use a larger tau or the short-time expansion", Math.hypot(pr, pi), c, MAX_STEPS));
        }
        int n = MIN_STEPS;
        while (n < 4 * kappa * support) {
            n *= 2;
        }
        double[] coarse = solve(pr, pi, n);
        while (true) {
            double[] fine = solve(pr, pi, 2 * n);
            double er = (fine[0] - coarse[0]) / 15;
            double ei = (fine[1] - coarse[1]) / 15;
            double mag = Math.hypot(fine[0], fine[1]);
            if (Math.hypot(er, ei) <= Math.max(TOLERANCE * mag, absTol)) {
                return new double[] {fine[0] + er, fine[1] + ei};
            }
            if (4 * n > MAX_STEPS) {
                throw new ModelException("transient pair problem: no convergence at p = " + pr + " + " + pi + "i, c = " + c);
            }
            coarse = fine;
            n *= 2;
        }
    }

    /** k-hat(p) on one grid of about n RK4 steps. */
    private double[] solve(double pr, double pi, int n) {
        double[] y = grid(n).integrate(pr, pi);
        double qr = y[0];
        double qi = y[1];
        double[] sp = sqrt(pr, pi);
        double[] ratio = BesselKRatio.ratio(dim, support * sp[0], support * sp[1]);
        double[] invP = BesselKRatio.inverse(pr, pi);
        // G = f(rho) - 1/p = -(q/p + s) / (q + sqrt(p) ratio)
        double numR = qr * invP[0] - qi * invP[1] + y[2];
        double numI = qr * invP[1] + qi * invP[0] + y[3];
        double denR = qr + sp[0] * ratio[0] - sp[1] * ratio[1];
        double denI = qi + sp[0] * ratio[1] + sp[1] * ratio[0];
        double[] g = BesselKRatio.divide(-numR, -numI, denR, denI);
        double fr = invP[0] + g[0];
        double fi = invP[1] + g[1];
        double jr = y[4] * fr - y[5] * fi + y[6];
        double ji = y[4] * fi + y[5] * fr + y[7];
        return new double[] {c * sphere * jr, c * sphere * ji};
    }

    private static double[] sqrt(double re, double im) {
        double m = Math.hypot(re, im);
        double sr = Math.sqrt(0.5 * (m + Math.abs(re)));
        if (sr == 0) {
            return new double[] {0, 0};
        }
        return re >= 0 ? new double[] {sr, im / (2 * sr)} : new double[] {Math.abs(im) / (2 * sr), Math.copySign(sr, im)};
    }

    private Grid grid(int steps) {
        return grids.computeIfAbsent(steps, this::buildGrid);
    }

    private Grid buildGrid(int steps) {
        return new Grid(RadialSteps.of(kernel, breakpoints, steps));
    }

    /** Step sizes and kernel samples (start, midpoint, end of every step) on [0, rho]. */
    private final class Grid {
        final int size;
        final double[] r;
        final double[] h;
        final double[] v;
        final double[] w;

        Grid(RadialSteps steps) {
            this.size = steps.size;
            r = steps.r;
            h = steps.h;
            v = new double[3 * size];
            w = new double[3 * size];
            for (int i = 0; i < size; i++) {
                double r0 = steps.r[i];
                double r1 = steps.rEnd[i];
                v[3 * i] = steps.v0[i];
                v[3 * i + 1] = steps.vMid[i];
                v[3 * i + 2] = steps.v1[i];
                w[3 * i] = v[3 * i] * Math.pow(r0, dim - 1);
                w[3 * i + 1] = v[3 * i + 1] * Math.pow(0.5 * (r0 + r1), dim - 1);
                w[3 * i + 2] = v[3 * i + 2] * Math.pow(r1, dim - 1);
            }
        }

        /** RK4 for (q, s, a, b) as complex pairs; returns their values at rho. */
        double[] integrate(double pr, double pi) {
            double[] y = new double[8];
            double[] k1 = new double[8];
            double[] k2 = new double[8];
            double[] k3 = new double[8];
            double[] k4 = new double[8];
            double[] t = new double[8];
            for (int i = 0; i < size; i++) {
                double r0 = r[i];
                double hh = h[i];
                double rm = r0 + 0.5 * hh;
                rhs(r0, v[3 * i], w[3 * i], y, k1, pr, pi);
                axpy(y, 0.5 * hh, k1, t);
                rhs(rm, v[3 * i + 1], w[3 * i + 1], t, k2, pr, pi);
                axpy(y, 0.5 * hh, k2, t);
                rhs(rm, v[3 * i + 1], w[3 * i + 1], t, k3, pr, pi);
                axpy(y, hh, k3, t);
                rhs(r0 + hh, v[3 * i + 2], w[3 * i + 2], t, k4, pr, pi);
                for (int j = 0; j < 8; j++) {
                    y[j] += hh / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
                }
            }
            return y;
        }

        private void rhs(double rr, double vv, double wv, double[] y, double[] out, double pr, double pi) {
            double qr = y[0];
            double qi = y[1];
            double sr = y[2];
            double si = y[3];
            double ar = y[4];
            double ai = y[5];
            if (rr == 0) {
                out[0] = (pr + c * vv) / dim;
                out[1] = pi / dim;
                out[2] = -1.0 / dim;
                out[3] = 0;
                out[4] = 0;
                out[5] = 0;
                out[6] = 0;
                out[7] = 0;
                return;
            }
            double w = (dim - 1) / rr;
            out[0] = pr + c * vv - (qr * qr - qi * qi) - w * qr;
            out[1] = pi - 2 * qr * qi - w * qi;
            out[2] = -1 - (qr * sr - qi * si) - w * sr;
            out[3] = -(qr * si + qi * sr) - w * si;
            out[4] = wv - (ar * qr - ai * qi);
            out[5] = -(ar * qi + ai * qr);
            out[6] = -(ar * sr - ai * si);
            out[7] = -(ar * si + ai * sr);
        }

        private void axpy(double[] y, double h, double[] k, double[] out) {
            for (int j = 0; j < 8; j++) {
                out[j] = y[j] + h * k[j];
            }
        }
    }
}
