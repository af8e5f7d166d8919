package org.coag.core.step;

import java.util.HashMap;
import java.util.Map;
import org.coag.core.model.ModelSpec;

/**
 * Per mass pair constants of the collision rule, computed once on the host with
 * {@link StrictMath} and cached; every backend uses these exact values.
 *
 * <pre>
 *   range2(n,m)     (kernel support * s(n,m) * eps^b)^2     squared interaction distance
 *   invUnit2(n,m)   1 / (s(n,m) * eps^b)^2                   y^2 = r^2 * invUnit2
 *   prefactor(n,m)  alpha(n,m) eps^(-2+d(1-b)) s^-2 [|log eps|^-1 if d = 2]   rate = prefactor * V(y)
 * </pre>
 */
public final class PairParameters {
    private final ModelSpec spec;
    /** Masses up to this are cached in an array, beyond it in a map. */
    private static final int DENSE = 32;
    private final double[][] dense = new double[DENSE * DENSE][];
    private final Map<Long, double[]> cache = new HashMap<>();

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
     * @return {range2, invUnit2, prefactor}; do not modify
     */
    public double[] of(int n, int m) {
        int lo = Math.min(n, m);
        int hi = Math.max(n, m);
        if (hi <= DENSE) {
            int at = (lo - 1) * DENSE + hi - 1;
            double[] p = dense[at];
            if (p == null) {
                p = new double[3];
                compute(spec, lo, hi, p, 0);
                dense[at] = p;
            }
            return p;
        }
        return cache.computeIfAbsent(((long) lo << 32) | hi, key -> {
            double[] p = new double[3];
            compute(spec, lo, hi, p, 0);
            return p;
        });
    }

    /**
     * The values {@link #of} returns, written to {@code out[offset..offset+2]}; for backends that
     * keep their own tables.
     *
     * @param spec the model
     * @param lo smaller mass
     * @param hi larger mass
     * @param out destination
     * @param offset first index written
     */
    public static void compute(ModelSpec spec, int lo, int hi, double[] out, int offset) {
        double unit = spec.rangeUnit(lo, hi);
        double range = spec.interactionRange(lo, hi);
        out[offset] = range * range;
        out[offset + 1] = 1.0 / (unit * unit);
        out[offset + 2] = spec.ratePrefactor(lo, hi);
    }
}
