package org.coag.core.observe.equilibrium;

import java.util.TreeMap;
import org.coag.core.backend.ParticleState;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.coag.core.model.RadialKernel;
import org.coag.core.space.CandidatePairs;
import org.coag.core.space.SpatialHash;

/**
 * The pairs of one state, by mass pair ({@link MassPairs}) and distance, with the counts a
 * product-Poisson cloud would give: given N_n particles of mass n placed independently and
 * uniformly in the torus of volume |L|, a shell of volume |S| holds on average N_n N_m |S| / |L|
 * pairs of masses n &lt; m, N_n (N_n - 1) / 2 |S| / |L| of equal masses n, and N (N - 1) / 2 |S| / |L|
 * pairs of any masses. Distances are minimum-image distances on the torus, found with the scalar
 * spatial hash (a cell list), never by visiting all pairs.
 *
 * <p>Bins cover [0, rMax) range units (s(1,1) eps^b) evenly. Besides the bins, each class counts the
 * pairs inside the interaction range of their masses, r &lt; kernel support * s(n,m) eps^b, against
 * the Poisson count for the ball of that radius.
 *
 * @param counts pairs found, [class][bin]
 * @param expected product-Poisson pairs, [class][bin]
 * @param inside pairs found inside their interaction range, [class]
 * @param insideExpected product-Poisson pairs inside it, [class]
 */
record PairCounts(long[][] counts, double[][] expected, long[] inside, double[] insideExpected) {
    /**
     * @param spec the model (a torus)
     * @param state live particles
     * @param classes the mass pairs reported
     * @param bins distance bins
     * @param rMax the largest distance, range units
     * @return the pairs of this state
     */
    static PairCounts measure(ModelSpec spec, ParticleState state, MassPairs classes, int bins, double rMax) {
        int dim = spec.dim();
        int n = state.count();
        int[] mass = state.masses();
        long[][] pos = state.positions();
        TreeMap<Integer, Long> byMass = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            byMass.merge(mass[i], 1L, Long::sum);
        }
        double unit = spec.rangeUnit(1, 1);
        double reach = rMax * unit;
        for (int m : byMass.keySet()) {
            reach = Math.max(reach, spec.interactionRange(m, m));
        }
        double side = spec.domain().side();
        if (reach >= side / 2) {
            throw new ModelException("observe.equilibrium: the interaction range " + reach + " of the masses present reaches half the box side "
                    + side / 2 + "; the minimum-image pair count needs a larger box");
        }
        long[][] counts = new long[classes.size()][bins];
        long[] inside = new long[classes.size()];
        int all = classes.all();
        boolean varies = spec.rangeVaries();
        double fixedRange = spec.interactionRange(1, 1);
        double fixedUnit = spec.domain().unit();
        if (n > 1) {
            SpatialHash hash = new SpatialHash(dim);
            hash.build(pos, n, SpatialHash.cellBitsFor(side, reach));
            new CandidatePairs(dim).scan(hash, pos, state.ids(), n, reach / fixedUnit, (i, j) -> {
                double r2 = 0;
                for (int k = 0; k < dim; k++) {
                    double dx = (pos[k][i] - pos[k][j]) * fixedUnit;
                    r2 += dx * dx;
                }
                double r = Math.sqrt(r2);
                int c = classes.of(mass[i], mass[j]);
                double range = varies ? spec.interactionRange(mass[i], mass[j]) : fixedRange;
                if (r < range) {
                    inside[all]++;
                    if (c >= 0) {
                        inside[c]++;
                    }
                }
                double y = r / unit;
                if (y < rMax) {
                    int b = Math.min(bins - 1, (int) (y / rMax * bins));
                    counts[all][b]++;
                    if (c >= 0) {
                        counts[c][b]++;
                    }
                }
            });
        }
        return new PairCounts(counts, expected(spec, byMass, classes, bins, rMax), inside, insideExpected(spec, byMass, classes));
    }

    /** @return pairs of the class under product Poisson, per unit of (shell volume / box volume) */
    private static double pairs(MassPairs classes, int c, TreeMap<Integer, Long> byMass) {
        if (c == classes.all()) {
            double total = byMass.values().stream().mapToLong(Long::longValue).sum();
            return total * (total - 1) / 2;
        }
        int[] nm = classes.massesOf(c);
        double a = byMass.getOrDefault(nm[0], 0L);
        double b = byMass.getOrDefault(nm[1], 0L);
        return nm[0] == nm[1] ? a * (a - 1) / 2 : a * b;
    }

    private static double[][] expected(ModelSpec spec, TreeMap<Integer, Long> byMass, MassPairs classes, int bins, double rMax) {
        int dim = spec.dim();
        double unit = spec.rangeUnit(1, 1);
        double volume = spec.domain().volume(dim);
        double ball = RadialKernel.unitBallVolume(dim);
        double[][] e = new double[classes.size()][bins];
        for (int c = 0; c < classes.size(); c++) {
            double perVolume = pairs(classes, c, byMass) / volume;
            for (int b = 0; b < bins; b++) {
                double lo = b * rMax / bins * unit;
                double hi = (b + 1) * rMax / bins * unit;
                e[c][b] = perVolume * ball * (Math.pow(hi, dim) - Math.pow(lo, dim));
            }
        }
        return e;
    }

    private static double[] insideExpected(ModelSpec spec, TreeMap<Integer, Long> byMass, MassPairs classes) {
        int dim = spec.dim();
        double volume = spec.domain().volume(dim);
        double ball = RadialKernel.unitBallVolume(dim);
        double[] e = new double[classes.size()];
        for (int c = 0; c < classes.all(); c++) {
            int[] nm = classes.massesOf(c);
            e[c] = pairs(classes, c, byMass) / volume * ball * Math.pow(spec.interactionRange(nm[0], nm[1]), dim);
        }
        if (!spec.rangeVaries()) {
            e[classes.all()] = pairs(classes, classes.all(), byMass) / volume * ball * Math.pow(spec.interactionRange(1, 1), dim);
            return e;
        }
        double sum = 0;
        Integer[] present = byMass.keySet().toArray(new Integer[0]);
        for (int a = 0; a < present.length; a++) {
            double na = byMass.get(present[a]);
            for (int b = a; b < present.length; b++) {
                double pairs = a == b ? na * (na - 1) / 2 : na * byMass.get(present[b]);
                sum += pairs * Math.pow(spec.interactionRange(present[a], present[b]), dim);
            }
        }
        e[classes.all()] = sum / volume * ball;
        return e;
    }
}
