package org.coag.bench;

import java.util.List;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;

/** The benchmark workloads, as configs any user can also run with {@code coag run}. */
public final class Workloads {
    /**
     * The step benchmark of the CPU issue: d = 3 unit torus, Doi kernel, alpha = 2, d(1) = 1,
     * annihilation, phi = 1e-3, dt = 0.01 eps^2, uniform start.
     */
    public static final String TORUS_3D = String.join("\n",
            "[model]", "dim = 3", "mode = \"annihilation\"", "particles = 1000", "volume_fraction = 1e-3",
            "[model.alpha]", "value = 2.0",
            "[time]", "dt_over_eps2 = 0.01", "steps = 1000000",
            "[run]", "seed = 1");

    private Workloads() {
    }

    /**
     * @param particles N
     * @return {@link #TORUS_3D} with that N
     */
    public static RunConfig torus3d(int particles) {
        return ConfigReader.read(TORUS_3D, List.of("model.particles=" + particles));
    }
}
