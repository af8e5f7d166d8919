package org.coag.core.observe.equilibrium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;
import org.coag.core.io.Json;
import org.coag.core.model.ModelSpec;
import org.coag.core.run.RunControl;
import org.coag.core.run.RunDirectory;
import org.coag.core.run.RunDriver;
import org.coag.core.run.RunListener;
import org.coag.core.theory.BetaRecipe;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The equilibrium observables of runs through the run driver on the reference backend, d = 3 unit
 * torus, Doi kernel, alpha = 1, d(n) = 1, dt = 0.01 eps^2, N = 4000 particles at the start, volume
 * fraction 0.1 (eps = 0.0181).
 *
 * <p><b>At equilibrium.</b> The start is the equilibrium: positions independent and uniform, masses
 * independent with P(n) = 2^-n (n &lt;= 12), and the dual rule with f*_n = a = sigma N / |L| (sigma =
 * eps), whose equilibrium f_n = a theta^n with sum_n n f_n = 2 a has theta = 1/2 and intensities
 * c_n = N 2^-n / |L|: the start's means. After a burn-in of 500 steps the run observes every 200
 * steps (t = 2 eps^2: each coordinate of a particle moves 2 eps rms, a pair's separation 2.8 eps, so
 * close pairs and the counts in cubes of side 2 eps are renewed between observations) to step 8500:
 * 41 observations. There the pair correlation of mass 1 inside the range must be 1,
 * |g_11 - 1| &lt; 4 sigma with sigma its Poisson error (pair counts inside a ball are Poisson up to the
 * triples that share a particle, which raise their variance by about 2 N_1 |B| / |L| = 10 %, so z
 * &lt; 4 is z &lt; 3.8 in true standard deviations: false-failure odds 1.4e-4), and the dispersion index
 * of the counts in cubes of side 2 eps (28^3 cubes), per mass 1, 2, 3 and in all, must be 1 within
 * 4 of its standard errors under the Poisson hypothesis (four indices: odds below 4 * 6.3e-5, if the
 * observations are independent; the test also asks that the spread between observations give
 * errors within a factor 1.5 of that null error).
 *
 * <p><b>Pure coagulation.</b> The same start without fragmentation, 10 seeds, each observed from
 * step 150 (t = 1.5 eps^2; the depletion forms within t ~ eps^2 / D, D = 2) every 100 steps to
 * step 1450 (14 observations each, the separation of a pair moves 2 eps rms between them; mass 1
 * disappears fast, so later observations add few pairs), shows the repulsion of coagulation: the
 * pooled g_11 inside the range is below 1 by more than 3 Poisson errors (5 seeds gave 0.869 +- 0.027
 * from 1045 pairs, z = -4.9; 10 seeds double the pairs, an expected z near -6.8, so missing the
 * bound has odds near P(Z &gt; 3.8) = 1e-4), and within 4 errors
 * of the quasi-steady prediction 1 - u averaged over the ball, beta / naive beta from the recipe.
 *
 * <p>The seeds are fixed, so the test is deterministic; the odds above are those of a correct code
 * failing for a seed chosen at random.
 */
@Tag("validation")
class EquilibriumObservablesValidationTest {
    private static final double Z_EQUILIBRIUM = 4;
    private static final double Z_DEPLETION = 3;
    private static final double Z_PREDICTED = 4;
    private static final int PURE_SEEDS = 10;

    @TempDir
    Path tmp;

    private static String config(boolean fragmentation, long steps, long everySteps, double fromTime) {
        StringBuilder weights = new StringBuilder();
        for (int n = 1; n <= 12; n++) {
            weights.append(n > 1 ? ", " : "").append(Math.pow(0.5, n));
        }
        String base = """
                [model]
                dim = 3
                particles = 4000
                volume_fraction = 0.1
                [initial.mass]
                type = "table"
                weights = [%s]
                [time]
                dt_over_eps2 = 0.01
                steps = %d
                [observe]
                every_steps = 1000
                [observe.equilibrium]
                every_steps = %d
                from_time = %s
                masses = 3
                cube_sides = [2.0]
                [run]
                backend = "reference"
                seed = 7
                """.formatted(weights, steps, everySteps, Double.toString(fromTime));
        if (!fragmentation) {
            return base;
        }
        double a = ConfigReader.read(base, List.of()).model().initialDensity();
        return base + "[model.fragmentation]\nrule = \"dual\"\nequilibrium = { value = " + a + " }\n";
    }

    private JsonNode run(String name, String config) throws IOException {
        RunConfig cfg = ConfigReader.read(config, List.of());
        Map<String, Object> summary = new RunDriver(cfg, RunDirectory.create(tmp.resolve(name), false), new RunControl(), RunListener.SILENT)
                .run(false).summary();
        JsonNode json = Json.MAPPER.readTree(tmp.resolve(name).resolve(EquilibriumObservables.JSON).toFile());
        assertEquals(((Number) summary.get("g_inside_1_1")).doubleValue(), json.get("pair_correlation").get("1-1").get("inside_range").get("g").asDouble());
        return json;
    }

    @Test
    void poissonAtTheDualEquilibriumAndDepletedUnderPureCoagulation() throws IOException {
        double dt = ConfigReader.read(config(false, 1, 1, 0), List.of()).model().dt();
        JsonNode eq = run("equilibrium", config(true, 8500, 200, 500 * dt));
        assertEquals(41, eq.get("observations").asInt());
        JsonNode g11 = eq.get("pair_correlation").get("1-1").get("inside_range");
        double z = (g11.get("g").asDouble() - 1) / g11.get("g_error").asDouble();
        System.out.printf("dual equilibrium: g_11(r < eps) = %.4f +- %.4f (z = %+.2f, %d pairs)%n", g11.get("g").asDouble(),
                g11.get("g_error").asDouble(), z, g11.get("pairs").asLong());
        for (String pair : List.of("1-2", "2-2", "all")) {
            JsonNode g = eq.get("pair_correlation").get(pair).get("inside_range");
            System.out.printf("dual equilibrium: g_%s(r < eps) = %.4f +- %.4f%n", pair, g.get("g").asDouble(), g.get("g_error").asDouble());
        }
        assertTrue(Math.abs(z) < Z_EQUILIBRIUM, "g_11 inside the range at equilibrium: z = " + z);
        JsonNode grid = eq.get("count_variance").get(0);
        for (String mass : List.of("1", "2", "3", "all")) {
            JsonNode d = grid.get("by_mass").get(mass);
            double ratio = d.get("variance_over_mean").asDouble();
            double error = d.get("error").asDouble();
            double observed = d.get("error_observed").asDouble();
            double zd = (ratio - 1) / error;
            System.out.printf("dual equilibrium: cubes of side %.3f eps, mass %s: variance / mean = %.4f +- %.4f (z = %+.2f; "
                    + "error from the spread %.4f; %.3f particles per cube)%n", grid.get("side").asDouble(), mass, ratio, error, zd,
                    observed, d.get("mean_count").asDouble());
            assertTrue(Math.abs(zd) < Z_EQUILIBRIUM, "count variance / mean of mass " + mass + ": z = " + zd);
            assertTrue(observed < 1.5 * error && observed > error / 1.5, "the observations are not independent: spread error "
                    + observed + " against " + error);
        }

        String pureConfig = config(false, 1500, 100, 150 * dt);
        double pairs = 0;
        double poisson = 0;
        for (int seed = 1; seed <= PURE_SEEDS; seed++) {
            JsonNode c11 = run("pure-" + seed, pureConfig.replace("seed = 7", "seed = " + seed)).get("pair_correlation").get("1-1")
                    .get("inside_range");
            pairs += c11.get("pairs").asDouble();
            poisson += c11.get("expected").asDouble();
        }
        double g = pairs / poisson;
        double error = Math.sqrt(pairs) / poisson;
        ModelSpec spec = ConfigReader.read(pureConfig, List.of()).model();
        BetaRecipe recipe = BetaRecipe.of(spec);
        double predicted = recipe.at(1, 1) / recipe.naive(1, 1);
        System.out.printf("pure coagulation: g_11(r < eps) = %.4f +- %.4f (z = %+.2f, %d pairs); 1 - u averaged over the ball = "
                + "beta / naive beta = %.4f%n", g, error, (g - 1) / error, (long) pairs, predicted);
        assertTrue((g - 1) / error < -Z_DEPLETION, "pure coagulation shows no depletion of g_11 inside the range: " + g + " +- " + error);
        assertTrue(Math.abs(g - predicted) / error < Z_PREDICTED, "pure coagulation: g_11 = " + g + " +- " + error + " against 1 - u = " + predicted);
    }
}
