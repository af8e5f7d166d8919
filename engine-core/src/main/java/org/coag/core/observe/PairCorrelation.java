package org.coag.core.observe;

import java.util.HashMap;
import java.util.Map;
import org.coag.core.backend.ParticleState;
import org.coag.core.model.ModelSpec;
import org.coag.core.model.RadialKernel;
import org.coag.core.space.CandidatePairs;
import org.coag.core.space.SpatialHash;

/**
 * Pair correlation of survivors at short range (docs/model.md, Claim 3.11): pairs at distance
 * y (in units of the mass-1 range s(1,1) eps^b) counted in {@code bins} bins on [0, yMax), each
 * divided by the count a locally uniform (Poisson) cloud with the same density would give,
 * (1/2) sum_c n_c (n_c - 1) / |c| * |shell|, over coarse cells c three times yMax wide (wide enough
 * that the depletion inside the range barely lowers n_c (n_c - 1), narrow enough to follow a
 * non-uniform density). On a
 * uniform torus that is the pair density normalised by h_N^2; Claim 3.11 predicts 1 - u(y).
 * Counts and expectations are kept separately so that snapshots and seeds pool by summing.
 *
 * @param counts pairs found per bin
 * @param expected pairs a Poisson cloud would give per bin
 */
public record PairCorrelation(double[] counts, double[] expected) {
    /**
     * @param spec the model
     * @param state survivors
     * @param bins number of bins
     * @param yMax largest distance, in units of the mass-1 range
     * @return the counts of this snapshot
     */
    public static PairCorrelation measure(ModelSpec spec, ParticleState state, int bins, double yMax) {
        int dim = spec.dim();
        double unit = spec.rangeUnit(1, 1);
        double reach = yMax * unit;
        double fixedUnit = spec.domain().unit();
        long[][] pos = state.positions();
        double[] counts = new double[bins];
        SpatialHash hash = new SpatialHash(dim);
        hash.build(pos, state.count(), SpatialHash.cellBitsFor(spec.domain().side(), reach));
        new CandidatePairs(dim).scan(hash, pos, state.ids(), state.count(), reach / fixedUnit, (i, j) -> {
            double r2 = 0;
            for (int k = 0; k < dim; k++) {
                double dx = (pos[k][i] - pos[k][j]) * fixedUnit;
                r2 += dx * dx;
            }
            double y = Math.sqrt(r2) / unit;
            if (y < yMax) {
                counts[(int) (y / yMax * bins)]++;
            }
        });
        return new PairCorrelation(counts, expected(spec, state, bins, yMax, reach));
    }

    private static double[] expected(ModelSpec spec, ParticleState state, int bins, double yMax, double reach) {
        int dim = spec.dim();
        double side = spec.domain().side();
        double coarse = Math.max(3 * reach, side / 1024);
        int perSide = Math.max(1, (int) (side / coarse));
        double cellSide = side / perSide;
        Map<Long, Integer> occupancy = new HashMap<>();
        for (int i = 0; i < state.count(); i++) {
            long key = 0;
            for (int k = 0; k < dim; k++) {
                double f = spec.domain().toPhysical(state.positions()[k][i]) / side + 0.5;
                key = key * perSide + Math.min(perSide - 1, (int) (f * perSide));
            }
            occupancy.merge(key, 1, Integer::sum);
        }
        double pairsPerVolume = 0;
        for (int n : occupancy.values()) {
            pairsPerVolume += 0.5 * n * (n - 1.0);
        }
        pairsPerVolume /= Math.pow(cellSide, dim);
        double[] e = new double[bins];
        double ball = RadialKernel.unitBallVolume(dim);
        double unit = reach / yMax;
        for (int b = 0; b < bins; b++) {
            double lo = b * yMax / bins * unit;
            double hi = (b + 1) * yMax / bins * unit;
            e[b] = pairsPerVolume * ball * (Math.pow(hi, dim) - Math.pow(lo, dim));
        }
        return e;
    }

    /**
     * @param other another snapshot
     * @return the pooled counts
     */
    public PairCorrelation plus(PairCorrelation other) {
        double[] c = counts.clone();
        double[] e = expected.clone();
        for (int b = 0; b < c.length; b++) {
            c[b] += other.counts[b];
            e[b] += other.expected[b];
        }
        return new PairCorrelation(c, e);
    }

    /** @return counts / expected per bin */
    public double[] ratio() {
        double[] g = new double[counts.length];
        for (int b = 0; b < g.length; b++) {
            g[b] = expected[b] > 0 ? counts[b] / expected[b] : Double.NaN;
        }
        return g;
    }
}
