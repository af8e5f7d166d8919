package org.coag.core.observe;

/**
 * The study observables of one particle state (docs/model.md), masses 1..M; masses above M
 * are counted in {@code survivors} only.
 *
 * @param time the time
 * @param survivors live particles
 * @param byMass byMass[n-1] = live particles of mass n
 * @param cellCounts cellCounts[n-1][cell] = particles of mass n in each cell of the density grid
 *                   (the candidate density (4.2) with eta the normalised indicator of a cell is
 *                   weight * count / cell volume)
 * @param testIntegrals testIntegrals[j][n-1] = integral J_j d mu_N,n = weight * sum over mass-n particles of J_j(x_i)
 * @param propensity propensity[n-1][m-1] = weight * sum over ordered pairs i != j with masses (n, m)
 *                   of their collision rate (the left side of Proposition 4.1 with J = 1), n, m &lt;= K
 * @param propensityTheory beta(n,m) * integral f_n f_m from the cell densities, the right side
 *                         (self-pairs removed for n = m)
 * @param pairs the pair-correlation counts of the survivors
 */
public record Snapshot(double time, int survivors, long[] byMass, int[][] cellCounts, double[][] testIntegrals,
                       double[][] propensity, double[][] propensityTheory, PairCorrelation pairs) {
}
