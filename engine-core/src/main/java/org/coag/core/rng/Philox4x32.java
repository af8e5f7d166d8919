package org.coag.core.rng;

/**
 * Philox4x32-10 as a pure function: {@code (counter[4], key[2]) -> 4 x 32-bit words}.
 *
 * <p>Salmon, Moraes, Dror and Shaw, "Parallel random numbers: as easy as 1, 2, 3", SC'11.
 * Constants and round structure follow Random123 ({@code philox4x32_R} with R = 10): each round is
 * {@code (hi(M1*c2) ^ c1 ^ k0, lo(M1*c2), hi(M0*c0) ^ c3 ^ k1, lo(M0*c0))}, and the key is bumped by
 * the Weyl constants after every round.
 *
 * <p>Hand-written (not Commons RNG) because every backend must compute the same words: the OpenCL
 * mirror is {@code philox4x32_10} in engine-gpu's {@code rng.cl}, which reads these constants as
 * {@code PHILOX_M0}, {@code PHILOX_M1}, {@code PHILOX_W0}, {@code PHILOX_W1} and
 * {@code PHILOX_ROUNDS} (generated from this class by {@code org.coag.gpu.OpenClConstants});
 * Commons RNG's {@code Philox4x32} is used only as a test oracle.
 */
public final class Philox4x32 {
    /** Multiplier of words 0 and 1. */
    public static final int M0 = 0xD2511F53;
    /** Multiplier of words 2 and 3. */
    public static final int M1 = 0xCD9E8D57;
    /** Weyl increment of key word 0. */
    public static final int W0 = 0x9E3779B9;
    /** Weyl increment of key word 1. */
    public static final int W1 = 0xBB67AE85;
    /** Number of rounds. */
    public static final int ROUNDS = 10;

    private Philox4x32() {
    }

    /**
     * Applies the 10-round bijection.
     *
     * @param c0 counter word 0
     * @param c1 counter word 1
     * @param c2 counter word 2
     * @param c3 counter word 3
     * @param k0 key word 0
     * @param k1 key word 1
     * @param out receives the four output words at {@code out[0..3]}
     */
    public static void bijection(int c0, int c1, int c2, int c3, int k0, int k1, int[] out) {
        for (int r = 0; r < ROUNDS; r++) {
            long p0 = (c0 & 0xFFFFFFFFL) * (M0 & 0xFFFFFFFFL);
            long p1 = (c2 & 0xFFFFFFFFL) * (M1 & 0xFFFFFFFFL);
            int n0 = (int) (p1 >>> 32) ^ c1 ^ k0;
            int n1 = (int) p1;
            int n2 = (int) (p0 >>> 32) ^ c3 ^ k1;
            int n3 = (int) p0;
            c0 = n0;
            c1 = n1;
            c2 = n2;
            c3 = n3;
            k0 += W0;
            k1 += W1;
        }
        out[0] = c0;
        out[1] = c1;
        out[2] = c2;
        out[3] = c3;
    }
}
