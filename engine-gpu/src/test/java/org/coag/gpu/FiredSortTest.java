package org.coag.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coag.core.backend.Backend;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.Simulation;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;
import org.coag.core.model.InitialStates;
import org.coag.core.observe.EventRecorder;
import org.coag.core.reference.ReferenceBackend;
import org.junit.jupiter.api.Test;

/**
 * The device sorts a step's fired pairs with a bitonic sort in local memory when they are at most
 * {@link DeviceResolve#SORT_LOCAL_MAX}, and with a merge sort on one work item beyond: both give the
 * reference's event log. A dense system (every pair within a quarter of the box) fires many pairs in
 * its first step: more than a work group with 2000 particles, more than SORT_LOCAL_MAX with 12000.
 */
class FiredSortTest {
    private static String dense(int particles) {
        return String.join("\n", "[model]", "dim = 3", "mode = \"coagulation\"", "particles = " + particles, "eps = 0.3",
                "[model.alpha]", "value = 0.2", "[model.radii]", "type = \"power\"", "coefficient = 0.5", "exponent = 0.1", "[time]",
                "dt_over_eps2 = 0.002", "steps = 1", "");
    }

    @Test
    void fewAndManyFiredPairsGiveTheReferencesEventLog() {
        OpenClTests.devicesOrSkip();
        long[] events = new long[2];
        int[] particles = {2000, 12000};
        for (int k = 0; k < particles.length; k++) {
            RunConfig cfg = ConfigReader.read(dense(particles[k]), List.of());
            EventRecorder ref = run(new ReferenceBackend(), cfg);
            EventRecorder dev = run(new OpenClBackend(), cfg);
            assertEquals(ref.events(), dev.events(), particles[k] + " particles");
            assertEquals(ref.sha256(), dev.sha256(), particles[k] + " particles: event log");
            events[k] = ref.events();
        }
        assertTrue(events[0] > Kernels.TARGET_LOCAL, "a sort in local memory over more than one work group's items: " + events[0]);
        assertTrue(events[1] > DeviceResolve.SORT_LOCAL_MAX, "the serial sort beyond SORT_LOCAL_MAX fired pairs: " + events[1]);
    }

    private static EventRecorder run(Backend backend, RunConfig cfg) {
        long seed = cfg.run().seed();
        EventRecorder rec = new EventRecorder(null);
        try (Simulation sim = backend.create(cfg.model(), seed, InitialStates.generate(cfg.model(), seed), 0, new BackendOptions(1, 0))) {
            sim.advance(cfg.run().steps(), rec);
        }
        return rec;
    }
}
