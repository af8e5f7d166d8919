package org.coag.cpu;

import static org.coag.cpu.CpuVectors.DOUBLES;
import static org.coag.cpu.CpuVectors.LANES;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import org.coag.core.adaptive.BridgeBound;
import org.coag.core.adaptive.PairScreens;

/**
 * {@link BridgeBound#safe} for d = 3 in Vector API lanes, decision for decision: the same double
 * operations in the same order per lane (no FMA; sqrt, min and max as IEEE and {@link Math}
 * define them), the passage bound decided from the prefactor's binary exponent as
 * {@code BridgeBound.passageSafe} does, and every lane where that bracket cannot decide (its
 * logarithm needed) recomputed with the scalar code, as are the lanes past the last full vector.
 * Hand-written because the decisions must equal the reference's (docs/ARCHITECTURE.md contract 1). Other
 * dimensions use {@link PairScreens#SCALAR}. Not thread-safe (scratch for the scalar lanes): one per worker.
 */
final class VectorPairScreens implements PairScreens {
    private static final double LN2 = BridgeBound.LN2;
    private static final double BRACKET = BridgeBound.BRACKET;
    /**
     * The prefactor's biased exponent field f (0..2047) read as a double without a conversion
     * instruction (AVX2 has no packed int64 to double; the Vector API's Java fallback boxes): the
     * bits of 1.5 2^52 with f in the low fraction bits are the double 1.5 2^52 + f, and subtracting
     * 1.5 2^52 + 1023 leaves f - 1023 exactly, the unbiased exponent as {@link Math#getExponent}.
     * Written out in {@link #lanes} rather than called: that method is near C2's node-count
     * inlining cutoff, and a helper it fails to inline gets its vectors boxed (issue 23).
     */
    private static final long EXPONENT_BIAS_BITS = Double.doubleToRawLongBits(0x1.8p52);
    private static final double EXPONENT_BIAS = 0x1.8p52 + Double.MAX_EXPONENT;
    private final double[] x = new double[3];
    private final double[] y = new double[3];

    @Override
    public void screen(int n, int dim, double[][] a, double[][] b, double[] rho, double[] dt, double logInvTol, boolean[] safe) {
        if (dim != 3) {
            SCALAR.screen(n, dim, a, b, rho, dt, logInvTol, safe);
            return;
        }
        int upper = n - n % LANES;
        for (int i = 0; i < upper; i += LANES) {
            long decided = lanes(a, b, rho, dt, logInvTol, i);
            long isSafe = decided >>> 32;
            long open = decided & 0xFFFFFFFFL;
            for (int l = 0; l < LANES; l++) {
                safe[i + l] = ((isSafe >>> l) & 1) != 0;
            }
            for (; open != 0; open &= open - 1) {
                int at = i + Long.numberOfTrailingZeros(open);
                safe[at] = scalar(a, b, rho, dt, logInvTol, at);
            }
        }
        for (int i = upper; i < n; i++) {
            safe[i] = scalar(a, b, rho, dt, logInvTol, i);
        }
    }

    /** @return the safe lanes' bits in the high word, the lanes left to the scalar code in the low word */
    private static long lanes(double[][] a, double[][] b, double[] rhoOf, double[] dtOf, double logInvTol, int i) {
        DoubleVector a0 = DoubleVector.fromArray(DOUBLES, a[0], i);
        DoubleVector a1 = DoubleVector.fromArray(DOUBLES, a[1], i);
        DoubleVector a2 = DoubleVector.fromArray(DOUBLES, a[2], i);
        DoubleVector b0 = DoubleVector.fromArray(DOUBLES, b[0], i);
        DoubleVector b1 = DoubleVector.fromArray(DOUBLES, b[1], i);
        DoubleVector b2 = DoubleVector.fromArray(DOUBLES, b[2], i);
        DoubleVector d0 = b0.sub(a0);
        DoubleVector d1 = b1.sub(a1);
        DoubleVector d2 = b2.sub(a2);
        DoubleVector zero = DoubleVector.zero(DOUBLES);
        DoubleVector ad = zero.add(a0.mul(d0)).add(a1.mul(d1)).add(a2.mul(d2));
        DoubleVector dd = zero.add(d0.mul(d0)).add(d1.mul(d1)).add(d2.mul(d2));
        DoubleVector aa = zero.add(a0.mul(a0)).add(a1.mul(a1)).add(a2.mul(a2));
        DoubleVector bb = zero.add(b0.mul(b0)).add(b1.mul(b1)).add(b2.mul(b2));
        DoubleVector t = ad.neg().div(dd).max(0.0).min(1.0).blend(0.0, dd.compare(VectorOperators.GT, 0.0).not());
        DoubleVector p0 = a0.add(t.mul(d0));
        DoubleVector p1 = a1.add(t.mul(d1));
        DoubleVector q2 = a2.add(t.mul(d2));
        DoubleVector p2 = zero.add(p0.mul(p0)).add(p1.mul(p1)).add(q2.mul(q2));
        DoubleVector rho = DoubleVector.fromArray(DOUBLES, rhoOf, i);
        DoubleVector dt = DoubleVector.fromArray(DOUBLES, dtOf, i);
        VectorMask<Double> clear = p2.compare(VectorOperators.GT, rho.mul(rho));
        DoubleVector ra = aa.sqrt();
        DoubleVector rb = bb.sqrt();
        DoubleVector prefactor = rho.mul(2.0).mul(ra.add(rb)).div(ra.mul(rb));
        DoubleVector s = ra.add(rb).sub(rho.mul(2.0));
        DoubleVector room = s.mul(s).sub(dd).div(dt.mul(4.0)).sub(logInvTol);
        DoubleVector eAt = prefactor.viewAsIntegralLanes().lanewise(VectorOperators.LSHR, 52).and(0x7FFL)
                .or(EXPONENT_BIAS_BITS).reinterpretAsDoubles().sub(EXPONENT_BIAS);
        DoubleVector eNext = eAt.add(1.0);
        VectorMask<Double> passageSafe = eNext.mul(LN2).compare(VectorOperators.LT, room.sub(BRACKET));
        VectorMask<Double> passageUnsafe = eAt.compare(VectorOperators.GE, Double.MIN_EXPONENT)
                .and(eAt.mul(LN2).compare(VectorOperators.GT, room.add(BRACKET)));
        DoubleVector norm = p2.sqrt();
        DoubleVector e0 = p0.div(norm);
        DoubleVector e1 = p1.div(norm);
        DoubleVector e2 = q2.div(norm);
        DoubleVector ae = zero.add(a0.mul(e0)).add(a1.mul(e1)).add(a2.mul(e2));
        DoubleVector be = zero.add(b0.mul(e0)).add(b1.mul(e1)).add(b2.mul(e2));
        VectorMask<Double> halfSafe = ae.sub(rho).mul(be.sub(rho)).compare(VectorOperators.GE, dt.mul(logInvTol));
        VectorMask<Double> isSafe = clear.and(passageSafe.or(halfSafe));
        VectorMask<Double> open = clear.andNot(passageSafe).andNot(passageUnsafe).andNot(halfSafe);
        return isSafe.toLong() << 32 | open.toLong();
    }

    private boolean scalar(double[][] a, double[][] b, double[] rho, double[] dt, double logInvTol, int i) {
        for (int k = 0; k < 3; k++) {
            x[k] = a[k][i];
            y[k] = b[k][i];
        }
        return BridgeBound.safe(x, y, 3, rho[i], dt[i], logInvTol);
    }
}
