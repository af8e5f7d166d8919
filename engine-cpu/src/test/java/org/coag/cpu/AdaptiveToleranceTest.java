package org.coag.cpu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.Backends;
import org.coag.core.backend.EventSink;
import org.coag.core.backend.Simulation;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;
import org.coag.core.config.Workloads;
import org.coag.core.model.InitialStates;
import org.junit.jupiter.api.Test;

/**
 * The tolerance of the adaptive scheme bounds a missed collision per pair and macro step, and the
 * misses add up over the many pairs screened per event: the Z = 1 regime's settings
 * ({@link Workloads#ADAPTIVE_Z1}, as in examples/adaptive-regime-z1.toml) must give the events of a
 * far smaller tolerance. Both runs are one realisation (same seed, so the same endpoints and bridge
 * nodes): the counts differ only by the collisions the looser tolerance misses and their
 * consequences, so the comparison is deterministic, not statistical.
 * N = 20000 to t = 0.03 (about 1500 events); measured when written (tolerance shared among a
 * pair's intervals, {@code IntervalBudget}): 1510 events at 1e-5, 1e-6 and 1e-8, 1496 at 1e-4,
 * 1408 at 1e-3. (When the tolerance applied to each interval, 1e-4 gave 1486 and, at macro step
 * 0.1 l^2 / 2, 1e-3 gave 22 % fewer than 1e-7.)
 */
class AdaptiveToleranceTest {
    private static final int PARTICLES = 20_000;
    private static final double T_END = 0.03;

    /** @param tolerance the tolerance to run with, or null for the regime settings' own */
    private static long events(String tolerance) {
        List<String> overrides = tolerance == null ? List.of("model.particles=" + PARTICLES)
                : List.of("model.particles=" + PARTICLES, "time.tolerance=" + tolerance);
        RunConfig cfg = ConfigReader.read(Workloads.ADAPTIVE_Z1, overrides);
        long[] count = new long[1];
        EventSink sink = (step, kind, lo, hi, massLo, massHi, survivor) -> count[0]++;
        try (Simulation sim = Backends.find("cpu").create(cfg.model(), 1, InitialStates.generate(cfg.model(), 1), 0, new BackendOptions(2, 0))) {
            sim.advance(Math.round(T_END / cfg.model().dt()), sink);
        }
        return count[0];
    }

    @Test
    void theRegimeToleranceMissesNoMeasurableShareOfTheEvents() {
        long regime = events(null);
        long tight = events("1e-8");
        assertTrue(tight > 1000, "enough events to mean anything: " + tight);
        assertTrue(regime >= tight * 0.997, "regime tolerance: " + regime + " events, tolerance 1e-8: " + tight);
        long loose = events("1e-4");
        assertTrue(loose < tight * 0.995, "the test must be able to see misses: 1e-4 gave " + loose + ", 1e-8 " + tight);
    }
}
