package org.coag.core.rng;

/**
 * Counter-based draws keyed by the run seed. Stateless apart from a scratch buffer: the same
 * (purpose, step, a, b) always gives the same words, on every backend and after any restart.
 *
 * <pre>
 * key     = { lo32(seed), hi32(seed) }              (PhiloxKey, from key(seed))
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
    /** Shift of the purpose code in counter word 3. */
    public static final int PURPOSE_SHIFT = 24;
    /** Mask of the step's bits 32..55 in counter word 3 (after shifting them down by 32). */
    public static final int STEP_HIGH_MASK = 0xFFFFFF;

    private final PhiloxKey key;
    private final int[] words = new int[4];

    /**
     * @param seed the run seed (all 64 bits are used)
     */
    public CounterRng(long seed) {
        this.key = key(seed);
    }

    /**
     * The one split of a run seed into the Philox key; backends that compute blocks themselves take
     * their key from here.
     *
     * @param seed the run seed
     * @return {@code {lo32(seed), hi32(seed)}}
     */
    public static PhiloxKey key(long seed) {
        return new PhiloxKey((int) seed, (int) (seed >>> 32));
    }

    /** @return the key of this generator's seed */
    public PhiloxKey key() {
        return key;
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
        Philox4x32.bijection(a, b, (int) step, counterWord3(purpose, step), key.k0(), key.k1(), words);
    }

    /**
     * The one layout of counter word 3, for backends that build counters themselves.
     *
     * @param purpose draw purpose
     * @param step step number (bits 32..55 are used here, bits 0..31 are counter word 2)
     * @return {@code purpose << 24 | (step >>> 32) & 0xFFFFFF}
     */
    public static int counterWord3(Purpose purpose, long step) {
        return (purpose.code() << PURPOSE_SHIFT) | (int) ((step >>> 32) & STEP_HIGH_MASK);
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
