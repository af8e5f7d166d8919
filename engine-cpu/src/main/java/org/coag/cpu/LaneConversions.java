package org.coag.cpu;

import static org.coag.cpu.CpuVectors.DOUBLES;
import static org.coag.cpu.CpuVectors.LONGS;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import org.coag.core.model.ModelException;

/**
 * Conversions between 64-bit integer and double lanes, each lane equal to Java's cast. x86 has
 * packed int64 &lt;-&gt; double instructions only with AVX-512 DQ: on AVX2, C2 leaves the Vector
 * API's {@code convert(L2D)} and {@code convert(D2L)} to their Java fallback, which boxes every
 * vector (measured on a Zen 3 EPYC, JDK 25: 57 kB and 10 us per 1024 lanes, against 0 B and 0.2 us
 * for an add). The {@code ...ByBits} forms here use only adds, logic, shifts and reinterpretation,
 * which every SIMD target compiles; they are exact (proofs at each method), so which form runs
 * changes no bit, only the speed.
 *
 * <p>The form is chosen once per JVM by the system property {@code coag.vectorConvert}:
 * {@code native} (the Vector API's convert), {@code bits}, or {@code auto} (the default: native
 * where the platform's preferred vector is 512 bits wide, i.e. AVX-512, or on AArch64; bits
 * elsewhere).
 */
final class LaneConversions {
    /** True when the Vector API's own conversions run (see the class comment). */
    static final boolean NATIVE = chooseNative(System.getProperty("coag.vectorConvert"));

    private static final double TWO52 = 0x1p52;
    private static final double MAGIC = 0x1.8p52;
    private static final long MAGIC_BITS = Double.doubleToRawLongBits(MAGIC);
    private static final long HIGH_BIAS = 0x4530000000000000L;
    private static final double HIGH_OFFSET = Double.longBitsToDouble(0x4530000080100000L);
    private static final long LOW_BIAS = 0x4330000000000000L;
    private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);
    private static final long TWO62_BITS = Double.doubleToRawLongBits(0x1p62);
    private static final long TWO63_BITS = Double.doubleToRawLongBits(0x1p63);
    private static final long TWO_MINUS10_BITS = Double.doubleToRawLongBits(0x1p-10);
    private static final long INFINITY_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

    private LaneConversions() {
    }

    /** @return which form runs, for reports: "native" or "bit-level" int64/double conversions */
    static String form() {
        return (NATIVE ? "native" : "bit-level") + " int64/double conversions";
    }

    static boolean chooseNative(String property) {
        if (property == null || property.isBlank() || property.equals("auto")) {
            return LongVector.SPECIES_PREFERRED.vectorBitSize() >= 512
                    || System.getProperty("os.arch", "").equals("aarch64");
        }
        return switch (property.trim()) {
            case "native" -> true;
            case "bits" -> false;
            default -> throw new ModelException("coag.vectorConvert must be auto, native or bits, got '" + property + "'");
        };
    }

    /**
     * {@code (double) v} per lane, rounded to nearest even.
     *
     * @param v any 64-bit values
     * @return the nearest doubles
     */
    static DoubleVector toDouble(LongVector v) {
        return NATIVE ? (DoubleVector) v.convert(VectorOperators.L2D, 0) : toDoubleByBits(v);
    }

    /**
     * {@link #toDouble} without a conversion instruction. With u = v xor 2^63 = H 2^32 + L (H, L
     * unsigned 32-bit), the double with bits 0x453.. | H is 2^84 + H 2^32 and the one with bits
     * 0x433.. | L is 2^52 + L, both exact; subtracting 2^84 + 2^63 + 2^52 from the first leaves
     * 2^32 (H - 2^31 - 2^20), a 33-bit integer times a power of two, so exact too; adding the
     * second gives (H - 2^31) 2^32 + L = v with the one rounding of the cast.
     */
    static DoubleVector toDoubleByBits(LongVector v) {
        LongVector u = v.lanewise(VectorOperators.XOR, Long.MIN_VALUE);
        DoubleVector high = u.lanewise(VectorOperators.LSHR, 32).or(HIGH_BIAS).reinterpretAsDoubles().sub(HIGH_OFFSET);
        DoubleVector low = u.and(0xFFFFFFFFL).or(LOW_BIAS).reinterpretAsDoubles();
        return high.add(low);
    }

    /**
     * {@code (double) v} for small values, by bits on every platform: 1.5 2^52 + v lies in
     * [2^52, 2^53), where doubles are the integers, so its bits are those of 1.5 2^52 plus v.
     *
     * @param v values with |v| &lt; 2^51
     * @return the same values as doubles (exact)
     */
    static DoubleVector smallToDouble(LongVector v) {
        return v.add(MAGIC_BITS).reinterpretAsDoubles().sub(MAGIC);
    }

    /**
     * {@code w * 2^-52} for 52-bit unsigned w, by bits on every platform: 1 + w 2^-52 has the bits
     * of 1.0 with w in the fraction field, and subtracting 1 from a double in [1, 2) is exact.
     *
     * @param w values in [0, 2^52)
     * @return w 2^-52, exact
     */
    static DoubleVector fraction52(LongVector w) {
        return w.or(ONE_BITS).reinterpretAsDoubles().sub(1.0);
    }

    /**
     * {@code (long) Math.rint(x)} per lane, without a branch on the data: a lane-by-lane fallback
     * for rare lanes would merge a boxed vector into the fast path, and C2 then boxes every call
     * from the first time the fallback ran (measured: 96 B per particle-step in the whole cpu step,
     * JDK 25, AVX2). The bit form takes |x| &lt; 2^62 directly; 2^62 &lt;= |x| &lt; 2^63 are integers
     * with exponent 62, so x 2^-10 is an exact integer below 2^53 and the result is its rounding
     * shifted left by 10; beyond, the cast saturates to the sign's end of the long range, and NaN
     * gives 0. Each case is a compare on the magnitude's bits and a blend.
     *
     * @param x any doubles
     * @return the rounded values (NaN to 0, saturated beyond the long range, as the cast)
     */
    static LongVector rintToLong(DoubleVector x) {
        if (NATIVE) {
            DoubleVector shift = DoubleVector.broadcast(DOUBLES, TWO52).blend(-TWO52, x.compare(VectorOperators.LT, 0.0));
            DoubleVector r = x.add(shift).sub(shift).blend(x, x.abs().compare(VectorOperators.GE, TWO52));
            return (LongVector) r.convert(VectorOperators.D2L, 0);
        }
        LongVector bits = x.reinterpretAsLongs();
        LongVector magnitude = bits.and(Long.MAX_VALUE);
        VectorMask<Long> big = magnitude.compare(VectorOperators.GE, TWO62_BITS);
        DoubleVector scale = LongVector.broadcast(LONGS, ONE_BITS).blend(TWO_MINUS10_BITS, big).reinterpretAsDoubles();
        LongVector r = rintToLongByBits(x.mul(scale));
        r = r.blend(r.lanewise(VectorOperators.LSHL, 10), big);
        LongVector saturated = bits.lanewise(VectorOperators.ASHR, 63).lanewise(VectorOperators.XOR, Long.MAX_VALUE);
        r = r.blend(saturated, magnitude.compare(VectorOperators.GE, TWO63_BITS));
        return r.blend(0L, magnitude.compare(VectorOperators.GT, INFINITY_BITS));
    }

    /**
     * {@link #rintToLong} for |x| &lt; 2^62, without a conversion instruction. With t = x 2^-32
     * (exact) and h = rint(t) (|t| &lt; 2^30: by the 1.5 2^52 add), l = x - h 2^32 is exact: it is
     * x itself when h = 0, and otherwise |l| &lt;= 2^31 &lt;= |x| and l is a multiple of x's ulp. Then
     * rint(x) = h 2^32 + rint(l), ties included (h 2^32 is even), and both parts are read off the
     * bits of their 1.5 2^52 sums.
     */
    static LongVector rintToLongByBits(DoubleVector x) {
        DoubleVector highSum = x.mul(0x1p-32).add(MAGIC);
        DoubleVector low = x.sub(highSum.sub(MAGIC).mul(0x1p32));
        LongVector high = highSum.reinterpretAsLongs().sub(MAGIC_BITS);
        LongVector rest = low.add(MAGIC).reinterpretAsLongs().sub(MAGIC_BITS);
        return high.lanewise(VectorOperators.LSHL, 32).add(rest);
    }
}
