package org.coag.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.Workloads;
import org.coag.core.model.ModelSpec;
import org.junit.jupiter.api.Test;

/** The start-of-run budget's tolerance load and the warning it raises. */
class DiagnosticsTest {
    private static Diagnostics regime(int particles, String tolerance) {
        ModelSpec spec = ConfigReader.read(Workloads.ADAPTIVE_Z1,
                List.of("model.particles=" + particles, "time.tolerance=" + tolerance)).model();
        return Diagnostics.of(spec);
    }

    /**
     * In the Z = 1 regime (Doi kernel: rate alpha eps^-2 inside the ball of radius eps, alpha = 2,
     * unit torus) the naive events of macro step 1 are N^2 / 2 x alpha (4 pi / 3) eps dt = N (4 pi / 3) dt
     * with eps = 1/N, so the load tol x N / events is tol / ((4 pi / 3) dt), dt = 0.05 l^2 / 2 and
     * l = N^(-1/3): 0.955 at N = 1e6 and 0.206 at N = 1e5 for tolerance 1e-5.
     */
    @Test
    void toleranceLoadIsTheToleranceOverTheEventsPerParticleOfAMacroStep() {
        for (int n : new int[] {100_000, 1_000_000}) {
            Diagnostics d = regime(n, "1e-5");
            double dt = 0.025 * Math.pow(n, -2.0 / 3);
            assertEquals(dt, d.dt(), dt * 1e-12);
            assertEquals(1e-5 / (4 * Math.PI / 3 * dt), d.toleranceLoad(), 1e-9, "N = " + n);
        }
    }

    @Test
    void warnsOnlyWhereTheLoadIsNotSmall() {
        Diagnostics million = regime(1_000_000, "1e-5");
        assertTrue(million.toleranceLoad() > Diagnostics.TOLERANCE_LOAD_WARNING);
        String warning = million.toleranceWarning();
        assertNotNull(warning);
        assertTrue(warning.contains("time.tolerance 1.00e-05") && warning.contains("0.955"), warning);
        assertNull(regime(100_000, "1e-5").toleranceWarning());
        assertNull(regime(1_000_000, "1e-7").toleranceWarning());
        ModelSpec fixed = ConfigReader.read(Workloads.TORUS_3D, List.of()).model();
        assertEquals(0.0, Diagnostics.of(fixed).toleranceLoad());
        assertNull(Diagnostics.of(fixed).toleranceWarning());
    }
}
