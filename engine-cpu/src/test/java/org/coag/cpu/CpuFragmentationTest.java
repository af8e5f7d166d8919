package org.coag.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.config.ConfigReader;
import org.coag.core.io.Checkpoint;
import org.coag.core.model.InitialStates;
import org.coag.core.model.ModelSpec;
import org.coag.core.observe.EventRecorder;
import org.coag.core.observe.StateHash;
import org.coag.core.reference.ReferenceBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fragmentation on the cpu backend against the reference, in the default test JVM (CpuConformanceTest
 * runs the frag-* conformance cases at every width): a state large enough that every phase is handed
 * to the worker threads, at 1, 2, 3 and 7 threads; and a checkpoint and resume through the cpu
 * backend, which must carry the next id.
 */
class CpuFragmentationTest {
    /** 3000 particles, theta = 1/2 (f*_n = rho / 2): many splits per step from the first steps on. */
    private static final String CONFIG = """
            [model]
            dim = 3
            particles = 3001
            volume_fraction = 0.1
            alpha = { value = 5.0 }
            fragmentation = { rule = "dual", equilibrium = { value = 1.0 } }
            [time]
            dt_over_eps2 = 0.05
            steps = 10
            """;

    @TempDir
    Path tmp;

    private static ModelSpec spec() {
        double rho = ConfigReader.read(CONFIG, List.of()).model().initialDensity();
        return ConfigReader.read(CONFIG, List.of("model.fragmentation.equilibrium.value=" + rho / 2)).model();
    }

    private record Run(String events, String state, int nextId, long count) {
    }

    private static Run run(Simulation sim, int steps) {
        EventRecorder events = new EventRecorder(null);
        sim.advance(steps, events);
        ParticleState end = new ParticleState(3, 1);
        sim.readState(end);
        sim.close();
        return new Run(events.sha256(), StateHash.of(end), end.nextId(), events.events());
    }

    @Test
    void threadedRunsMatchTheReference() {
        ModelSpec spec = spec();
        assertTrue(spec.particles() >= WorkerPool.INLINE_BELOW, "the phases must go to the threads");
        ParticleState init = InitialStates.generate(spec, 11);
        Run reference = run(new ReferenceBackend().create(spec, 11, init, 0), 200);
        assertTrue(reference.nextId() > spec.particles() + 100, "too few splits to test anything: " + (reference.nextId() - spec.particles()));
        for (int threads : new int[] {1, 2, 3, 7}) {
            Run cpu = run(new CpuBackend().create(spec, 11, init, 0, new BackendOptions(threads, 0)), 200);
            assertEquals(reference, cpu, "threads = " + threads);
        }
    }

    /** 120 steps, checkpoint, read back, resume 120 on the cpu backend: the reference's 240 in one go. */
    @Test
    void checkpointAndResumeCarryTheNextId() throws IOException {
        ModelSpec spec = spec();
        ParticleState init = InitialStates.generate(spec, 5);
        Simulation whole = new ReferenceBackend().create(spec, 5, init, 0);
        EventRecorder wholeEvents = new EventRecorder(null);
        whole.advance(240, wholeEvents);
        ParticleState end = new ParticleState(3, 1);
        whole.readState(end);

        EventRecorder split = new EventRecorder(null);
        Simulation first = new CpuBackend().create(spec, 5, init, 0, new BackendOptions(2, 0));
        first.advance(120, split);
        ParticleState mid = new ParticleState(3, 1);
        first.readState(mid);
        first.close();
        assertTrue(mid.nextId() > spec.particles(), "splits before the checkpoint");
        Path file = tmp.resolve("checkpoint.bin");
        new Checkpoint("x", 120, 0, 0, mid, 0, 0, 0, Map.of(), List.of()).write(file);
        ParticleState restored = Checkpoint.read(file, spec.particles()).state();
        assertEquals(mid.nextId(), restored.nextId());
        Simulation second = new CpuBackend().create(spec, 5, restored, 120, new BackendOptions(3, 0));
        second.advance(120, split);
        ParticleState resumed = new ParticleState(3, 1);
        second.readState(resumed);
        second.close();
        assertEquals(wholeEvents.sha256(), split.sha256());
        assertEquals(StateHash.of(end), StateHash.of(resumed));
        assertEquals(end.nextId(), resumed.nextId());
        assertNull(new CpuBackend().unsupported(spec), "the cpu backend runs fragmentation");
    }
}
