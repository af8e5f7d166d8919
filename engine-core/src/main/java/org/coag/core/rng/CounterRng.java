package org.coag.core.rng;

/**
 * Counter-based draws keyed by the run seed. Stateless apart from a scratch buffer: the same
 * (purpose, step, a, b) always gives the same words, on every backend and after any restart.
 *
 * <pre>
 * key     = { lo32(seed), hi32(seed) }
 * counter = { a, b, lo32(step), purpose &lt;&lt; 24 | (step &gt;&gt;&gt; 32) &amp; 0xFFFFFF }
 *   a, b  : particle id and block index, or the smaller and larger id of a pair (see Purpose)
 *   step  : the step number, 0 &lt;= step &lt; 2^56 (initial draws use step 0)
 * block   = Philox4x32-10(counter, key) = words w0..w3
 * uniforms: u0 = u01(w0, w1), u1 = u01(w2, w3)   (Uniforms.openOpen)
 * normals : z_i = AS241(u_i)                       (Gaussians.inverseCdf)
 * </pre>
 *
 * Not thread-safe (one scratch buffer); give each thread its own instance.
 */
public final class CounterRng {
    private final int k0;
    private final int k1;
    private final int[] words = new int[4];

    /**
     * @param seed the run seed (all 64 bits are used)
     */
    public CounterRng(long seed) {
        this.k0 = (int) seed;
        this.k1 = (int) (seed >>> 32);
    }

    /**
     * Computes one block; the words are then read with {@link #word(int)}.
     *
     * @param purpose draw purpose
     * @param step step number (below 2^56)
     * @param a first counter word
     * @param b second counter word
     */
    public void block(Purpose purpose, long step, int a, int b) {
        int c3 = (purpose.code() << 24) | (int) ((step >>> 32) & 0xFFFFFF);
        Philox4x32.bijection(a, b, (int) step, c3, k0, k1, words);
    }

    /**
     * @param i word index 0..3 of the last block
     * @return that word
     */
    public int word(int i) {
        return words[i];
    }

    /** @return u01(w0, w1) of the last block */
    public double uniform0() {
        return Uniforms.openOpen(words[0], words[1]);
    }

    /** @return u01(w2, w3) of the last block */
    public double uniform1() {
        return Uniforms.openOpen(words[2], words[3]);
    }

    /**
     * Fills {@code out[0..count-1]} with standard normals: block j = (purpose, step, id, j) gives
     * normals 2j and 2j+1 (the last odd one is discarded).
     *
     * @param purpose draw purpose
     * @param step step number
     * @param id particle id
     * @param count number of normals
     * @param out destination
     */
    public void normals(Purpose purpose, long step, int id, int count, double[] out) {
        for (int j = 0; 2 * j < count; j++) {
            block(purpose, step, id, j);
            out[2 * j] = Gaussians.inverseCdf(uniform0());
            if (2 * j + 1 < count) {
                out[2 * j + 1] = Gaussians.inverseCdf(uniform1());
            }
        }
    }
}
