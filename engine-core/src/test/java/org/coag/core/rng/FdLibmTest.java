package org.coag.core.rng;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The engine's log/exp must equal StrictMath (fdlibm) bit for bit: other backends mirror them. */
class FdLibmTest {
    private static void assertSameBits(double expected, double actual, double x) {
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual), "at x = " + x + " (" + Double.toHexString(x) + ")");
    }

    @Test
    void logEqualsStrictMathOnRandomAndSpecialInputs() {
        double[] special = {0.0, -0.0, 1.0, -1.0, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 0x1p-53, 1 - 0x1p-53,
            1 + 0x1p-52, 2.0, 0.5, Math.E, Double.POSITIVE_INFINITY, Double.NaN, 1e-310, 0.9999999, 1.0000001};
        for (double x : special) {
            assertSameBits(StrictMath.log(x), FdLibm.log(x), x);
        }
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 1_000_000; i++) {
            double x = Double.longBitsToDouble(r.nextLong() & Long.MAX_VALUE);
            assertSameBits(StrictMath.log(x), FdLibm.log(x), x);
            double u = Uniforms.openOpen(r.nextInt(), r.nextInt());
            assertSameBits(StrictMath.log(u), FdLibm.log(u), u);
            double v = 1 - u;
            assertSameBits(StrictMath.log(v), FdLibm.log(v), v);
        }
    }

    @Test
    void expEqualsStrictMathOnRandomAndSpecialInputs() {
        double[] special = {0.0, -0.0, 1.0, -1.0, 709.78, 709.79, -745.13, -745.14, -708.5, 1e-300, -1e-9, 0.3465, 0.35, 1.03972,
            1.04, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, -1.0 / (1 - 0.999)};
        for (double x : special) {
            assertSameBits(StrictMath.exp(x), FdLibm.exp(x), x);
        }
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < 1_000_000; i++) {
            double x = (r.nextDouble() - 0.5) * 1500;
            assertSameBits(StrictMath.exp(x), FdLibm.exp(x), x);
            double y = -1 / (1 - r.nextDouble());
            assertSameBits(StrictMath.exp(y), FdLibm.exp(y), y);
            double z = (r.nextDouble() - 0.5) * 2;
            assertSameBits(StrictMath.exp(z), FdLibm.exp(z), z);
        }
    }
}
