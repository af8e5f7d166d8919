/*
 * Random numbers of coag, bit-identical to org.coag.core.rng (Philox4x32, Uniforms, FdLibm.log,
 * Gaussians). Hand-written on both sides because the bits must agree across backends: no built-in
 * log, no FP contraction (the pragma below), no fast-math build options (STACK.md section 3).
 * PHILOX_* (org.coag.core.rng.Philox4x32), COUNTER_* (CounterRng) and PURPOSE_* (Purpose) come
 * from the prelude that org.coag.gpu.OpenClConstants generates; no .cl file defines them.
 */
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#pragma OPENCL FP_CONTRACT OFF

/* Forced inlining: a call left in a kernel body stops PoCL's work-group vectoriser. */
#define COAG_INLINE inline __attribute__((always_inline))

#ifndef COAG_DIM
#error "COAG_DIM (the model's dimension) must be defined by the program builder"
#endif

/*
 * Philox4x32-10 (Random123) on four scalar words: counter (c0..c3) in, block out; key (k0, k1).
 * Twin of org.coag.core.rng.Philox4x32.bijection.
 * Scalars, not uint4: LLVM's loop vectoriser (PoCL's work-group vectoriser) gives up on loops that
 * hold vector-typed values, so the move kernel's work-item loop would stay scalar.
 */
COAG_INLINE void philox4x32_10(uint *c0, uint *c1, uint *c2, uint *c3, uint k0, uint k1) {
    uint x0 = *c0, x1 = *c1, x2 = *c2, x3 = *c3;
    #pragma unroll
    for (int r = 0; r < PHILOX_ROUNDS; r++) {
        ulong p0 = (ulong) PHILOX_M0 * x0;
        ulong p1 = (ulong) PHILOX_M1 * x2;
        uint y0 = (uint) (p1 >> 32) ^ x1 ^ k0;
        uint y2 = (uint) (p0 >> 32) ^ x3 ^ k1;
        x1 = (uint) p1;
        x3 = (uint) p0;
        x0 = y0;
        x2 = y2;
        k0 += PHILOX_W0;
        k1 += PHILOX_W1;
    }
    *c0 = x0;
    *c1 = x1;
    *c2 = x2;
    *c3 = x3;
}

/*
 * Twin of org.coag.core.rng.CounterRng.block, into four words: counter (a, b, step low 32 bits,
 * purpose << 24 | step bits 32..55).
 */
COAG_INLINE void coag_block_words(uint purpose, ulong step, uint a, uint b, uint k0, uint k1,
                                  uint *w0, uint *w1, uint *w2, uint *w3) {
    *w0 = a;
    *w1 = b;
    *w2 = (uint) step;
    *w3 = (purpose << COUNTER_PURPOSE_SHIFT) | (uint)((step >> 32) & COUNTER_STEP_HIGH_MASK);
    philox4x32_10(w0, w1, w2, w3, k0, k1);
}

/* Twin of org.coag.core.rng.CounterRng.block as a uint4 (kernels that are not vectorised). */
COAG_INLINE uint4 coag_block(uint purpose, ulong step, uint a, uint b, uint2 key) {
    uint w0, w1, w2, w3;
    coag_block_words(purpose, step, a, b, key.x, key.y, &w0, &w1, &w2, &w3);
    return (uint4)(w0, w1, w2, w3);
}

/* Twin of org.coag.core.rng.Uniforms.openOpen: Random123 u01_open_open_64_53, values (2k+1) 2^-53. */
COAG_INLINE double u01(uint lo, uint hi) {
    ulong x = ((ulong) hi << 32) | lo;
    return (double) (x >> 12) * 0x1p-52 + 0x1p-53;
}

/* Twins of org.coag.core.rng.FdLibm's hi, lo and withHi. */
COAG_INLINE int fd_hi(double x) { return (int) (as_long(x) >> 32); }
COAG_INLINE int fd_lo(double x) { return (int) as_long(x); }
COAG_INLINE double fd_with_hi(double x, int h) { return as_double(((long) h << 32) | (as_long(x) & 0xFFFFFFFFL)); }

/* Twin of org.coag.core.rng.FdLibm.log: fdlibm __ieee754_log, line by line. */
COAG_INLINE double fd_log(double x) {
    const double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10;
    const double two54 = 1.80143985094819840000e+16;
    const double lg1 = 6.666666666666735130e-01, lg2 = 3.999999999940941908e-01;
    const double lg3 = 2.857142874366239149e-01, lg4 = 2.222219843214978396e-01;
    const double lg5 = 1.818357216161805012e-01, lg6 = 1.531383769920937332e-01;
    const double lg7 = 1.479819860511658591e-01;
    int hx = fd_hi(x);
    int lx = fd_lo(x);
    int k = 0;
    if (hx < 0x00100000) {
        if (((hx & 0x7fffffff) | lx) == 0) {
            return -INFINITY;
        }
        if (hx < 0) {
            return NAN;
        }
        k -= 54;
        x *= two54;
        hx = fd_hi(x);
    }
    if (hx >= 0x7ff00000) {
        return x + x;
    }
    k += (hx >> 20) - 1023;
    hx &= 0x000fffff;
    int i = (hx + 0x95f64) & 0x100000;
    x = fd_with_hi(x, hx | (i ^ 0x3ff00000));
    k += i >> 20;
    double f = x - 1.0;
    if ((0x000fffff & (2 + hx)) < 3) {
        if (f == 0.0) {
            if (k == 0) {
                return 0.0;
            }
            double dk = k;
            return dk * ln2_hi + dk * ln2_lo;
        }
        double r = f * f * (0.5 - 0.33333333333333333 * f);
        if (k == 0) {
            return f - r;
        }
        double dk = k;
        return dk * ln2_hi - ((r - dk * ln2_lo) - f);
    }
    double s = f / (2.0 + f);
    double dk = k;
    double z = s * s;
    i = hx - 0x6147a;
    double w = z * z;
    int j = 0x6b851 - hx;
    double t1 = w * (lg2 + w * (lg4 + w * lg6));
    double t2 = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7)));
    i |= j;
    double r = t2 + t1;
    if (i > 0) {
        double hfsq = 0.5 * f * f;
        if (k == 0) {
            return f - (hfsq - s * (hfsq + r));
        }
        return dk * ln2_hi - ((hfsq - (s * (hfsq + r) + dk * ln2_lo)) - f);
    }
    if (k == 0) {
        return f - s * (f - r);
    }
    return dk * ln2_hi - ((s * (f - r) - dk * ln2_lo) - f);
}

/* Twin of org.coag.core.rng.FdLibm.exp: fdlibm __ieee754_exp, line by line. */
COAG_INLINE double fd_exp(double x) {
    const double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10;
    const double twom1000 = 9.33263618503218878990e-302, invln2 = 1.44269504088896338700e+00;
    const double o_threshold = 7.09782712893383973096e+02, u_threshold = -7.45133219101941108420e+02;
    const double p1 = 1.66666666666666019037e-01, p2 = -2.77777777770155933842e-03;
    const double p3 = 6.61375632143793436117e-05, p4 = -1.65339022054652515390e-06;
    const double p5 = 4.13813679705723846039e-08;
    int hx = fd_hi(x);
    int xsb = (int) (((uint) hx >> 31) & 1u);
    hx &= 0x7fffffff;
    if (hx >= 0x40862E42) {
        if (hx >= 0x7ff00000) {
            if (((hx & 0xfffff) | fd_lo(x)) != 0) {
                return x + x;
            }
            return xsb == 0 ? x : 0.0;
        }
        if (x > o_threshold) {
            return INFINITY;
        }
        if (x < u_threshold) {
            return 0.0;
        }
    }
    double hi = 0;
    double lo = 0;
    int k = 0;
    if (hx > 0x3fd62e42) {
        if (hx < 0x3FF0A2B2) {
            hi = xsb == 0 ? x - ln2_hi : x + ln2_hi;
            lo = xsb == 0 ? ln2_lo : -ln2_lo;
            k = 1 - xsb - xsb;
        } else {
            k = (int) (invln2 * x + (xsb == 0 ? 0.5 : -0.5));
            double t = k;
            hi = x - t * ln2_hi;
            lo = t * ln2_lo;
        }
        x = hi - lo;
    } else if (hx < 0x3e300000) {
        return 1.0 + x;
    }
    double t = x * x;
    double c = x - t * (p1 + t * (p2 + t * (p3 + t * (p4 + t * p5))));
    if (k == 0) {
        return 1.0 - ((x * c) / (c - 2.0) - x);
    }
    double y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
    if (k >= -1021) {
        return fd_with_hi(y, fd_hi(y) + (k << 20));
    }
    return fd_with_hi(y, fd_hi(y) + ((k + 1000) << 20)) * twom1000;
}

/* Twin of org.coag.core.rng.Gaussians.inverseCdf: Wichura AS241 (PPND16). */
COAG_INLINE double as241(double p) {
    double q = p - 0.5;
    if (fabs(q) <= 0.425) {
        double r = 0.180625 - q * q;
        double num = (((((((2.5090809287301226727e+3 * r + 3.3430575583588128105e+4) * r
                + 6.7265770927008700853e+4) * r + 4.5921953931549871457e+4) * r
                + 1.3731693765509461125e+4) * r + 1.9715909503065514427e+3) * r
                + 1.3314166789178437745e+2) * r + 3.3871328727963666080e0);
        /*
         * rd == r always (num >= 3.38 > 0 here, and r + 0.0 == r for r > 0). The dependence on num
         * keeps LLVM's SLP vectoriser from packing the two polynomials into <2 x double>, which
         * would stop the work-item loop from vectorising (PoCL); the bits are unchanged.
         */
        double rd = num < 0.0 ? r + 0.0 : r;
        return q * num
                / (((((((5.2264952788528545610e+3 * rd + 2.8729085735721942674e+4) * rd
                + 3.9307895800092710610e+4) * rd + 2.1213794301586595867e+4) * rd
                + 5.3941960214247511077e+3) * rd + 6.8718700749205790830e+2) * rd
                + 4.2313330701600911252e+1) * rd + 1.0);
    }
    double r = q < 0 ? p : 1.0 - p;
    r = sqrt(-fd_log(r));
    double val;
    if (r <= 5.0) {
        r -= 1.6;
        val = (((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r
                + 2.41780725177450611770e-1) * r + 1.27045825245236838258e0) * r
                + 3.64784832476320460504e0) * r + 5.76949722146069140550e0) * r
                + 4.63033784615654529590e0) * r + 1.42343711074968357734e0)
                / (((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r
                + 1.51986665636164571966e-2) * r + 1.48103976427480074590e-1) * r
                + 6.89767334985100004550e-1) * r + 1.67638483018380384940e0) * r
                + 2.05319162663775882187e0) * r + 1.0);
    } else {
        r -= 5.0;
        val = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r
                + 1.24266094738807843860e-3) * r + 2.65321895265761230930e-2) * r
                + 2.96560571828504891230e-1) * r + 1.78482653991729133580e0) * r
                + 5.46378491116411436990e0) * r + 6.65790464350110377720e0)
                / (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r
                + 1.84631831751005468180e-5) * r + 7.86869131145613259100e-4) * r
                + 1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r
                + 5.99832206555887937690e-1) * r + 1.0);
    }
    return q < 0 ? -val : val;
}
