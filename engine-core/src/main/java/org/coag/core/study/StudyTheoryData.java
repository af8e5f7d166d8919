package org.coag.core.study;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The macroscopic side of a study at its observation times (t = 0 first): the ODE (torus, uniform
 * start) or the PDE, with beta from the recipe and with the naive beta.
 *
 * @param key fingerprint of the config it was computed for (everything but [study] and the backend)
 * @param solver "ode" or "pde", with the grid
 * @param times nominal observation times
 * @param totals integral f_n [t][n-1] (recipe beta)
 * @param naiveTotals integral f_n [t][n-1] (naive beta)
 * @param testIntegrals integral J_j f_n [t][j][n-1]
 * @param testNames names of the test functions
 * @param profileCoordinate the profile's abscissa (x_1 on a torus, r in free space; length units)
 * @param profile f_n at the last time along the profile coordinate [n-1][k]
 * @param pairY pair distance y (units of the mass-1 range) for 1 - u
 * @param pairTheory 1 - u(y) (Claim 3.11), empty when not defined (d = 2, b &lt; 1)
 * @param beta11 beta(1, 1) from the recipe
 * @param naive11 the naive beta(1, 1)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StudyTheoryData(String key, String solver, double[] times, double[][] totals, double[][] naiveTotals,
                              double[][][] testIntegrals, String[] testNames, double[] profileCoordinate,
                              double[][] profile, double[] pairY, double[] pairTheory, double beta11, double naive11) {
}
