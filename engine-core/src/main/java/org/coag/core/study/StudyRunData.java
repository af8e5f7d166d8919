package org.coag.core.study;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import org.coag.core.config.RunConfig;
import org.coag.core.model.ModelSpec;

/**
 * What one (N, seed) run of a study observed, in the units of the PDE (1.2), as its task's
 * result.json (snake_case keys). Index t runs over the observation times including t = 0; n over
 * masses 1..M (index n-1); j over test functions.
 *
 * @param particles N
 * @param seed the seed
 * @param backend the backend that ran it
 * @param eps the interaction range
 * @param dt the time step
 * @param wallSeconds wall time of the run (all its sessions)
 * @param eventLogSha256 the task run's event-log hash (summary.json)
 * @param finalStateSha256 the task run's final-state hash (summary.json)
 * @param weight the weight of one particle, eps^(d-2) (d = 2: 1 / |log eps|)
 * @param times observation times (step * dt, the step nearest the study's nominal time)
 * @param survivors live particles [t]
 * @param byMass live particles [t][n-1]
 * @param testIntegrals integral J_j d mu_N,n [t][j][n-1]
 * @param propensity left side of Proposition 4.1 with J = 1 [t][n-1][m-1]
 * @param propensityTheory beta(n,m) integral f_n f_m from the candidate densities [t][n-1][m-1]
 * @param pairUnit the pair-correlation length unit s(1,1) eps^b
 * @param pairCounts pair-correlation counts [t][bin]
 * @param pairExpected their Poisson expectations [t][bin]
 * @param profileCoordinate abscissa of {@code profile} (x_1 on a torus; shell-group mid radius in free space)
 * @param profile candidate density of masses 1..P at the last time along the profile coordinate [n-1][k]
 *                (in free space averaged over groups of shells, volume-weighted, to tame the noise near r = 0)
 * @param side the lattice side L of a lattice study's task ({@link LatticeStudy}, which leaves the snapshot
 *             fields empty); 0 in a continuum study
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StudyRunData(long particles, long seed, String backend, double eps, double dt, double wallSeconds,
                           String eventLogSha256, String finalStateSha256, double weight,
                           double[] times, int[] survivors, long[][] byMass, double[][][] testIntegrals,
                           double[][][] propensity, double[][][] propensityTheory, double pairUnit, double[][] pairCounts,
                           double[][] pairExpected, double[] profileCoordinate, double[][] profile, int side) {
    /**
     * Assembles a finished task's result from its observations and its run's summary.
     *
     * @param task the task
     * @param cfg its run config
     * @param summary its summary.json
     * @param weight the weight of one particle
     * @param lines its observations, one per study time
     * @return the result
     */
    static StudyRunData of(StudyTask task, RunConfig cfg, Map<String, Object> summary, double weight, List<StudyObservations.Line> lines) {
        ModelSpec spec = cfg.model();
        int outputs = lines.size();
        double[] at = new double[outputs];
        int[] survivors = new int[outputs];
        long[][] byMass = new long[outputs][];
        double[][][] tested = new double[outputs][][];
        double[][][] lhs = new double[outputs][][];
        double[][][] rhs = new double[outputs][][];
        double[][] pairCounts = new double[outputs][];
        double[][] pairExpected = new double[outputs][];
        for (int t = 0; t < outputs; t++) {
            StudyObservations.Line l = lines.get(t);
            at[t] = l.time();
            survivors[t] = l.survivors();
            byMass[t] = l.byMass();
            tested[t] = l.testIntegrals();
            lhs[t] = l.propensity();
            rhs[t] = l.propensityTheory();
            pairCounts[t] = l.pairCounts();
            pairExpected[t] = l.pairExpected();
        }
        StudyObservations.Line last = lines.get(outputs - 1);
        return new StudyRunData(task.particles(), task.seed(), cfg.run().backend(), spec.eps(), spec.dt(),
                ((Number) summary.get("wall_seconds")).doubleValue(), (String) summary.get("event_log_sha256"),
                (String) summary.get("final_state_sha256"), weight, at, survivors, byMass, tested, lhs, rhs, spec.rangeUnit(1, 1),
                pairCounts, pairExpected, last.profileCoordinate(), last.profile(), 0);
    }
}
