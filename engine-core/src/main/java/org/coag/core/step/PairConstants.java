package org.coag.core.step;

import org.coag.core.model.ModelSpec;

/**
 * The constants of the collision rule for one mass pair (n, m), computed once on the host with
 * {@link StrictMath}; every backend uses these exact values (the OpenCL tables hold them flat, see
 * {@link #writeTo}).
 *
 * <pre>
 *   range2     (kernel support * s(n,m) * eps^b)^2                      squared interaction distance
 *   invUnit2   1 / (s(n,m) * eps^b)^2                                   so y^2 = r^2 * invUnit2
 *   prefactor  alpha(n,m) eps^(-2+d(1-b)) s^-2 [|log eps|^-1 if d = 2]  rate = prefactor * V(y)
 * </pre>
 *
 * @param range2 squared interaction distance (length units squared)
 * @param invUnit2 inverse squared range unit (1 / length units squared)
 * @param prefactor rate prefactor (1 / time units)
 */
public record PairConstants(double range2, double invUnit2, double prefactor) {
    /** Doubles per pair in a flat table: {range2, invUnit2, prefactor}. */
    public static final int FIELDS = 3;

    /**
     * @param spec the model
     * @param n a mass
     * @param m another mass
     * @return the constants of (n, m), symmetric in the masses
     */
    public static PairConstants of(ModelSpec spec, int n, int m) {
        int lo = Math.min(n, m);
        int hi = Math.max(n, m);
        double range = spec.interactionRange(lo, hi);
        double unit = spec.rangeUnit(lo, hi);
        return new PairConstants(range * range, 1.0 / (unit * unit), spec.ratePrefactor(lo, hi));
    }

    /** @return the interaction distance, sqrt(range2) (length units) */
    public double range() {
        return Math.sqrt(range2);
    }

    /**
     * Writes {range2, invUnit2, prefactor} to {@code out[offset..offset+2]}, the layout of the device
     * tables.
     *
     * @param out destination
     * @param offset first index written
     */
    public void writeTo(double[] out, int offset) {
        out[offset] = range2;
        out[offset + 1] = invUnit2;
        out[offset + 2] = prefactor;
    }
}
