package org.coag.core.config;

import java.util.List;

/**
 * The benchmark workloads (the JMH suite in {@code benchmarks} and {@code coag bench}), as configs
 * any user can also run with {@code coag run}.
 */
public final class Workloads {
    /**
     * The step benchmark of the CPU issue: d = 3 unit torus, Doi kernel, alpha = 2, d(1) = 1,
     * annihilation, phi = 1e-3, dt = 0.01 eps^2, uniform start. {@link #step} varies d and the mode.
     */
    public static final String TORUS_3D = String.join("\n",
            "[model]", "dim = 3", "mode = \"annihilation\"", "particles = 1000", "volume_fraction = 1e-3",
            "[model.alpha]", "value = 2.0",
            "[time]", "dt_over_eps2 = 0.01", "steps = 1000000",
            "[run]", "seed = 1");

    /**
     * The adaptive scheme's benchmark (issue 8), the Z = O(1) regime: d = 3 unit torus, Z = N eps = 1,
     * Doi kernel, alpha = 2, d(1) = 1, annihilation; macro steps of 0.05 spacing^2 / 2, finest
     * sub-step 0.01 eps^2, tolerance 1e-5 (the settings of examples/adaptive-regime-z1.toml).
     */
    public static final String ADAPTIVE_Z1 = String.join("\n",
            "[model]", "dim = 3", "mode = \"annihilation\"", "particles = 1000", "Z = 1.0",
            "[model.alpha]", "value = 2.0",
            "[time]", "scheme = \"adaptive\"", "macro_over_spacing2 = 0.05", "dt_over_eps2 = 0.01", "tolerance = 1e-5",
            "steps = 1000000",
            "[run]", "seed = 1");

    /**
     * The PDE benchmark of the theory issue: coagulation on the unit 3-torus, Doi kernel, alpha = 2,
     * d(n) = n^(-1/3), a Gaussian start (sigma = 0.1) of total density Z = eps N = 0.05, solved on
     * 64^3 cells with 32 masses to t = 1 with dt = 0.01 (100 Strang steps).
     */
    public static final String THEORY_PDE_3D = String.join("\n",
            "[model]", "dim = 3", "mode = \"coagulation\"", "particles = 50000", "eps = 1e-6",
            "[model.alpha]", "value = 2.0",
            "[model.diffusion]", "type = \"power\"", "coefficient = 1.0", "exponent = -0.3333333333333333",
            "[initial]", "type = \"gaussian\"", "sigma = 0.1", "truncate = 0.45",
            "[time]", "dt = 1e-3", "steps = 1000",
            "[theory]", "grid = 64", "masses = 32", "dt = 0.01", "t_end = 1.0", "outputs = 1", "fields = \"none\"");

    /**
     * The beta-table benchmark: bump kernel in d = 3 (no closed form: every pair is a radial solve),
     * d(n) = n^(-1/3), radii r_n = n^(1/3), 256 masses (32896 distinct pairs).
     */
    public static final String THEORY_BETA_TABLE = String.join("\n",
            "[model]", "dim = 3", "mode = \"coagulation\"", "particles = 1000", "eps = 1e-3",
            "[model.kernel]", "type = \"bump\"",
            "[model.diffusion]", "type = \"power\"", "coefficient = 1.0", "exponent = -0.3333333333333333",
            "[model.radii]", "type = \"power\"", "coefficient = 1.0", "exponent = 0.3333333333333333",
            "[time]", "steps = 1");

    private Workloads() {
    }

    /**
     * @param particles N
     * @return {@link #TORUS_3D} with that N
     */
    public static RunConfig torus3d(int particles) {
        return step(3, "annihilation", particles);
    }

    /**
     * @param particles N
     * @return {@link #ADAPTIVE_Z1} with that N
     */
    public static RunConfig adaptiveZ1(int particles) {
        return ConfigReader.read(ADAPTIVE_Z1, List.of("model.particles=" + particles));
    }

    /**
     * The step workload in another dimension or mode: {@link #TORUS_3D} with {@code model.dim} and
     * {@code model.mode} replaced (phi = 1e-3 fixes eps in every d; d = 2 takes the |log eps| rate
     * factor of docs/model.md).
     *
     * @param dim 2, 3 or 4
     * @param mode "annihilation" or "coagulation"
     * @param particles N
     * @return the config
     */
    public static RunConfig step(int dim, String mode, int particles) {
        return ConfigReader.read(TORUS_3D, List.of("model.dim=" + dim, "model.mode=\"" + mode + "\"", "model.particles=" + particles));
    }
}
