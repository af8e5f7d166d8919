package org.coag.cpu;

import static org.coag.cpu.CpuVectors.DOUBLES;
import static org.coag.cpu.CpuVectors.LANES;
import static org.coag.cpu.CpuVectors.LONGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.LongToDoubleFunction;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import org.coag.core.model.ModelException;
import org.junit.jupiter.api.Test;

/**
 * The conversions by bits against Java's casts, on whichever form this JVM runs by default and on
 * the bit forms directly (so both are tested on every machine): edge values (0, -0.0, the long
 * range's ends, ties of the long-to-double rounding, rint ties, the 2^62 limit, NaN and infinities)
 * and a million random values spread over every binary exponent (for the full-range rounding, up to
 * 2^70, past the long range).
 */
class LaneConversionsTest {
    private static final int RANDOM = 1 << 20;

    @Test
    void longToDoubleByBitsEqualsTheCast() {
        long[] v = longs(new long[] {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1,
            (1L << 53) + 1, (1L << 54) + 2, (1L << 54) + 6, -(1L << 54) - 2, (1L << 63) - 1024, (1L << 63) - 512,
            0xFFFFFFFFL, 0x100000000L, -0x100000000L, 0x7FFFFFFF00000000L, 0x80000000FFFFFFFFL});
        checkDoubles(v, x -> (double) x, LaneConversions::toDoubleByBits);
        checkDoubles(v, x -> (double) x, LaneConversions::toDouble);
    }

    @Test
    void smallLongsAndFractionsEqualTheirDefinitions() {
        long[] v = longs(new long[] {0, 1, -1, (1L << 51) - 1, -(1L << 51) + 1, -1023, -1074});
        for (int i = 0; i < v.length; i++) {
            v[i] %= 1L << 51;
        }
        checkDoubles(v, x -> (double) x, LaneConversions::smallToDouble);
        long[] w = longs(new long[] {0, 1, (1L << 52) - 1, 1L << 51});
        for (int i = 0; i < w.length; i++) {
            w[i] &= (1L << 52) - 1;
        }
        checkDoubles(w, x -> (double) x * 0x1p-52, LaneConversions::fraction52);
    }

    @Test
    void rintToLongEqualsTheCastOfRint() {
        SplittableRandom r = new SplittableRandom(11);
        double[] x = new double[RANDOM];
        double[] edge = {0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, 0x1p52 - 0.5, 0x1p52 + 1, -0x1p52 - 3, 0x1p62 - 1024,
            -0x1p62 + 1024, 0x1p31 + 0.5, 0x1p32 - 0.5, (1L << 40) + 0.5, 4503599627370495.5, Math.ulp(0.0)};
        System.arraycopy(edge, 0, x, 0, edge.length);
        for (int i = edge.length; i < x.length; i++) {
            double m = r.nextInt(4) == 0 ? Math.floor(Math.scalb(r.nextDouble(), r.nextInt(1, 52))) + 0.5
                    : Math.scalb(r.nextDouble(), r.nextInt(-3, 63));
            x[i] = r.nextBoolean() ? m : -m;
        }
        checkLongs(x, LaneConversions::rintToLongByBits);
        double[] wide = new double[RANDOM];
        double[] wideEdge = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0x1p62, -0x1p62, 0x1p63,
            -0x1p63, 1e300, -1e300, 3.5, -2.5, 0.0, 7.5, -7.5, 0x1p61, -1.0, 0x1.fffffffffffffp62, -0x1.fffffffffffffp62,
            0x1.0000000000001p62, -0x1.8p62, 0x1.0000000000001p63, -0x1.0000000000001p63, Math.nextDown(0x1p62),
            Double.MIN_VALUE, -Double.MAX_VALUE, Double.longBitsToDouble(0x7ff0000000000001L), -Double.NaN};
        System.arraycopy(wideEdge, 0, wide, 0, wideEdge.length);
        for (int i = wideEdge.length; i < wide.length; i++) {
            double m = Math.scalb(r.nextDouble(), r.nextInt(-3, 70));
            wide[i] = r.nextBoolean() ? m : -m;
        }
        checkLongs(x, LaneConversions::rintToLong);
        checkLongs(wide, LaneConversions::rintToLong);
    }

    @Test
    void theFormIsChosenByProperty() {
        assertTrue(LaneConversions.chooseNative("native"));
        assertFalse(LaneConversions.chooseNative("bits"));
        assertEquals(LaneConversions.chooseNative(null), LaneConversions.chooseNative("auto"));
        assertThrows(ModelException.class, () -> LaneConversions.chooseNative("fast"));
    }

    private static long[] longs(long[] edge) {
        SplittableRandom r = new SplittableRandom(5);
        long[] v = new long[RANDOM];
        System.arraycopy(edge, 0, v, 0, edge.length);
        for (int i = edge.length; i < v.length; i++) {
            v[i] = r.nextLong() >> r.nextInt(64);
        }
        return v;
    }

    private static void checkDoubles(long[] v, LongToDoubleFunction cast, Function<LongVector, DoubleVector> conversion) {
        double[] out = new double[LANES];
        for (int i = 0; i + LANES <= v.length; i += LANES) {
            conversion.apply(LongVector.fromArray(LONGS, v, i)).intoArray(out, 0);
            for (int l = 0; l < LANES; l++) {
                double expected = cast.applyAsDouble(v[i + l]);
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(out[l]), "v = " + v[i + l]);
            }
        }
    }

    private static void checkLongs(double[] x, Function<DoubleVector, LongVector> conversion) {
        long[] out = new long[LANES];
        for (int i = 0; i + LANES <= x.length; i += LANES) {
            conversion.apply(DoubleVector.fromArray(DOUBLES, x, i)).intoArray(out, 0);
            for (int l = 0; l < LANES; l++) {
                assertEquals((long) Math.rint(x[i + l]), out[l], "x = " + x[i + l]);
            }
        }
    }
}
