package org.coag.core.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small valid configs that, with the embedded default, make the readers touch every key they
 * accept, so {@link ConfigReference} can record each one. A key added to a reader behind a choice
 * the default does not take needs a variant here that takes it (the reference's test says which).
 */
final class ConfigVariants {
    /** Variant name -> TOML text. */
    static final Map<String, String> ALL = new LinkedHashMap<>();

    static {
        ALL.put("tables and free space", """
                [model]
                mode = "annihilation"
                particles = 200
                eps = 0.002
                [model.kernel]
                type = "table"
                r = [0.0, 0.5, 1.0]
                v = [1.0, 1.0, 0.0]
                [model.alpha]
                type = "table"
                values = [[2.0, 2.0], [2.0, 2.0]]
                [model.diffusion]
                type = "power"
                coefficient = 1.0
                exponent = -0.3333
                [model.radii]
                type = "table"
                values = [0.5, 0.6]
                [domain]
                type = "free"
                [initial]
                type = "ball"
                radius = 0.2
                center = [0.0, 0.0, 0.0]
                [initial.mass]
                type = "table"
                weights = [1.0, 1.0]
                [time]
                dt = 1e-8
                steps = 10
                [observe]
                every_steps = 5
                [observe.snapshots]
                every_steps = 5
                times = [1e-8]
                final = true
                [theory]
                [study]
                particles = [100, 200]
                """);
        ALL.put("equilibrium observables", """
                [model]
                particles = 200
                volume_fraction = 0.1
                [time]
                steps = 10
                [observe.equilibrium]
                every_steps = 5
                from_time = 0.0
                bins = 6
                r_max = 3.0
                masses = 2
                cube_sides = [4.0]
                """);
        ALL.put("adaptive with a macro step and a tolerance", """
                [model]
                mode = "annihilation"
                particles = 200
                Z = 1.0
                b = 1.0
                [model.kernel]
                type = "bump"
                [model.alpha]
                type = "formula"
                expression = "2"
                [model.diffusion]
                type = "table"
                values = [1.0]
                [model.radii]
                type = "power"
                coefficient = 0.5
                exponent = 0.3333
                [initial]
                type = "box"
                half_width = 0.3
                [time]
                scheme = "adaptive"
                macro_dt = 1e-4
                tolerance = 1e-6
                dt_over_eps2 = 0.01
                t_end = 1e-3
                """);
        ALL.put("adaptive with a tolerance load, Gaussian start", """
                [model]
                mode = "annihilation"
                particles = 200
                eps = 0.01
                [model.radii]
                type = "constant"
                [domain]
                type = "free"
                [initial]
                type = "gaussian"
                sigma = 0.05
                [time]
                scheme = "adaptive"
                macro_over_spacing2 = 0.05
                tolerance_load = 0.1
                t_end = 1e-3
                """);
        ALL.put("adaptive study (the tolerance load's default)", """
                [model]
                mode = "annihilation"
                particles = 200
                volume_fraction = 1e-3
                [time]
                scheme = "adaptive"
                t_end = 1e-3
                [study]
                """);
        ALL.put("lattice, Bernoulli start", """
                [model]
                space = "lattice"
                dim = 2
                [model.lattice]
                side = 8
                boundary = "reflecting"
                start = "bernoulli"
                occupation = 0.5
                [time]
                scheme = "exact"
                dt = 0.5
                steps = 4
                """);
        ALL.put("lattice, instantaneous, one site", """
                [model]
                space = "lattice"
                dim = 1
                particles = 10
                [model.lattice]
                side = 4
                coalescence = "instantaneous"
                start = "one_site"
                [time]
                t_end = 2.0
                """);
        ALL.put("lattice study over the side L", """
                [model]
                space = "lattice"
                [model.lattice]
                side = 8
                [time]
                t_end = 4.0
                [study]
                sides = [4, 8]
                """);
        ALL.put("fragmentation, dual rule with a table", """
                [model]
                particles = 200
                eps = 0.01
                [model.fragmentation]
                rule = "dual"
                [model.fragmentation.equilibrium]
                type = "table"
                values = [0.5, 0.2, 0.1]
                [time]
                steps = 10
                """);
        ALL.put("fragmentation, given rates as a power law", """
                [model]
                particles = 200
                eps = 0.01
                [model.fragmentation]
                rule = "rate"
                [model.fragmentation.rate]
                type = "power"
                coefficient = 2.0
                exponent = 1.0
                [time]
                steps = 10
                """);
        ALL.put("fragmentation, dual rule, constant and power", """
                [model]
                particles = 200
                eps = 0.01
                [model.fragmentation]
                rule = "dual"
                [model.fragmentation.equilibrium]
                type = "power"
                coefficient = 0.5
                exponent = -1.5
                [time]
                steps = 10
                """);
        ALL.put("density modes", """
                [model]
                particles = 200
                eps = 0.01
                fragmentation = { rule = "dual", equilibrium = { value = 0.3 } }
                [time]
                steps = 10
                [observe.density_modes]
                mass = 2
                from_time = 0.0
                """);
        ALL.put("fragmentation, given constant rates", """
                [model]
                particles = 200
                eps = 0.01
                [model.fragmentation]
                rule = "rate"
                [model.fragmentation.rate]
                type = "table"
                values = [1.0, 1.0, 1.0]
                [time]
                steps = 10
                """);
        ALL.put("fragmentation, constants", """
                [model]
                particles = 200
                eps = 0.01
                fragmentation = { rule = "dual", equilibrium = { value = 0.3 } }
                [time]
                steps = 10
                """);
        ALL.put("fragmentation, constant rate", """
                [model]
                particles = 200
                eps = 0.01
                fragmentation = { rule = "rate", rate = { value = 0.3 } }
                [time]
                steps = 10
                """);
    }

    private ConfigVariants() {
    }
}
