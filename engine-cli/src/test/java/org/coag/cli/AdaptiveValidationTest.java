package org.coag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.coag.core.study.Study;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adaptive scheme (issue 8) on the validation cases of survey section 3: torus annihilation in
 * d = 3 with the Doi and the bump kernel, phi = 1e-3, N = 80000, two seeds, to about 1.5 half-lives
 * (about 28000 collisions a seed), finest sub-step 0.01 eps^2, default macro step and tolerance,
 * on the cpu backend. The measured beta must lie within 3 % of the recipe's corrected beta: its
 * statistical error is about 0.9 % (BetaFit's Poisson estimate, two seeds); the time-step bias at
 * this resolution is below 0.5 % for Doi and about +1 % for the bump kernel (whose rate * h reaches
 * 0.15 at its centre; the fixed scheme measures +1.2 +- 0.6 % there too), so 3 % is 3 sigma for Doi
 * and 2 sigma for bump: false-failure odds about 0.3 % and 2 %. Measured: Doi +0.02 %, bump
 * +2.28 %. The naive beta lies 28 % (Doi) and 53 % (bump) away. The agreement with the fixed
 * scheme, measured with four seeds each, is in the README ("Adaptive stepping").
 */
@Tag("validation")
class AdaptiveValidationTest {
    private static final String TORUS_3D = String.join("\n", "[model]", "dim = 3", "mode = \"annihilation\"",
            "particles = 80000", "volume_fraction = 1e-3", "[time]", "scheme = \"adaptive\"", "dt_over_eps2 = 0.01",
            "t_end = 0.0022", "[theory]", "grid = 8", "[study]", "seeds = 2", "observations = 16", "backend = \"cpu\"");

    @TempDir
    Path tmp;

    private double check(String name, String kernel) throws IOException {
        Study.Result r = ValidationTest.study(tmp.resolve(name), TORUS_3D + "\n" + kernel);
        double beta = ValidationTest.measuredBeta(r, 80000);
        System.out.printf("adaptive scheme, %s: beta measured %.4f, corrected theory %.4f, naive %.4f (%+.2f %% from theory)%n", name, beta,
                r.theory().beta11(), r.theory().naive11(), 100 * (beta / r.theory().beta11() - 1));
        assertEquals(r.theory().beta11(), beta, 0.03 * r.theory().beta11());
        assertTrue(beta < 0.85 * r.theory().naive11(), "far from the naive rate");
        return beta;
    }

    @Test
    void doiKernelGivesTheCorrectedBeta() throws IOException {
        check("doi", String.join("\n", "[model.alpha]", "value = 2.0"));
    }

    @Test
    void bumpKernelGivesTheRecipeBeta() throws IOException {
        check("bump", String.join("\n", "[model.kernel]", "type = \"bump\"", "[model.alpha]", "value = 40.0"));
    }
}
