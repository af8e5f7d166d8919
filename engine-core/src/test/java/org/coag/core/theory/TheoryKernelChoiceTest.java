package org.coag.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coag.core.config.ConfigReader;
import org.junit.jupiter.api.Test;

/**
 * theory.kernel: "recipe" gives the ODE/PDE the beta of the model at its eps (the finite-N
 * prediction), "recipe_limit" its eps -> 0 limit. For P_{N,b} with b < 1 they differ: the limit is
 * the naive alpha integral(V) = 2 * 4 pi / 3 (Doi kernel, d = 3, alpha = 2), the finite value is
 * (alpha / lambda) times the Doi closed form at strength lambda = alpha eps^((d-2)(1-b)),
 * 4 pi D (1 - tanh k / k) with k = sqrt(lambda / D), D = 2.
 */
class TheoryKernelChoiceTest {
    private static final String CONFIG = """
            [model]
            dim = 3
            mode = "annihilation"
            particles = 1000
            eps = 1e-3
            b = 0.8
            [model.alpha]
            value = 2.0
            [time]
            steps = 1
            [theory]
            masses = 2
            """;

    @Test
    void recipeIsTheFiniteEpsValueAndRecipeLimitTheNaiveLimit() {
        double lambda = 2.0 * Math.pow(1e-3, 0.2);
        double k = Math.sqrt(lambda / 2.0);
        double finite = 2.0 / lambda * 4 * Math.PI * 2.0 * (1 - Math.tanh(k) / k);
        double naive = 2.0 * 4 * Math.PI / 3;

        TheoryProblem recipe = TheoryProblem.of(ConfigReader.read(CONFIG, List.of()));
        TheoryProblem limit = TheoryProblem.of(ConfigReader.read(CONFIG, List.of("theory.kernel=\"recipe_limit\"")));
        assertEquals(finite, recipe.kernel().at(1, 1), 1e-9 * finite);
        assertEquals(naive, limit.kernel().at(1, 1), 1e-12 * naive);
        assertTrue(finite < 0.95 * naive, "the finite-eps correction (9 %) is visible at this eps: " + finite + " vs " + naive);
        assertTrue(limit.kernel().describe().contains("limit"), limit.kernel().describe());
        assertTrue(recipe.describe().contains("limit eps -> 0"), recipe.describe());
    }
}
