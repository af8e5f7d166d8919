package org.coag.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.coag.core.model.BumpKernel;
import org.coag.core.model.DoiKernel;
import org.coag.core.model.ModelException;
import org.coag.core.model.RadialKernel;
import org.coag.core.model.TableKernel;
import org.junit.jupiter.api.Test;

/**
 * The transient pair rate k(tau) and its integral K(tau) of {@link PairTransient} against
 * independently derived values: short-time expansions, the stationary g(c) of
 * {@link RadialBetaSolver} / {@link BetaRecipe#doi3}, the d = 3 and d = 2 long-time asymptotics,
 * quadrature of k, and a Crank-Nicolson solution of the PDE ({@link CrankNicolson}).
 */
class PairTransientTest {
    private static final DoiKernel DOI = new DoiKernel();
    private static final BumpKernel BUMP = new BumpKernel();

    private static double rel(double a, double b) {
        return Math.abs(a / b - 1);
    }

    /** K_(nu+1)/K_nu against values from mpmath (30 digits), on both sides of the series/CF switch at |z| = 2. */
    @Test
    void besselRatioMatchesReferenceValues() {
        double[][] cases = {
            {1, 0, 1.4296253982604018, 0, 2.6994839355937723, 0},
            {5, 0, 1.0957750456413309, 0, 1.3125960697660567, 0},
            {0.3, 1.7, 1.0749871483115545, -0.26293568975906718, 1.0790744462088294, -0.92625134507519244},
            {-1, 3, 0.96182510040505337, -0.15410530060440907, 0.81366817873995027, -0.43758831066889552},
            {10, -40, 1.0030048251204815, 0.011728837856474029, 1.0086325683559275, 0.035401749475079129},
            {0.05, 2.5, 1.0205896119625436, -0.19352122856945116, 0.96181278262480803, -0.620336650820025},
        };
        for (double[] t : cases) {
            double[] r2 = BesselKRatio.ratio(2, t[0], t[1]);
            double[] r4 = BesselKRatio.ratio(4, t[0], t[1]);
            assertTrue(Math.hypot(r2[0] - t[2], r2[1] - t[3]) < 1e-14 * Math.hypot(t[2], t[3]), "K1/K0 at " + t[0] + "+" + t[1] + "i");
            assertTrue(Math.hypot(r4[0] - t[4], r4[1] - t[5]) < 1e-14 * Math.hypot(t[4], t[5]), "K2/K1 at " + t[0] + "+" + t[1] + "i");
        }
        for (double arg = -3.0; arg <= 3.0; arg += 0.25) {
            double[] s = BesselKRatio.seriesRatio(2 * Math.cos(arg), 2 * Math.sin(arg));
            double[] f = BesselKRatio.continuedFraction(2 * Math.cos(arg), 2 * Math.sin(arg));
            assertTrue(Math.hypot(s[0] - f[0], s[1] - f[1]) < 1e-14, "series vs CF at |z| = 2, arg " + arg);
        }
    }

    /**
     * Short times. To first order in c, 1 - rho = c integral_0^tau e^(s Lap) V ds, so
     * k = c int V - c^2 int_0^tau int V e^(s Lap) V ds + O(c^3 tau^2). Doi: int 1_B e^(s Lap) 1_B =
     * |B| - |S| sqrt(s / pi) + O(s) (the heat leaking through the flat boundary), hence
     * k = c|B| - c^2 |B| tau + (2/3) c^2 |S| tau^(3/2) / sqrt(pi) + O(tau^2). Smooth bump:
     * k = c int V - c^2 int V^2 tau + O(tau^2).
     */
    @Test
    void shortTimesMatchTheExpansion() {
        assertEquals(4 * Math.PI / 3 * 2.5, new PairTransient(DOI, 3, 2.5).rate(0), 1e-15);
        assertEquals(0, new PairTransient(DOI, 3, 2.5).integral(0));
        ModelException tooShort = assertThrows(ModelException.class, () -> new PairTransient(DOI, 3, 2.5).rate(1e-14));
        assertTrue(tooShort.getMessage().contains("larger tau"), tooShort.getMessage());
        assertThrows(ModelException.class, () -> new PairTransient(DOI, 1, 2.5));
        assertThrows(ModelException.class, () -> new PairTransient(DOI, 3, 0));
        assertThrows(ModelException.class, () -> new PairTransient(DOI, 3, 1).rate(-1));
        double tau = 1e-6;
        for (int d : new int[] {2, 3, 4}) {
            for (double c : new double[] {1e-6, 1, 10}) {
                double vol = RadialKernel.unitBallVolume(d);
                double expected = c * vol - c * c * vol * tau + 2.0 / 3 * c * c * RadialKernel.unitSphereArea(d) * Math.pow(tau, 1.5) / Math.sqrt(Math.PI);
                double k = new PairTransient(DOI, d, c).rate(tau);
                System.out.printf("Doi d=%d c=%g k(1e-6)=%.15g expansion %.15g rel %.1e%n", d, c, k, expected, rel(k, expected));
                assertTrue(rel(k, expected) < 1e-9, "Doi d=" + d + " c=" + c);
                double v1 = BUMP.integral(d);
                double v2 = RadialKernel.unitSphereArea(d) * simpson(r -> Math.pow(r, d - 1) * (r < 1 ? Math.exp(-2 / (1 - r * r)) : 0), 0, 1, 4096);
                double kb = new PairTransient(BUMP, d, c).rate(tau);
                double eb = c * v1 - c * c * v2 * tau;
                assertTrue(rel(kb, eb) < 1e-9, "bump d=" + d + " c=" + c + ": " + kb + " vs " + eb);
                double kk = new PairTransient(BUMP, d, c).integral(tau);
                assertTrue(rel(kk, c * v1 * tau - 0.5 * c * c * v2 * tau * tau) < 1e-9, "bump K d=" + d);
            }
        }
    }

    /**
     * Long times in d = 3 and 4: k -> g(c). In d = 3 the far field 1 - rho ~ g erfc(r / 2 sqrt(tau)) / (4 pi r)
     * shows the pair an ambient density 1 + g / (4 pi sqrt(pi tau)), so k = g (1 + g / (4 pi sqrt(pi tau))) + O(1/tau);
     * in d = 4 the correction is O(1/tau).
     */
    @Test
    void longTimesTendToTheStationaryRate() {
        for (RadialKernel v : new RadialKernel[] {DOI, BUMP}) {
            for (int d : new int[] {3, 4}) {
                RadialBetaSolver solver = new RadialBetaSolver(v, d);
                for (double c : new double[] {1e-6, 1, 1e3}) {
                    double g = v instanceof DoiKernel && d == 3 ? BetaRecipe.doi3(c) : solver.solve(c).perDiffusivity();
                    double tau = 1e12;
                    double expected = d == 3 ? g * (1 + g / (4 * Math.PI * Math.sqrt(Math.PI * tau))) : g;
                    double k = new PairTransient(v, d, c).rate(tau);
                    System.out.printf("%s d=%d c=%g k(1e12)=%.15g expected %.15g rel %.1e%n", v.name(), d, c, k, expected, rel(k, expected));
                    assertTrue(rel(k, expected) < 1e-9, v.name() + " d=" + d + " c=" + c);
                }
            }
        }
    }

    /**
     * d = 3: K = g tau + C sqrt(tau) + K0 + o(1) with C = g^2 / (2 pi^(3/2)) (integral of the correction above), so
     * (K(4 tau) - K(tau) - 3 g tau) / sqrt(tau) -> C.
     */
    @Test
    void threeDimensionalSquareRootTerm() {
        for (RadialKernel v : new RadialKernel[] {DOI, BUMP}) {
            for (double c : new double[] {1, 30}) {
                double g = new RadialBetaSolver(v, 3).solve(c).perDiffusivity();
                PairTransient pt = new PairTransient(v, 3, c);
                double tau = 1e8;
                double estimate = (pt.integral(4 * tau) - pt.integral(tau) - 3 * g * tau) / Math.sqrt(tau);
                double expected = g * g / (2 * Math.pow(Math.PI, 1.5));
                System.out.printf("%s c=%g C estimate %.12g expected %.12g rel %.1e%n", v.name(), c, estimate, expected, rel(estimate, expected));
                assertTrue(rel(estimate, expected) < 1e-5, v.name() + " c=" + c);
            }
        }
    }

    /**
     * d = 2, Doi kernel. The stationary inner solution is I0(sqrt(c) r) inside the unit disc and proportional to
     * ln(r / l) outside, with ln l = -I0(sqrt c) / (sqrt(c) I1(sqrt c)) (matching the log-derivative at r = 1).
     * Matching to the outer 1/p + A K0(r sqrt p) gives k-hat = 4 pi / (p (ln(1/p) + ln(4 / l^2) - 2 gamma)) + O(1),
     * and inverting with L[1/(ln tau + b)] = (1/p) E[1/(Lambda + ln x)], x ~ Exp(1), Lambda = ln(1/p) + b:
     * k = 4 pi (1/L - zeta(2)/L^3 - 2 zeta(3)/L^4 + O(L^-5)), L = ln(4 tau / l^2) - gamma.
     * (For small c, ln l ~ -2 pi / (c |B|): L ~ ln(4 tau) + 4 pi / (c integral V) - gamma.)
     */
    @Test
    void planarLongTimeAsymptotic() {
        double gamma = 0.5772156649015329;
        for (double c : new double[] {0.1, 1, 100}) {
            PairTransient pt = new PairTransient(DOI, 2, c);
            double s = Math.sqrt(c);
            double lnL = -besselI(0, s) / (s * besselI(1, s));
            double previous = Double.POSITIVE_INFINITY;
            for (double tau = 1e-4; tau <= 1e12; tau *= 10) {
                double k = pt.rate(tau);
                assertTrue(k < previous, "d = 2 rate decreases");
                previous = k;
                double l = Math.log(4 * tau) - 2 * lnL - gamma;
                double asym = 4 * Math.PI * (1 / l - 1.6449340668482264 / Math.pow(l, 3) - 2.4041138063191885 / Math.pow(l, 4));
                if (tau >= 1e6) {
                    System.out.printf("d=2 c=%g tau=%g k=%.12g asymptotic %.12g rel %.1e  L^-4 = %.1e%n", c, tau, k, asym, rel(k, asym), Math.pow(l, -4));
                    assertTrue(rel(k, asym) < 10 * Math.pow(l, -4), "c=" + c + " tau=" + tau);
                }
            }
        }
    }

    /** K(tau1) - K(tau0) against Simpson's rule (300 and 600 panels, Richardson) for k in ln tau. */
    @Test
    void integralIsTheIntegralOfTheRate() {
        for (int d : new int[] {2, 3}) {
            PairTransient pt = new PairTransient(BUMP, d, 5);
            double tau0 = 1e-6;
            double tau1 = 100;
            double a = Math.log(tau0);
            double b = Math.log(tau1);
            double s1 = simpson(x -> Math.exp(x) * pt.rate(Math.exp(x)), a, b, 300);
            double s2 = simpson(x -> Math.exp(x) * pt.rate(Math.exp(x)), a, b, 600);
            double quad = s2 + (s2 - s1) / 15;
            double expected = pt.integral(tau1) - pt.integral(tau0);
            System.out.printf("d=%d K difference %.15g quadrature %.15g rel %.1e%n", d, expected, quad, rel(quad, expected));
            assertTrue(rel(quad, expected) < 1e-9, "d=" + d);
        }
    }

    /**
     * The contour quadrature with fewer (14) and more (24) nodes agrees with the default 18 over tau in
     * [1e-6, 1e12] and c in [1e-6, 1e3]: the inversion error of the default is below 1e-10.
     */
    @Test
    void talbotNodeCountIsConverged() {
        for (RadialKernel v : new RadialKernel[] {DOI, BUMP}) {
            for (double c : new double[] {1e-6, 3, 1e3}) {
                PairTransient pt = new PairTransient(v, v == DOI ? 2 : 3, c);
                for (double tau : new double[] {1e-6, 1e-3, 10, 1e5, 1e12}) {
                    for (boolean integrated : new boolean[] {false, true}) {
                        double k18 = pt.invert(tau, integrated, PairTransient.TALBOT_NODES);
                        double k14 = pt.invert(tau, integrated, 14);
                        double k24 = pt.invert(tau, integrated, 24);
                        System.out.printf("%s c=%g tau=%g %s: M=14 %.1e M=24 %.1e%n", v.name(), c, tau, integrated ? "K" : "k",
                                rel(k14, k18), rel(k24, k18));
                        assertTrue(rel(k24, k18) < 1e-10 && rel(k14, k18) < 1e-8, "tau=" + tau);
                    }
                }
            }
        }
    }

    /** Against the independent Crank-Nicolson method of lines (test sources), to 1e-6. */
    @Test
    void agreesWithCrankNicolson() {
        Object[][] cases = {{DOI, 2, 1.0, 1.0}, {DOI, 3, 1.0, 4.0}, {BUMP, 3, 10.0, 0.5}, {DOI, 4, 3.0, 2.0}, {BUMP, 2, 50.0, 3.0},
            {new TableKernel(new double[] {0, 0.5, 1.2}, new double[] {2, 1, 0}), 3, 4.0, 1.0}};
        for (Object[] t : cases) {
            RadialKernel v = (RadialKernel) t[0];
            int d = (Integer) t[1];
            double c = (Double) t[2];
            double tau = (Double) t[3];
            double[] ref = CrankNicolson.rateAndIntegral(v, d, c, tau);
            PairTransient pt = new PairTransient(v, d, c);
            double k = pt.rate(tau);
            double kk = pt.integral(tau);
            System.out.printf("%s d=%d c=%g tau=%g k %.12g CN %.12g rel %.1e; K %.12g CN %.12g rel %.1e%n",
                    v.name(), d, c, tau, k, ref[0], rel(k, ref[0]), kk, ref[1], rel(kk, ref[1]));
            assertTrue(rel(k, ref[0]) < 1e-6 && rel(kk, ref[1]) < 1e-6, v.name() + " d=" + d);
        }
    }

    /** Evaluating a few hundred log-spaced points after construction takes well under a second. */
    @Test
    void fewHundredPointsAreFast() {
        PairTransient pt = new PairTransient(BUMP, 2, 10);
        pt.rate(1);
        long t0 = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            double tau = Math.pow(10, -3 + 12.0 * i / 199);
            pt.rate(tau);
            pt.integral(tau);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("200 points (k and K), tau in [1e-3, 1e9]: %.3f s%n", seconds);
        assertTrue(seconds < 5, "took " + seconds + " s");
    }

    /**
     * The independent method: finite volumes in r on [0, rMax] (rMax = support + 12 sqrt(tau) + 4, rho = 1 there),
     * cells centred on r_j = j h (the support radius 1 on a node), faces at r_(j+1/2), face areas
     * r^(d-1), cell weights int V r^(d-1) dr by 8-point Gauss-Legendre on the part of the cell inside the support,
     * Crank-Nicolson in time (two backward-Euler quarter steps first, against the start-up oscillation), dt = h / 2;
     * k = c |S| sum_j W_j rho_j and K by the trapezoid rule in time; h = 1/40, 1/80, 1/160, Richardson twice
     * (errors in h^2 and h^4 removed).
     */
    static final class CrankNicolson {
        private static final double[] GL_X = {-0.9602898564975363, -0.7966664774136267, -0.5255324099163290, -0.1834346424956498,
            0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363};
        private static final double[] GL_W = {0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.3626837833783620,
            0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763};

        static double[] rateAndIntegral(RadialKernel v, int d, double c, double tau) {
            double[][] level = new double[3][];
            for (int i = 0; i < 3; i++) {
                level[i] = solve(v, d, c, tau, 40 << i);
            }
            double[] out = new double[2];
            for (int q = 0; q < 2; q++) {
                double e1 = (4 * level[1][q] - level[0][q]) / 3;
                double e2 = (4 * level[2][q] - level[1][q]) / 3;
                out[q] = (16 * e2 - e1) / 15;
            }
            return out;
        }

        static double[] solve(RadialKernel v, int d, double c, double tau, int perUnit) {
            double h = 1.0 / perUnit;
            double rho = v.support();
            int n = (int) Math.ceil((rho + 12 * Math.sqrt(tau) + 4) / h);
            double[] vol = new double[n];
            double[] w = new double[n];
            double[] area = new double[n];
            for (int j = 0; j < n; j++) {
                double lo = Math.max(0, (j - 0.5) * h);
                double hi = (j + 0.5) * h;
                vol[j] = (Math.pow(hi, d) - Math.pow(lo, d)) / d;
                area[j] = Math.pow(hi, d - 1);
                double top = Math.min(hi, rho);
                for (int g = 0; g < 8 && top > lo; g++) {
                    double r = 0.5 * (lo + top) + 0.5 * (top - lo) * GL_X[g];
                    w[j] += 0.5 * (top - lo) * GL_W[g] * Math.pow(r, d - 1) * v.value(r * r);
                }
            }
            double[] y = new double[n];
            java.util.Arrays.fill(y, 1.0);
            double sphere = RadialKernel.unitSphereArea(d);
            double k0 = c * sphere * dot(w, y);
            double integral = 0;
            double t = 0;
            double dt = h / 2;
            int steps = (int) Math.ceil(tau / dt);
            dt = tau / steps;
            double[] sub = {dt / 4, dt / 4};
            double kPrev = k0;
            for (double s : sub) {
                step(y, vol, w, area, c, h, s, 1.0);
                double k = c * sphere * dot(w, y);
                integral += 0.5 * s * (kPrev + k);
                kPrev = k;
                t += s;
            }
            while (t < tau - 1e-12 * tau) {
                double s = Math.min(dt, tau - t);
                step(y, vol, w, area, c, h, s, 0.5);
                double k = c * sphere * dot(w, y);
                integral += 0.5 * s * (kPrev + k);
                kPrev = k;
                t += s;
            }
            return new double[] {kPrev, integral};
        }

        /** theta-scheme step of vol y' = [A (y_(j+1) - y_j) / h]_faces - c w y with y = 1 beyond the last cell. */
        private static void step(double[] y, double[] vol, double[] w, double[] area, double c, double h, double dt, double theta) {
            int n = y.length;
            double[] lower = new double[n];
            double[] diag = new double[n];
            double[] upper = new double[n];
            double[] rhs = new double[n];
            for (int j = 0; j < n; j++) {
                double aPlus = area[j] / h;
                double aMinus = j == 0 ? 0 : area[j - 1] / h;
                double yPlus = j + 1 < n ? y[j + 1] : 1.0;
                double yMinus = j == 0 ? 0 : y[j - 1];
                double explicit = aPlus * (yPlus - y[j]) - aMinus * (y[j] - yMinus) - c * w[j] * y[j];
                lower[j] = -theta * dt * aMinus;
                upper[j] = j + 1 < n ? -theta * dt * aPlus : 0;
                diag[j] = vol[j] + theta * dt * (aPlus + aMinus + c * w[j]);
                rhs[j] = vol[j] * y[j] + (1 - theta) * dt * explicit + (j + 1 == n ? theta * dt * aPlus : 0);
            }
            for (int j = 1; j < n; j++) {
                double m = lower[j] / diag[j - 1];
                diag[j] -= m * upper[j - 1];
                rhs[j] -= m * rhs[j - 1];
            }
            y[n - 1] = rhs[n - 1] / diag[n - 1];
            for (int j = n - 2; j >= 0; j--) {
                y[j] = (rhs[j] - upper[j] * y[j + 1]) / diag[j];
            }
        }

        private static double dot(double[] a, double[] b) {
            double s = 0;
            for (int i = 0; i < a.length; i++) {
                s += a[i] * b[i];
            }
            return s;
        }
    }

    static double besselI(int n, double x) {
        double term = Math.pow(x / 2, n);
        for (int k = 1; k <= n; k++) {
            term /= k;
        }
        double sum = 0;
        for (int k = 0; k < 200 && term > 1e-18 * sum; k++) {
            sum += term;
            term *= x * x / 4 / ((k + 1.0) * (k + 1.0 + n));
        }
        return sum;
    }

    static double simpson(java.util.function.DoubleUnaryOperator f, double a, double b, int n) {
        double h = (b - a) / n;
        double s = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int i = 1; i < n; i++) {
            s += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
        }
        return s * h / 3;
    }
}
