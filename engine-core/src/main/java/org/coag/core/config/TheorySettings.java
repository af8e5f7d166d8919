package org.coag.core.config;

/**
 * The {@code [theory]} table: how {@code coag theory ode|pde} solves the macroscopic equations for a
 * config (docs/configuration.md, docs/theory.md). Zero means "choose automatically".
 *
 * @param masses the mass truncation M (0: the largest initial mass for annihilation, else 32 or twice the
 *               largest initial mass, lowered to what the config's d(n), alpha and radii tables cover)
 * @param grid PDE cells per side on a torus, or radial shells in free space (0: 64 in d = 3,
 *             128 in d = 2, 16 in d = 4; 512 shells)
 * @param radius radial domain [0, R] in free space, length units (0: data extent + 6 sqrt(2 max d(n) t_end))
 * @param dt PDE time step (0: 0.02 / the largest initial reaction rate, at most t_end / 20)
 * @param tEnd final time (0: the run's, steps * dt)
 * @param outputs number of equally spaced output times after t = 0
 * @param relTol ODE relative tolerance per step
 * @param fields which PDE fields to write as .npy: "last", "all" or "none"
 * @param kernel the coagulation kernel K: "recipe" (beta of the model at its eps, the finite-N prediction),
 *               "recipe_limit" (its eps -&gt; 0 limit; differs for P_{N,b} with b &lt; 1) or one of the classical
 *               "constant" (k), "additive" (k (n + m)), "multiplicative" (k n m)
 * @param kernelCoefficient k of a classical kernel
 */
public record TheorySettings(int masses, int grid, double radius, double dt, double tEnd, int outputs, double relTol,
                             String fields, String kernel, double kernelCoefficient) {
    /** The settings of a config without a [theory] table. */
    public static final TheorySettings AUTO = new TheorySettings(0, 0, 0, 0, 0, 20, 1e-10, "last", "recipe", 1.0);
}
