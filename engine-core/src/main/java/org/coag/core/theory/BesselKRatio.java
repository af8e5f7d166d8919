package org.coag.core.theory;

/**
 * The ratio K_(nu+1)(z) / K_nu(z) of modified Bessel functions of the second kind for complex z off
 * the negative real axis and nu = d/2 - 1 (d >= 2), as needed by {@link PairTransient}.
 *
 * <p>Odd d (half-integer nu): K_(3/2)/K_(1/2) = 1 + 1/z exactly. Even d (integer nu): K_1/K_0 from
 * the power series (Abramowitz-Stegun 9.6.11, with the principal log) for |z| &lt;= 2, else from
 * Temme's continued fraction CF2 in Steed's form (Numerical Recipes 6.7, mu = 0:
 * K_1/K_0 = (z + 1/2 - h/4) / z), which converges for every z off the negative real axis. Higher
 * orders by the forward recurrence K_(nu+1) = K_(nu-1) + (2 nu / z) K_nu, stable for K, i.e.
 * ratio(nu) = 1 / ratio(nu - 1) + 2 nu / z. Complex numbers are pairs {re, im}; relative accuracy
 * about 1e-15 (checked against the series/CF overlap and known values in PairTransientTest).
 */
final class BesselKRatio {
    private static final double EULER_GAMMA = 0.5772156649015329;

    private BesselKRatio() {
    }

    /**
     * @param dim d >= 2 (nu = d/2 - 1)
     * @param zr Re z
     * @param zi Im z
     * @return {Re, Im} of K_(nu+1)(z) / K_nu(z)
     */
    static double[] ratio(int dim, double zr, double zi) {
        double[] inv = inverse(zr, zi);
        double[] rat;
        double nu;
        if (dim % 2 == 1) {
            rat = new double[] {1 + inv[0], inv[1]};
            nu = 0.5;
        } else {
            rat = zr * zr + zi * zi <= 4 ? seriesRatio(zr, zi) : continuedFraction(zr, zi);
            nu = 0;
        }
        for (double n = nu + 1; n <= dim / 2.0 - 1 + 1e-9; n += 1) {
            double[] r = inverse(rat[0], rat[1]);
            rat = new double[] {r[0] + 2 * n * inv[0], r[1] + 2 * n * inv[1]};
        }
        return rat;
    }

    /** K_1/K_0 by the series of K_0 and K_1 (|z| <= 2). */
    static double[] seriesRatio(double zr, double zi) {
        double tr = 0.25 * (zr * zr - zi * zi);
        double ti = 0.5 * zr * zi;
        double lr = Math.log(0.5 * Math.hypot(zr, zi));
        double li = Math.atan2(zi, zr);
        // term_k = (z^2/4)^k / (k!)^2; I0 = sum term_k; I1 = (z/2) sum term_k / (k+1)
        double termR = 1;
        double termI = 0;
        double i0r = 0;
        double i0i = 0;
        double s1r = 0;
        double s1i = 0;
        double h0r = 0;
        double h0i = 0;
        double psiSum = 0;
        double harmonic = 0;
        double h1r = 0;
        double h1i = 0;
        for (int k = 0; k < 200; k++) {
            if (k > 0) {
                harmonic += 1.0 / k;
            }
            psiSum = 2 * (harmonic - EULER_GAMMA) + 1.0 / (k + 1);
            i0r += termR;
            i0i += termI;
            s1r += termR / (k + 1);
            s1i += termI / (k + 1);
            h0r += harmonic * termR;
            h0i += harmonic * termI;
            h1r += psiSum * termR / (k + 1);
            h1i += psiSum * termI / (k + 1);
            double nr = (termR * tr - termI * ti) / ((k + 1.0) * (k + 1.0));
            double ni = (termR * ti + termI * tr) / ((k + 1.0) * (k + 1.0));
            termR = nr;
            termI = ni;
            if (Math.hypot(termR, termI) < 1e-18 * Math.hypot(i0r, i0i)) {
                break;
            }
        }
        // K0 = -(ln(z/2) + gamma) I0 + sum H_k term_k
        double gr = lr + EULER_GAMMA;
        double k0r = -(gr * i0r - li * i0i) + h0r;
        double k0i = -(gr * i0i + li * i0r) + h0i;
        // K1 = 1/z + ln(z/2) I1 - (z/4) sum (psi(k+1) + psi(k+2)) term_k / (k+1), I1 = (z/2) s1
        double hzr = 0.5 * zr;
        double hzi = 0.5 * zi;
        double i1r = hzr * s1r - hzi * s1i;
        double i1i = hzr * s1i + hzi * s1r;
        double[] inv = inverse(zr, zi);
        double k1r = inv[0] + (lr * i1r - li * i1i) - 0.5 * (hzr * h1r - hzi * h1i);
        double k1i = inv[1] + (lr * i1i + li * i1r) - 0.5 * (hzr * h1i + hzi * h1r);
        return divide(k1r, k1i, k0r, k0i);
    }

    /** K_1/K_0 by Steed's evaluation of Temme's CF2 with mu = 0 (|z| > 2). */
    static double[] continuedFraction(double zr, double zi) {
        double br = 2 * (1 + zr);
        double bi = 2 * zi;
        double[] d = inverse(br, bi);
        double hr = d[0];
        double hi = d[1];
        double delr = d[0];
        double deli = d[1];
        double a = -0.25;
        for (int i = 2; i < 100000; i++) {
            a -= 2 * (i - 1);
            br += 2;
            d = inverse(br + a * d[0], bi + a * d[1]);
            double fr = br * d[0] - bi * d[1] - 1;
            double fi = br * d[1] + bi * d[0];
            double nr = fr * delr - fi * deli;
            double ni = fr * deli + fi * delr;
            delr = nr;
            deli = ni;
            hr += delr;
            hi += deli;
            if (Math.hypot(delr, deli) < 1e-17 * Math.hypot(hr, hi)) {
                break;
            }
        }
        return divide(zr + 0.5 - 0.25 * hr, zi - 0.25 * hi, zr, zi);
    }

    static double[] inverse(double r, double i) {
        double m = r * r + i * i;
        return new double[] {r / m, -i / m};
    }

    static double[] divide(double ar, double ai, double br, double bi) {
        double[] inv = inverse(br, bi);
        return new double[] {ar * inv[0] - ai * inv[1], ar * inv[1] + ai * inv[0]};
    }
}
