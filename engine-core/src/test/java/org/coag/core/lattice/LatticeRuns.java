package org.coag.core.lattice;

import java.util.ArrayList;
import java.util.List;
import org.coag.core.backend.EventSink;
import org.coag.core.backend.ParticleState;
import org.coag.core.config.ConfigReader;
import org.coag.core.model.ModelSpec;

/** Runs of the lattice stepper for the statistical tests, and the statistics they use. */
final class LatticeRuns {
    /** Two-sided normal quantile for false-failure odds 1e-6: P(|Z| > 4.892) = 1e-6. */
    static final double Z_1E6 = 4.892;
    private static final EventSink DISCARD = (step, kind, lo, hi, mLo, mHi, survivor) -> { };

    private LatticeRuns() {
    }

    /**
     * @param toml a lattice config
     * @return its model
     */
    static ModelSpec spec(String toml) {
        return ConfigReader.read(toml, List.of()).model();
    }

    /**
     * Runs whole steps from {@code start} until at most {@code until} walkers are left (or
     * {@code maxSteps} steps) and returns the exact times of the coalescences, in order.
     *
     * @param spec the model
     * @param seed the seed
     * @param start the walkers at time 0 (copied)
     * @param until stop once this many walkers or fewer remain
     * @param maxSteps the most steps to run
     * @return the coalescence times
     */
    static List<Double> coalescenceTimes(ModelSpec spec, long seed, ParticleState start, int until, int maxSteps) {
        ParticleState state = start.copy();
        LatticeStepper stepper = new LatticeStepper(spec, seed);
        List<Double> times = new ArrayList<>();
        stepper.setTrace((time, lo, hi, survivor) -> times.add(time));
        for (int s = 0; s < maxSteps && state.count() > until; s++) {
            stepper.step(s, state, DISCARD);
        }
        return times;
    }

    /**
     * @param spec the model
     * @param seed the seed
     * @param start the walkers at time 0 (copied)
     * @param steps steps to run
     * @return the walkers after them
     */
    static ParticleState after(ModelSpec spec, long seed, ParticleState start, int steps) {
        ParticleState state = start.copy();
        LatticeStepper stepper = new LatticeStepper(spec, seed);
        for (int s = 0; s < steps; s++) {
            stepper.step(s, state, DISCARD);
        }
        return state;
    }

    /**
     * @param dim d
     * @param sites the walkers' sites, one row of d coordinates each; ids 0, 1, ..., mass 1
     * @return the state
     */
    static ParticleState walkers(int dim, long[][] sites) {
        ParticleState s = new ParticleState(dim, sites.length);
        for (int i = 0; i < sites.length; i++) {
            s.ids()[i] = i;
            s.masses()[i] = 1;
            for (int k = 0; k < dim; k++) {
                s.positions()[k][i] = sites[i][k];
            }
        }
        s.setCount(sites.length);
        return s;
    }

    /** @return {mean, sample variance} */
    static double[] meanAndVariance(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return new double[] {mean, ss / (x.length - 1)};
    }

    /**
     * @param x a sample
     * @param expected the mean under test
     * @return the z score of the sample mean, with the sample's own variance
     */
    static double zScore(double[] x, double expected) {
        double[] mv = meanAndVariance(x);
        return (mv[0] - expected) / Math.sqrt(mv[1] / x.length);
    }
}
