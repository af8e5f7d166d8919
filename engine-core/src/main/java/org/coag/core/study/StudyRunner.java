package org.coag.core.study;

import java.util.List;
import org.coag.core.backend.Backend;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.Backends;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.config.RunConfig;
import org.coag.core.model.InitialStates;
import org.coag.core.model.ModelSpec;
import org.coag.core.observe.Snapshot;
import org.coag.core.observe.SnapshotObserver;
import org.coag.core.observe.TestFunction;
import org.coag.core.theory.BetaTable;
import org.coag.core.theory.PdeGeometry;

/** One (N, seed) run of a study: steps to each observation time and observes on the host. */
final class StudyRunner {
    private StudyRunner() {
    }

    static StudyRunData run(RunConfig cfg, String backendName, double[] times, PdeGeometry grid, List<TestFunction> tests,
                            int maxMass) {
        ModelSpec spec = cfg.model();
        int k = Math.min(cfg.study().propensityMasses(), maxMass);
        SnapshotObserver observer = new SnapshotObserver(spec, grid, StudyGrid.origin(spec), maxMass, k, tests,
                BetaTable.build(spec, k), cfg.study().pairBins(), cfg.study().pairMax());
        Backend backend = Backends.find(backendName);
        ParticleState state = InitialStates.generate(spec, cfg.run().seed());
        int outputs = times.length;
        double[] at = new double[outputs];
        int[] survivors = new int[outputs];
        long[][] byMass = new long[outputs][];
        double[][][] tested = new double[outputs][][];
        double[][][] lhs = new double[outputs][][];
        double[][][] rhs = new double[outputs][][];
        double[][] pairCounts = new double[outputs][];
        double[][] pairExpected = new double[outputs][];
        double[][] profile = new double[Math.min(StudyTheory.PROFILE_MASSES, maxMass)][];
        double[] profileX = null;
        long start = System.nanoTime();
        try (Simulation sim = backend.create(spec, cfg.run().seed(), state.copy(), 0, BackendOptions.DEFAULTS)) {
            for (int t = 0; t < outputs; t++) {
                long step = Math.round(times[t] / spec.dt());
                sim.advance(step - sim.stepIndex(), (s, lo, hi, ml, mh, survivor) -> { });
                sim.readState(state);
                Snapshot snap = observer.observe(step * spec.dt(), state);
                at[t] = snap.time();
                survivors[t] = snap.survivors();
                byMass[t] = snap.byMass();
                tested[t] = snap.testIntegrals();
                lhs[t] = snap.propensity();
                rhs[t] = snap.propensityTheory();
                pairCounts[t] = snap.pairs().counts();
                pairExpected[t] = snap.pairs().expected();
                if (t == outputs - 1) {
                    for (int n = 0; n < profile.length; n++) {
                        double[] density = new double[grid.cells()];
                        for (int c = 0; c < grid.cells(); c++) {
                            density[c] = observer.weight() * snap.cellCounts()[n][c] / grid.cellVolume(c);
                        }
                        double[][] xy = StudyGrid.coarseProfile(grid, density, spec.dim());
                        profileX = xy[0];
                        profile[n] = xy[1];
                    }
                }
            }
        }
        double wall = (System.nanoTime() - start) * 1e-9;
        return new StudyRunData(spec.particles(), cfg.run().seed(), backendName, spec.eps(), spec.dt(), wall, observer.weight(),
                at, survivors, byMass, tested, lhs, rhs, spec.rangeUnit(1, 1), pairCounts, pairExpected, profileX, profile);
    }
}
