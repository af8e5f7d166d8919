package org.coag.core.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.conformance.ConformanceCase;
import org.coag.core.config.RunConfig;
import org.coag.core.model.InitialStates;
import org.coag.core.observe.EventRecorder;
import org.coag.core.observe.StateHash;
import org.junit.jupiter.api.Test;

/**
 * Contract 1 for the adaptive scheme within the reference: a coagulating run with redraws gives the
 * recorded conformance hashes whatever the slot order of its input and however its macro steps are
 * batched (bridge nodes are keyed by id, candidate decisions and event order by ids and times).
 */
class AdaptiveOrderTest {
    @Test
    void reversedSlotsAndBatchedStepsGiveTheRecordedHashes() {
        String name = "adaptive-coag-power-radii-3d";
        RunConfig cfg = ConformanceCase.config(name);
        ConformanceCase expected = ConformanceCase.all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        ParticleState init = InitialStates.generate(cfg.model(), cfg.run().seed());
        for (int i = 0, j = init.count() - 1; i < j; i++, j--) {
            ReferencePhysicsTest.swap(init, i, j);
        }
        EventRecorder rec = new EventRecorder(null);
        ParticleState end = new ParticleState(cfg.model().dim(), cfg.model().particles());
        try (Simulation sim = new ReferenceBackend().create(cfg.model(), cfg.run().seed(), init, 0)) {
            for (long done = 0; done < cfg.run().steps(); done += 7) {
                sim.advance(Math.min(7, cfg.run().steps() - done), rec);
            }
            sim.readState(end);
        }
        assertEquals(expected.events(), rec.events());
        assertEquals(expected.eventLog(), rec.sha256());
        assertEquals(expected.finalState(), StateHash.of(end));
    }
}
