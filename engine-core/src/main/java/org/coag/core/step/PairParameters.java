package org.coag.core.step;

import java.util.HashMap;
import java.util.Map;
import org.coag.core.model.ModelSpec;

/**
 * The {@link PairConstants} of every mass pair met so far, computed once and cached; masses up to
 * 32 in an array, larger ones in a map. Not thread-safe: one per worker.
 */
public final class PairParameters {
    private final ModelSpec spec;
    /** Masses up to this are cached in an array, beyond it in a map. */
    private static final int DENSE = 32;
    private final PairConstants[] dense = new PairConstants[DENSE * DENSE];
    private final Map<Long, PairConstants> cache = new HashMap<>();

    /**
     * @param spec the model
     */
    public PairParameters(ModelSpec spec) {
        this.spec = spec;
    }

    /**
     * The distance up to which a cell search must look, in fixed-point units: the range widened by
     * 2^-40 relative, so that no pair whose rounded r^2 passes the range test lies beyond a search
     * that used rounded per-coordinate offsets (every backend uses this same value).
     *
     * @param range largest interaction range, physical units
     * @param unit fixed-point unit L / 2^64
     * @return the search reach, fixed-point units
     */
    public static double searchReach(double range, double unit) {
        return range / unit * (1 + 0x1p-40);
    }

    /**
     * @param n mass
     * @param m mass
     * @return the constants of (n, m)
     */
    public PairConstants of(int n, int m) {
        int lo = Math.min(n, m);
        int hi = Math.max(n, m);
        if (hi <= DENSE) {
            int at = (lo - 1) * DENSE + hi - 1;
            PairConstants p = dense[at];
            if (p == null) {
                p = PairConstants.of(spec, lo, hi);
                dense[at] = p;
            }
            return p;
        }
        return cache.computeIfAbsent(((long) lo << 32) | hi, key -> PairConstants.of(spec, lo, hi));
    }
}
