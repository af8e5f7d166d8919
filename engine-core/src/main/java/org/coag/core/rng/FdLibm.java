package org.coag.core.rng;

/**
 * The engine's own {@code log} and {@code exp}: line-by-line ports of fdlibm 5.3 {@code e_log.c}
 * and {@code e_exp.c} (Sun Microsystems, 1993), using only correctly rounded {@code + - * /} and
 * bit manipulation.
 *
 * <p>Hand-written on purpose: {@code Math.log}/{@code Math.exp} are JIT intrinsics whose results
 * differ from fdlibm by a few ulp, and OpenCL's built-ins differ again, so no step of the engine
 * may call them (docs/ARCHITECTURE.md contract 1). The OpenCL mirror is {@code fdlibm.cl}. Tests check both
 * functions equal {@link StrictMath} bit for bit.
 */
public final class FdLibm {
    /** ln 2, high part (fdlibm {@code ln2_hi}); public for the vector port in engine-cpu. */
    public static final double LN2_HI = 6.93147180369123816490e-01;
    /** ln 2, low part (fdlibm {@code ln2_lo}). */
    public static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double TWO54 = 1.80143985094819840000e+16;
    /** fdlibm {@code Lg1}, coefficient of the log's polynomial. */
    public static final double LG1 = 6.666666666666735130e-01;
    /** fdlibm {@code Lg2}, coefficient of the log's polynomial. */
    public static final double LG2 = 3.999999999940941908e-01;
    /** fdlibm {@code Lg3}, coefficient of the log's polynomial. */
    public static final double LG3 = 2.857142874366239149e-01;
    /** fdlibm {@code Lg4}, coefficient of the log's polynomial. */
    public static final double LG4 = 2.222219843214978396e-01;
    /** fdlibm {@code Lg5}, coefficient of the log's polynomial. */
    public static final double LG5 = 1.818357216161805012e-01;
    /** fdlibm {@code Lg6}, coefficient of the log's polynomial. */
    public static final double LG6 = 1.531383769920937332e-01;
    /** fdlibm {@code Lg7}, coefficient of the log's polynomial. */
    public static final double LG7 = 1.479819860511658591e-01;

    private static final double HUGE = 1.0e+300;
    private static final double TWOM1000 = 9.33263618503218878990e-302;
    private static final double O_THRESHOLD = 7.09782712893383973096e+02;
    private static final double U_THRESHOLD = -7.45133219101941108420e+02;
    private static final double INVLN2 = 1.44269504088896338700e+00;
    private static final double P1 = 1.66666666666666019037e-01;
    private static final double P2 = -2.77777777770155933842e-03;
    private static final double P3 = 6.61375632143793436117e-05;
    private static final double P4 = -1.65339022054652515390e-06;
    private static final double P5 = 4.13813679705723846039e-08;

    private FdLibm() {
    }

    private static int hi(double x) {
        return (int) (Double.doubleToRawLongBits(x) >>> 32);
    }

    private static int lo(double x) {
        return (int) Double.doubleToRawLongBits(x);
    }

    private static double withHi(double x, int hi) {
        return Double.longBitsToDouble(((long) hi << 32) | (Double.doubleToRawLongBits(x) & 0xFFFFFFFFL));
    }

    /**
     * Natural logarithm, bit-identical to fdlibm {@code __ieee754_log}.
     *
     * @param x argument
     * @return ln(x); -inf at 0, NaN below 0
     */
    public static double log(double x) {
        int hx = hi(x);
        int lx = lo(x);
        int k = 0;
        if (hx < 0x00100000) {
            if (((hx & 0x7fffffff) | lx) == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            if (hx < 0) {
                return Double.NaN;
            }
            k -= 54;
            x *= TWO54;
            hx = hi(x);
        }
        if (hx >= 0x7ff00000) {
            return x + x;
        }
        k += (hx >> 20) - 1023;
        hx &= 0x000fffff;
        int i = (hx + 0x95f64) & 0x100000;
        x = withHi(x, hx | (i ^ 0x3ff00000));
        k += i >> 20;
        double f = x - 1.0;
        if ((0x000fffff & (2 + hx)) < 3) {
            if (f == 0.0) {
                if (k == 0) {
                    return 0.0;
                }
                double dk = k;
                return dk * LN2_HI + dk * LN2_LO;
            }
            double r = f * f * (0.5 - 0.33333333333333333 * f);
            if (k == 0) {
                return f - r;
            }
            double dk = k;
            return dk * LN2_HI - ((r - dk * LN2_LO) - f);
        }
        return logTail(f, k, hx);
    }

    private static double logTail(double f, int k, int hx) {
        double s = f / (2.0 + f);
        double dk = k;
        double z = s * s;
        int i = hx - 0x6147a;
        double w = z * z;
        int j = 0x6b851 - hx;
        double t1 = w * (LG2 + w * (LG4 + w * LG6));
        double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
        i |= j;
        double r = t2 + t1;
        if (i > 0) {
            double hfsq = 0.5 * f * f;
            if (k == 0) {
                return f - (hfsq - s * (hfsq + r));
            }
            return dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
        }
        if (k == 0) {
            return f - s * (f - r);
        }
        return dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
    }

    /**
     * Exponential, bit-identical to fdlibm {@code __ieee754_exp}.
     *
     * @param x argument
     * @return e^x
     */
    public static double exp(double x) {
        int hx = hi(x);
        int xsb = (hx >>> 31) & 1;
        hx &= 0x7fffffff;
        if (hx >= 0x40862E42) {
            if (hx >= 0x7ff00000) {
                if (((hx & 0xfffff) | lo(x)) != 0) {
                    return x + x;
                }
                return xsb == 0 ? x : 0.0;
            }
            if (x > O_THRESHOLD) {
                return HUGE * HUGE;
            }
            if (x < U_THRESHOLD) {
                return TWOM1000 * TWOM1000;
            }
        }
        double hi = 0;
        double lo = 0;
        int k = 0;
        if (hx > 0x3fd62e42) {
            if (hx < 0x3FF0A2B2) {
                hi = xsb == 0 ? x - LN2_HI : x + LN2_HI;
                lo = xsb == 0 ? LN2_LO : -LN2_LO;
                k = 1 - xsb - xsb;
            } else {
                k = (int) (INVLN2 * x + (xsb == 0 ? 0.5 : -0.5));
                double t = k;
                hi = x - t * LN2_HI;
                lo = t * LN2_LO;
            }
            x = hi - lo;
        } else if (hx < 0x3e300000) {
            return 1.0 + x;
        }
        double t = x * x;
        double c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
        if (k == 0) {
            return 1.0 - ((x * c) / (c - 2.0) - x);
        }
        double y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
        if (k >= -1021) {
            return withHi(y, hi(y) + (k << 20));
        }
        return withHi(y, hi(y) + ((k + 1000) << 20)) * TWOM1000;
    }
}
