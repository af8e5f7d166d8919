package org.coag.core.rng;

/**
 * Conversions from Philox words to doubles, exact and identical on every backend.
 */
public final class Uniforms {
    private Uniforms() {
    }

    /**
     * Random123 {@code u01_open_open_64_53}: the 64-bit word {@code hi:lo} mapped to
     * {@code (w >>> 12) * 2^-52 + 2^-53}, an odd multiple of 2^-53 in the open interval (0, 1).
     * Both operations are exact, so the result is the same on any IEEE-754 device.
     *
     * @param lo low 32 bits
     * @param hi high 32 bits
     * @return a uniform in (0, 1)
     */
    public static double openOpen(int lo, int hi) {
        long w = ((long) hi << 32) | (lo & 0xFFFFFFFFL);
        return (double) (w >>> 12) * 0x1p-52 + 0x1p-53;
    }

    /**
     * Joins two words to one unsigned 64-bit value (used for exact fixed-point uniform positions).
     *
     * @param lo low 32 bits
     * @param hi high 32 bits
     * @return {@code hi << 32 | lo}
     */
    public static long word64(int lo, int hi) {
        return ((long) hi << 32) | (lo & 0xFFFFFFFFL);
    }
}
