package org.coag.core.study;

/**
 * What one (N, seed) run of a study observed, in the units of the PDE (1.2). Index t runs over the
 * observation times including t = 0; n over masses 1..M (index n-1); j over test functions.
 *
 * @param particles N
 * @param seed the seed
 * @param backend the backend that ran it
 * @param eps the interaction range
 * @param dt the time step
 * @param wallSeconds wall time of the run
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
 */
public record StudyRunData(long particles, long seed, String backend, double eps, double dt, double wallSeconds, double weight,
                           double[] times, int[] survivors, long[][] byMass, double[][][] testIntegrals,
                           double[][][] propensity, double[][][] propensityTheory, double pairUnit, double[][] pairCounts,
                           double[][] pairExpected, double[] profileCoordinate, double[][] profile) {
}
