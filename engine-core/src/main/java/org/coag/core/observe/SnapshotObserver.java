package org.coag.core.observe;

import java.util.List;
import org.coag.core.backend.ParticleState;
import org.coag.core.model.ModelSpec;
import org.coag.core.space.CandidatePairs;
import org.coag.core.space.SpatialHash;
import org.coag.core.theory.CoagulationKernel;
import org.coag.core.theory.PdeGeometry;

/**
 * Computes {@link Snapshot}s on the host from a state read back from any backend (so every backend
 * gets the same observables). The weight of one particle in the units of (1.2) is
 * f(0) |L| / N = eps^(d-2) (d = 2: 1 / |log eps|).
 */
public final class SnapshotObserver {
    private final ModelSpec spec;
    private final PdeGeometry grid;
    private final double[] origin;
    private final int maxMass;
    private final int propensityMasses;
    private final List<TestFunction> tests;
    private final CoagulationKernel beta;
    private final int pairBins;
    private final double pairMax;
    private final double weight;

    /**
     * @param spec the model
     * @param grid the density grid (the PDE's)
     * @param origin the grid's origin in box coordinates (length units)
     * @param maxMass M
     * @param propensityMasses K, the masses of the propensity matrix
     * @param tests test functions for weak errors
     * @param beta beta(n, m) for the right side of Proposition 4.1
     * @param pairBins pair-correlation bins
     * @param pairMax pair-correlation range, in units of the mass-1 range
     */
    public SnapshotObserver(ModelSpec spec, PdeGeometry grid, double[] origin, int maxMass, int propensityMasses,
                            List<TestFunction> tests, CoagulationKernel beta, int pairBins, double pairMax) {
        this.spec = spec;
        this.grid = grid;
        this.origin = origin.clone();
        this.maxMass = maxMass;
        this.propensityMasses = propensityMasses;
        this.tests = List.copyOf(tests);
        this.beta = beta;
        this.pairBins = pairBins;
        this.pairMax = pairMax;
        this.weight = spec.initialDensity() * spec.domain().volume(spec.dim()) / spec.particles();
    }

    /** @return the weight of one particle, eps^(d-2) (d = 2: 1 / |log eps|) */
    public double weight() {
        return weight;
    }

    /**
     * @param time the time of the state
     * @param state the survivors
     * @return the observables
     */
    public Snapshot observe(double time, ParticleState state) {
        int dim = spec.dim();
        long[] byMass = new long[maxMass];
        int[][] cells = new int[maxMass][grid.cells()];
        double[][] tested = new double[tests.size()][maxMass];
        double[] x = new double[dim];
        double side = spec.domain().side();
        for (int i = 0; i < state.count(); i++) {
            int m = state.masses()[i];
            if (m > maxMass) {
                continue;
            }
            byMass[m - 1]++;
            for (int k = 0; k < dim; k++) {
                double v = spec.domain().toPhysical(state.positions()[k][i]) - origin[k];
                x[k] = v - side * Math.floor(v / side + 0.5);
            }
            int c = grid.locate(x);
            if (c >= 0) {
                cells[m - 1][c]++;
            }
            for (int j = 0; j < tests.size(); j++) {
                tested[j][m - 1] += weight * tests.get(j).at(x);
            }
        }
        double[][] lhs = propensity(state);
        double[][] rhs = new double[propensityMasses][propensityMasses];
        for (int n = 1; n <= propensityMasses; n++) {
            for (int m = 1; m <= propensityMasses; m++) {
                double sum = 0;
                for (int c = 0; c < grid.cells(); c++) {
                    double pairsInCell = (double) cells[n - 1][c] * (cells[m - 1][c] - (n == m ? 1 : 0));
                    sum += weight * weight * pairsInCell / grid.cellVolume(c);
                }
                rhs[n - 1][m - 1] = beta.at(n, m) * sum;
            }
        }
        return new Snapshot(time, state.count(), byMass, cells, tested, lhs, rhs,
                PairCorrelation.measure(spec, state, pairBins, pairMax));
    }

    private double[][] propensity(ParticleState state) {
        int k = propensityMasses;
        double[][] p = new double[k][k];
        int largest = 1;
        for (int i = 0; i < state.count(); i++) {
            largest = Math.max(largest, Math.min(k, state.masses()[i]));
        }
        double reach = spec.interactionRange(largest, largest);
        long[][] pos = state.positions();
        int[] masses = state.masses();
        double unit = spec.domain().unit();
        int dim = spec.dim();
        double support2 = spec.kernel().support() * spec.kernel().support();
        SpatialHash hash = new SpatialHash(dim);
        hash.build(pos, state.count(), SpatialHash.cellBitsFor(spec.domain().side(), reach));
        new CandidatePairs(dim).scan(hash, pos, state.ids(), state.count(), reach / unit, (i, j) -> {
            int n = masses[i];
            int m = masses[j];
            if (n > k || m > k) {
                return;
            }
            double r2 = 0;
            for (int a = 0; a < dim; a++) {
                double dx = (pos[a][i] - pos[a][j]) * unit;
                r2 += dx * dx;
            }
            double ru = spec.rangeUnit(n, m);
            double y2 = r2 / (ru * ru);
            if (y2 < support2) {
                double rate = weight * spec.ratePrefactor(n, m) * spec.kernel().value(y2);
                p[n - 1][m - 1] += rate;
                p[m - 1][n - 1] += rate;
            }
        });
        return p;
    }
}
