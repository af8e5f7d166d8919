package org.coag.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coag.core.backend.Backend;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.EventSink;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;
import org.coag.core.model.InitialStates;
import org.coag.core.model.ModelException;
import org.coag.core.observe.StateHash;
import org.coag.core.reference.ReferenceBackend;
import org.coag.core.step.EventKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fired pairs applied in parallel rounds ({@code resolve_rounds}) give the reference's events, in
 * the reference's order, and its final state. A dense system (every pair within a quarter of the box)
 * fires many pairs per step that share particles: chains a-b, b-c, c-d in one step, whose later
 * links depend on the earlier ones (a survivor collides again with its new mass, a pair whose
 * partner died is skipped). Caps of 1 and 2 rounds leave long chains to the serial finish; a cap of
 * {@link DeviceResolve#ROUNDS_MAX} resolves them in rounds.
 */
class ResolveRoundsTest {
    private static String dense(String mode, int particles) {
        return String.join("\n", "[model]", "dim = 3", "mode = \"" + mode + "\"", "particles = " + particles, "eps = 0.3",
                "[model.alpha]", "value = 0.2", "[model.radii]", "type = \"power\"", "coefficient = 0.5", "exponent = 0.1", "[time]",
                "dt_over_eps2 = 0.01", "steps = 3", "");
    }

    /** One event as the sink receives it. */
    private record Event(long step, EventKind kind, int idLo, int idHi, int massLo, int massHi, int survivor) {
    }

    /** The events in the order the backend passes them, and the final state's hash. */
    private record Run(List<Event> events, String state) {
    }

    @AfterEach
    void backToTheDevicesChoice() {
        System.clearProperty(DeviceResolve.ROUNDS_PROPERTY);
    }

    @Test
    void roundsGiveTheReferencesEventsInOrderAndFinalState() {
        OpenClTests.devicesOrSkip();
        for (String mode : new String[] {"coagulation", "annihilation"}) {
            RunConfig cfg = ConfigReader.read(dense(mode, 1500), List.of());
            Run ref = run(new ReferenceBackend(), cfg);
            int chains = eventsOfParticlesHitTwice(ref.events());
            System.out.println(mode + ": " + ref.events().size() + " events, " + chains + " of a particle hit earlier in its step");
            assertTrue(chains > 0 || "annihilation".equals(mode), mode + ": the reference has no chain within a step");
            assertTrue(ref.events().size() > 2 * Kernels.TARGET_LOCAL, mode + ": events " + ref.events().size());
            for (int cap : new int[] {1, 2, DeviceResolve.ROUNDS_MAX, 0}) {
                System.setProperty(DeviceResolve.ROUNDS_PROPERTY, Integer.toString(cap));
                Run dev = run(new OpenClBackend(), cfg);
                assertEquals(ref.events(), dev.events(), mode + ", " + cap + " rounds: events and their order");
                assertEquals(ref.state(), dev.state(), mode + ", " + cap + " rounds: final state");
            }
        }
    }

    @Test
    void aNegativeOrNonNumericCapIsRefusedInOneLine() {
        for (String bad : new String[] {"-1", "many"}) {
            System.setProperty(DeviceResolve.ROUNDS_PROPERTY, bad);
            ModelException e = assertThrows(ModelException.class, () -> DeviceResolve.roundsMax("GPU"));
            assertTrue(e.getMessage().contains(DeviceResolve.ROUNDS_PROPERTY) && !e.getMessage().contains("\n"), e.getMessage());
        }
        System.clearProperty(DeviceResolve.ROUNDS_PROPERTY);
        assertEquals(DeviceResolve.ROUNDS_MAX, DeviceResolve.roundsMax("GPU"));
        assertEquals(0, DeviceResolve.roundsMax("CPU"));
    }

    /**
     * @return events of a step whose lower or higher id had an event earlier in the same step: the
     *     survivor of an earlier pair colliding again (coagulation), which the rounds must order
     */
    private static int eventsOfParticlesHitTwice(List<Event> events) {
        Map<Long, List<Integer>> seen = new HashMap<>();
        int again = 0;
        for (Event e : events) {
            List<Integer> ids = seen.computeIfAbsent(e.step(), s -> new ArrayList<>());
            if (ids.contains(e.idLo()) || ids.contains(e.idHi())) {
                again++;
            }
            ids.add(e.idLo());
            ids.add(e.idHi());
        }
        return again;
    }

    private static Run run(Backend backend, RunConfig cfg) {
        long seed = cfg.run().seed();
        List<Event> events = new ArrayList<>();
        EventSink sink = (step, kind, lo, hi, ma, mb, survivor) -> events.add(new Event(step, kind, lo, hi, ma, mb, survivor));
        ParticleState initial = InitialStates.generate(cfg.model(), seed);
        try (Simulation sim = backend.create(cfg.model(), seed, initial, 0, new BackendOptions(1, 0))) {
            sim.advance(cfg.run().steps(), sink);
            ParticleState end = new ParticleState(initial.dim(), Math.max(1, sim.liveCount()));
            sim.readState(end);
            return new Run(events, StateHash.of(end));
        }
    }
}
