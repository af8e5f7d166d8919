package org.coag.core.theory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.coag.core.model.ModelException;
import org.coag.core.model.RadialKernel;

/**
 * Solves the radial two-point problem (1.7) for a radial kernel V in d >= 3 and returns the rate
 * (1.8) per unit pair diffusivity.
 *
 * <p>With c = alpha / D, D = d(n) + d(m), write 1 - u = lambda w with w'' + (d-1)/r w' = c V w,
 * w(0) = 1, w'(0) = 0. Outside the support rho, u = A r^(2-d). The log-derivative q = w'/w obeys
 * the Riccati equation
 * <pre>
 *   q' = c V(r) - q^2 - (d-1) q / r,   q(0) = 0   (q'(0) = c V(0) / d),
 * </pre>
 * which stays bounded for any c (w itself grows like e^(sqrt(c) r) and would overflow), and
 * matching u and u' at rho gives
 * <pre>
 *   beta / D = g(c) = |S^(d-1)| rho^(d-1) q(rho) / (1 + rho q(rho) / (d-2)),
 *   u(r) = 1 - exp(L(r) - L(rho)) / (1 + rho q(rho) / (d-2))  for r <= rho,  L' = q,
 *   u(r) = u(rho) (rho / r)^(d-2)                              for r >= rho.
 * </pre>
 * For the Doi kernel in d = 3 this is 4 pi (1 - tanh(k)/k), k = sqrt(c).
 *
 * <p>Method: classical RK4 on a grid of n steps (steps end on every breakpoint of a table
 * kernel, where V has kinks), repeated with 2n steps; the Richardson difference (g_2n - g_n) / 15
 * estimates the error, n doubles until it is below the tolerance, and the extrapolated value is
 * returned. The kernel is sampled once per grid and shared by all c (a beta table solves many).
 * The integration is hand-written rather than a library call because it runs tens of thousands of
 * times per table and the kernel samples are reused across solves. Thread-safe.
 */
public final class RadialBetaSolver {
    /**
     * Relative Richardson error of the finer unextrapolated solution at which a solve stops. The
     * extrapolated value returned is far more accurate (for the Doi and bump kernels 1e-12 or
     * better, see BetaRecipeTest), inside the 1e-9 promised.
     */
    public static final double DEFAULT_TOLERANCE = 2e-10;
    private static final int MIN_STEPS = 64;
    private static final int MAX_STEPS = 1 << 22;

    private final RadialKernel kernel;
    private final int dim;
    private final double rho;
    private final double[] breakpoints;
    private final Map<Integer, Grid> grids = new ConcurrentHashMap<>();

    /**
     * One solve.
     *
     * @param perDiffusivity g(c) = beta / D (beta for D = 1)
     * @param relativeError the Richardson estimate of |error| / g
     * @param steps the finest grid used
     */
    public record Result(double perDiffusivity, double relativeError, int steps) {
    }

    /**
     * @param kernel V
     * @param dim d >= 3
     */
    public RadialBetaSolver(RadialKernel kernel, int dim) {
        if (dim < 3) {
            throw new ModelException("the radial beta problem (1.7) needs d >= 3 (d = 2 uses (2.4)); got d = " + dim);
        }
        this.kernel = kernel;
        this.dim = dim;
        this.rho = kernel.support();
        this.breakpoints = RadialSteps.breakpoints(kernel);
    }

    /**
     * @param c alpha / D, positive
     * @return g(c) with its error estimate
     */
    public Result solve(double c) {
        return solve(c, DEFAULT_TOLERANCE);
    }

    /**
     * @param c alpha / D, positive
     * @param tolerance relative Richardson error at which to stop
     * @return g(c) with its error estimate
     */
    public Result solve(double c, double tolerance) {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new ModelException("beta recipe: alpha / D must be positive and finite (got " + c + ")");
        }
        int n = initialSteps(c);
        double coarse = fluxFactor(grid(n).integrate(c, null));
        while (true) {
            double fine = fluxFactor(grid(2 * n).integrate(c, null));
            double err = Math.abs(fine - coarse) / 15;
            if (err <= tolerance * Math.abs(fine) || 4 * n > MAX_STEPS) {
                double value = fine + (fine - coarse) / 15;
                if (err > tolerance * Math.abs(fine)) {
                    throw new ModelException("beta recipe: no convergence for alpha / D = " + c + " with " + 2 * n + " steps");
                }
                return new Result(value, err / Math.abs(value), 2 * n);
            }
            coarse = fine;
            n *= 2;
        }
    }

    /**
     * Solves once on a fixed grid (no refinement): for convergence studies.
     *
     * @param c alpha / D
     * @param steps number of RK4 steps across the support
     * @return g(c) on that grid
     */
    public double solveOnGrid(double c, int steps) {
        return fluxFactor(grid(steps).integrate(c, null));
    }

    /**
     * The collision probability u(r) of (1.7) on the finest grid of {@link #solve(double)}.
     *
     * @param c alpha / D
     * @param rMax the largest radius wanted (units of eps; beyond rho u decays as r^(2-d))
     * @param outsidePoints number of points on (rho, rMax]
     * @return rows {r, u(r)}: the grid points in [0, rho], then the outside points
     */
    public double[][] profile(double c, double rMax, int outsidePoints) {
        Grid g = grid(solve(c).steps());
        double[] logW = new double[g.size + 1];
        double q = g.integrate(c, logW);
        double denom = 1 + rho * q / (dim - 2);
        double[][] rows = new double[g.size + 1 + outsidePoints][];
        for (int i = 0; i <= g.size; i++) {
            rows[i] = new double[] {g.r[i], 1 - Math.exp(logW[i] - logW[g.size]) / denom};
        }
        double uRho = 1 - 1 / denom;
        for (int k = 1; k <= outsidePoints; k++) {
            double r = rho + (rMax - rho) * k / outsidePoints;
            rows[g.size + k] = new double[] {r, uRho * Math.pow(rho / r, dim - 2)};
        }
        return rows;
    }

    private double fluxFactor(double q) {
        double area = RadialKernel.unitSphereArea(dim);
        return area * Math.pow(rho, dim - 1) * q / (1 + rho * q / (dim - 2));
    }

    private int initialSteps(double c) {
        double layers = 8 * Math.sqrt(c) * rho;
        int n = MIN_STEPS;
        while (n < layers && n < MAX_STEPS / 4) {
            n *= 2;
        }
        return n;
    }

    private Grid grid(int steps) {
        return grids.computeIfAbsent(steps, this::buildGrid);
    }

    private Grid buildGrid(int steps) {
        return new Grid(RadialSteps.of(kernel, breakpoints, steps));
    }

    /** Step sizes and kernel samples (start, midpoint, end of every step): {@link RadialSteps}. */
    private final class Grid {
        final int size;
        final double[] r;
        final double[] h;
        final double[] v0;
        final double[] vMid;
        final double[] v1;

        Grid(RadialSteps steps) {
            this.size = steps.size;
            r = steps.r;
            h = steps.h;
            v0 = steps.v0;
            vMid = steps.vMid;
            v1 = steps.v1;
        }

        /** RK4 for q (and L = log w when logW is given); returns q(rho). */
        double integrate(double c, double[] logW) {
            int dm1 = dim - 1;
            double q = 0;
            double logw = 0;
            for (int i = 0; i < size; i++) {
                double r0 = r[i];
                double hh = h[i];
                double rm = r0 + 0.5 * hh;
                double r1 = r0 + hh;
                double k1 = r0 == 0 ? c * v0[i] / dim : c * v0[i] - q * q - dm1 * q / r0;
                double q2 = q + 0.5 * hh * k1;
                double k2 = c * vMid[i] - q2 * q2 - dm1 * q2 / rm;
                double q3 = q + 0.5 * hh * k2;
                double k3 = c * vMid[i] - q3 * q3 - dm1 * q3 / rm;
                double q4 = q + hh * k3;
                double k4 = c * v1[i] - q4 * q4 - dm1 * q4 / r1;
                if (logW != null) {
                    logW[i] = logw;
                    logw += hh / 6 * (q + 2 * q2 + 2 * q3 + q4);
                }
                q += hh / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
            }
            if (logW != null) {
                logW[size] = logw;
            }
            return q;
        }
    }
}
