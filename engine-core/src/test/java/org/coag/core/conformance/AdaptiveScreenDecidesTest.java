package org.coag.core.conformance;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.RunFingerprint;
import org.coag.core.reference.ReferenceBackend;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite guards the adaptive scheme's screen only if some config's events depend on
 * the screen's decisions: the other adaptive configs give the same hashes at far smaller
 * tolerances, so a backend whose candidate search or bound differed from the reference's could
 * pass them. {@code adaptive-z1-loose-tolerance-coag-3d} must change when the tolerance does. The
 * comparison is deterministic (one seed, the same endpoints and bridge nodes in both runs; only the
 * intervals left alone differ): at tolerance 1e-9 the screen refines every interval the looser one
 * leaves alone, so events the looser one misses appear, or the looser run would match it exactly.
 */
class AdaptiveScreenDecidesTest {
    private static final String CASE = "adaptive-z1-loose-tolerance-coag-3d";

    @Test
    void theLooseToleranceConfigsEventsDependOnTheScreen() {
        RunFingerprint loose = ConformanceCase.run(CASE, new ReferenceBackend(), BackendOptions.DEFAULTS);
        RunFingerprint tight = ConformanceCase.run(ConformanceCase.config(CASE, List.of("time.tolerance=1e-9")),
                new ReferenceBackend(), BackendOptions.DEFAULTS);
        assertTrue(loose.events() >= 100, "enough events to mean anything: " + loose.events());
        assertNotEquals(tight.eventLog(), loose.eventLog(), "the screen's decisions must change this config's events");
        assertTrue(tight.events() > loose.events(), "the looser screen misses collisions: " + loose.events() + " vs " + tight.events());
    }
}
