package org.coag.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.coag.core.model.Stepping;
import org.junit.jupiter.api.Test;

/**
 * time.tolerance_load: the per-pair tolerance that keeps tolerance x N / E_1 fixed (E_1 the
 * events expected in the first macro step), so the share of events the screen misses does not grow
 * with N; the default in a study.
 */
class ToleranceLoadTest {
    private static final String Z1 = """
            [model]
            dim = 3
            mode = "annihilation"
            particles = 10000
            Z = 1.0
            [model.alpha]
            value = 2.0
            [time]
            scheme = "adaptive"
            dt_over_eps2 = 0.01
            steps = 10
            """;

    /**
     * Closed form in the Z = 1 torus regime (d = 3, Doi kernel, alpha = 2, unit box): E_1 =
     * N^2 / 2 * alpha eps^-2 * |B_1| eps^3 * dt = N alpha |B_1| dt / 2 with eps = 1/N, so the
     * tolerance L E_1 / N = L (4 pi / 3) dt, independent of N apart from dt.
     */
    @Test
    void theToleranceIsTheLoadTimesTheEventsPerParticleOfTheFirstMacroStep() {
        for (int n : new int[] {1_000, 10_000, 100_000, 1_000_000}) {
            ModelSpec s = ConfigReader.read(Z1, List.of("model.particles=" + n, "time.tolerance_load=0.05")).model();
            double expected = 0.05 * 4 * Math.PI / 3 * s.dt();
            assertEquals(expected, s.stepping().tolerance(), 1e-12 * expected, "N = " + n);
        }
    }

    @Test
    void aStudyDefaultsToTheLoadARunToTheFixedTolerance() {
        ModelSpec run = ConfigReader.read(Z1, List.of()).model();
        assertEquals(Stepping.DEFAULT_TOLERANCE, run.stepping().tolerance());
        RunConfig study = ConfigReader.read(Z1 + "[study]\nparticles = [10000]\n", List.of());
        double expected = Stepping.STUDY_TOLERANCE_LOAD * 4 * Math.PI / 3 * study.model().dt();
        assertEquals(expected, study.model().stepping().tolerance(), 1e-12 * expected);
        assertTrue(study.resolvedToml().contains("tolerance_load"), "the resolved config records the load it used");
        RunConfig given = ConfigReader.read(Z1 + "[study]\nparticles = [10000]\n", List.of("time.tolerance=1e-7"));
        assertEquals(1e-7, given.model().stepping().tolerance(), "an explicit tolerance wins in a study too");
    }

    @Test
    void misuseIsOneLine() {
        String both = Z1.replace("steps = 10\n", "steps = 10\ntolerance = 1e-6\ntolerance_load = 0.1\n");
        assertTrue(assertThrows(ModelException.class, () -> ConfigReader.read(both, List.of()))
                .getMessage().contains("either time.tolerance or time.tolerance_load"));
        assertEquals(1e-6, ConfigReader.read(Z1, List.of("time.tolerance_load=0.1", "time.tolerance=1e-6")).model().stepping().tolerance(),
                "on the command line the last of the two wins");
        assertTrue(assertThrows(ModelException.class, () -> ConfigReader.read(Z1, List.of("time.scheme=\"fixed\"", "time.tolerance_load=0.1")))
                .getMessage().contains("belongs to the adaptive scheme"));
        assertTrue(assertThrows(ModelException.class, () -> ConfigReader.read(Z1, List.of("time.tolerance_load=1e9")))
                .getMessage().contains("outside (0, 1)"));
    }
}
