package org.coag.cpu;

import org.coag.core.model.ModelSpec;
import org.coag.core.model.RadialKernel;
import org.coag.core.rng.CounterRng;
import org.coag.core.rng.Purpose;
import org.coag.core.step.CollisionRule;
import org.coag.core.step.FiredPairs;
import org.coag.core.step.PairParameters;

/**
 * One worker's share of the pair scan: for each of its slots, every particle with a larger id in
 * the neighbour cells is tested exactly as the reference backend tests it (same r^2 sum order,
 * same range test, same kernel and Philox draw), and fired pairs are collected for the master.
 */
final class PairScanner {
    private final int dim;
    private final double unit;
    private final double dt;
    private final RadialKernel kernel;
    private final boolean rangeVaries;
    private final double range2Common;
    private final CounterRng rng;
    private final PairTable table;
    private final FiredPairs fired = new FiredPairs();
    private final int[] neighbours;

    /**
     * @param spec the model
     * @param seed run seed
     */
    PairScanner(ModelSpec spec, long seed) {
        this.dim = spec.dim();
        this.unit = spec.domain().unit();
        this.dt = spec.dt();
        this.kernel = spec.kernel();
        this.rangeVaries = spec.radii() != null;
        double[] p = new double[3];
        PairParameters.compute(spec, 1, 1, p, 0);
        this.range2Common = p[0];
        this.rng = new CounterRng(seed);
        this.table = new PairTable(spec);
        this.neighbours = new int[(int) Math.round(Math.pow(3, dim))];
    }

    /** @return the pairs this worker found in the last scan */
    FiredPairs fired() {
        return fired;
    }

    /**
     * @param p particles, sorted by cell
     * @param grid the grid they were sorted on
     * @param cellStart first slot per cell
     * @param from first slot to scan
     * @param to end slot
     * @param step step index
     */
    void scan(Particles p, CellGrid grid, int[] cellStart, int from, int to, long step) {
        fired.clear();
        long[][] pos = p.pos();
        int[] id = p.id();
        for (int i = from; i < to; i++) {
            int n = grid.neighbours(pos, i, neighbours);
            int own = id[i];
            for (int c = 0; c < n; c++) {
                int cell = neighbours[c];
                for (int j = cellStart[cell], end = cellStart[cell + 1]; j < end; j++) {
                    if (id[j] > own) {
                        test(p, i, j, step);
                    }
                }
            }
        }
    }

    private void test(Particles p, int i, int j, long step) {
        long[][] pos = p.pos();
        double r2 = 0;
        for (int k = 0; k < dim; k++) {
            double dx = (double) (pos[k][i] - pos[k][j]) * unit;
            r2 += dx * dx;
        }
        if (!rangeVaries && !(r2 < range2Common)) {
            return;
        }
        int[] mass = p.mass();
        int at = table.find(mass[i], mass[j]);
        double[] v = table.values();
        if (!(r2 < v[at])) {
            return;
        }
        double rate = v[at + 2] * kernel.value(r2 * v[at + 1]);
        if (!(rate > 0)) {
            return;
        }
        int[] id = p.id();
        rng.block(Purpose.COLLIDE, step, id[i], id[j]);
        double tau = CollisionRule.firingTime(rng.uniform0(), rate);
        if (tau < dt) {
            fired.add(tau, id[i], id[j], i, j, rng.uniform1());
        }
    }
}
