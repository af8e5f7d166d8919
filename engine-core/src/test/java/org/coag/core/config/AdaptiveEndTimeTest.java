package org.coag.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An adaptive run given by time.t_end ends there: its macro step is the nominal one (here
 * macro_dt) shortened to t_end / K, K = ceil(t_end / nominal); a run given by time.steps keeps the
 * nominal step.
 */
class AdaptiveEndTimeTest {
    private static final String BASE = """
            [model]
            dim = 3
            mode = "annihilation"
            particles = 1000
            volume_fraction = 1e-3
            [model.alpha]
            value = 2.0
            [time]
            scheme = "adaptive"
            dt_over_eps2 = 0.05
            macro_dt = 3.0e-5
            """;

    @Test
    void aRunGivenByItsEndTimeEndsThereExactly() {
        for (double tEnd : new double[] {0.00365, 0.001, 3.0e-5 * 7, 0.1}) {
            RunConfig c = ConfigReader.read(BASE + "t_end = " + tEnd + "\n", List.of());
            long k = (long) Math.ceil(tEnd / 3.0e-5 * (1 - 1e-12));
            assertEquals(k, c.run().steps(), "t_end " + tEnd);
            assertEquals(tEnd, c.run().steps() * c.model().dt(), Math.ulp(tEnd) * 4, "t_end " + tEnd);
            assertTrue(c.model().dt() <= 3.0e-5 && c.model().dt() > 3.0e-5 * k / (k + 1.0), "t_end " + tEnd);
        }
    }

    @Test
    void aRunGivenByItsStepCountKeepsTheNominalMacroStep() {
        RunConfig c = ConfigReader.read(BASE + "steps = 5\n", List.of());
        assertEquals(3.0e-5, c.model().dt());
        assertEquals(5, c.run().steps());
    }

    @Test
    void theSpacingRuleIsShortenedTheSameWay() {
        String spacing = BASE.replace("macro_dt = 3.0e-5", "macro_over_spacing2 = 0.05");
        double nominal = ConfigReader.read(spacing + "steps = 1\n", List.of()).model().dt();
        RunConfig c = ConfigReader.read(spacing + "t_end = 0.0123\n", List.of());
        assertEquals((long) Math.ceil(0.0123 / nominal), c.run().steps());
        assertEquals(0.0123, c.run().steps() * c.model().dt(), Math.ulp(0.0123) * 4);
    }
}
