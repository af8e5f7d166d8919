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
    private final int[] coords;
    private final int[] scratch = new int[CpuVectors.LANES];
    private final long[] masks = new long[2];

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
        this.coords = new int[dim];
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

    /**
     * Half-shell scan of the sorted slots [from, to): each particle against the rest of its own
     * cell and, across the faces it is near, the next cell along its row and the cells of the
     * forward rows ({@link RowShell}). Each of these is a run of consecutive slots, tested a vector
     * at a time ({@link VectorPairs}); the rare pairs closer than {@code bound2} get the full scalar
     * test. Every pair within the reach is tested exactly once. Needs {@link CellGrid#halfShell()}.
     *
     * @param p particles, sorted by cell (slot = sorted position)
     * @param grid the grid they were sorted on
     * @param shell forward rows
     * @param cellStart first slot per cell
     * @param sortedCell cell of each slot
     * @param from first slot
     * @param to end slot
     * @param bound2 largest squared interaction range of any live pair
     * @param step step index
     */
    void scanRows(Particles p, CellGrid grid, RowShell shell, int[] cellStart, int[] sortedCell, int from, int to,
                  double bound2, long step) {
        fired.clear();
        for (int a0 = from; a0 < to; a0 += CpuVectors.LANES) {
            ScanFilter.mayHavePartners(grid, p.pos(), sortedCell, cellStart, a0, to, scratch, unit, bound2, masks);
            for (long next = masks[1]; next != 0; next &= next - 1) {
                int a = a0 + Long.numberOfTrailingZeros(next);
                test(p, a, a + 1, step);
            }
            long work = masks[0];
            while (work != 0) {
                particle(p, grid, shell, cellStart, sortedCell[a0 + Long.numberOfTrailingZeros(work)],
                        a0 + Long.numberOfTrailingZeros(work), bound2, step);
                work &= work - 1;
            }
        }
    }

    /** The half-shell runs of sorted slot a in cell c (its next slot was tested by the filter). */
    private void particle(Particles p, CellGrid grid, RowShell shell, int[] cellStart, int c, int a, double bound2, long step) {
        int last = dim - 1;
        int rowLength = grid.rowLength();
        boolean wrap = grid.wraps();
        int cz = c & (rowLength - 1);
        int bits = grid.faceBits(p.pos(), a);
        int zLower = (bits >>> (2 * last)) & 1;
        int zUpper = (bits >>> (2 * last + 1)) & 1;
        boolean upperWraps = zUpper == 1 && cz == rowLength - 1;
        run(p, a, a + 2, cellStart[c + 1 + (upperWraps ? 0 : zUpper)], bound2, step);
        if (upperWraps && wrap) {
            run(p, a, cellStart[c - cz], cellStart[c - cz + 1], bound2, step);
        }
        int[] rows = shell.visits(bits);
        if (rows.length == 0) {
            return;
        }
        grid.decompose(c, coords);
        for (int f : rows) {
            int row = grid.rowStart(coords, shell.offset(f));
            if (row < 0) {
                continue;
            }
            int lo = cz - zLower;
            int hi = cz + zUpper;
            if (lo < 0) {
                if (wrap) {
                    run(p, a, cellStart[row + rowLength - 1], cellStart[row + rowLength], bound2, step);
                }
                lo = 0;
            }
            if (hi >= rowLength) {
                if (wrap) {
                    run(p, a, cellStart[row], cellStart[row + 1], bound2, step);
                }
                hi = rowLength - 1;
            }
            run(p, a, cellStart[row + lo], cellStart[row + hi + 1], bound2, step);
        }
    }

    /** Particle i against slots [begin, end): at least one vector, so an empty run costs no branch miss. */
    private void run(Particles p, int i, int begin, int end, double bound2, long step) {
        long[][] pos = p.pos();
        int b = begin;
        do {
            long hits = VectorPairs.closer(pos, i, b, end, unit, bound2);
            while (hits != 0) {
                int lane = Long.numberOfTrailingZeros(hits);
                test(p, i, b + lane, step);
                hits &= hits - 1;
            }
            b += CpuVectors.LANES;
        } while (b < end);
    }

    /** Pair (a, b) in either order; tested as (lower id, higher id) exactly like the reference. */
    private void test(Particles p, int a, int b, long step) {
        long[][] pos = p.pos();
        boolean aFirst = p.id()[a] < p.id()[b];
        int i = aFirst ? a : b;
        int j = aFirst ? b : a;
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
