package org.coag.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coag.core.backend.EventSink;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.config.ConfigReader;
import org.coag.core.io.Checkpoint;
import org.coag.core.model.InitialStates;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.coag.core.observe.EventRecorder;
import org.coag.core.observe.StateHash;
import org.coag.core.reference.ReferenceBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fragmentation in the reference fixed step: ids, placement, mass, checkpoint and resume, refusals. */
class FragmentationRunTest {
    static final String CONFIG = """
            [model]
            dim = %d
            particles = 400
            volume_fraction = 0.1
            alpha = { value = 5.0 }
            fragmentation = { rule = "dual", equilibrium = { value = %s } }
            [domain]
            type = "%s"
            [time]
            dt_over_eps2 = 0.05
            steps = 10
            """;

    @TempDir
    Path tmp;

    /**
     * The dual rule with f*_n = rho / 2, rho the mass density: the equilibrium has theta = 1/2 (in
     * free space 400 rho / 2, so that the dilute cloud still splits often).
     */
    static ModelSpec spec(int dim, String domain) {
        String text = String.format(CONFIG, dim, "1.0", domain);
        if (domain.equals("free")) {
            text = text.replace("volume_fraction = 0.1", "volume_fraction = " + 0.1 / Math.pow(4, dim))
                    .replace("type = \"free\"", "type = \"free\"\nside = 4.0") + "[initial]\ntype = \"box\"\nhalf_width = 0.1\n";
        }
        double rho = ConfigReader.read(text, List.of()).model().initialDensity() * (domain.equals("free") ? 400 : 1);
        return ConfigReader.read(text, List.of("model.fragmentation.equilibrium.value=" + rho / 2)).model();
    }

    record Event(long step, EventKind kind, int idLo, int idHi, int massLo, int massHi) {
    }

    /** Runs and collects the events, checking mass conservation after every step. */
    static List<Event> run(ModelSpec spec, Simulation sim, int steps, long mass) {
        List<Event> events = new ArrayList<>();
        EventSink sink = (step, kind, lo, hi, ml, mh, survivor) -> events.add(new Event(step, kind, lo, hi, ml, mh));
        ParticleState scratch = new ParticleState(spec.dim(), 1);
        for (int s = 0; s < steps; s++) {
            sim.advance(1, sink);
            sim.readState(scratch);
            assertEquals(mass, scratch.totalMass(), "mass after step " + s);
        }
        return events;
    }

    @Test
    void splitsGetFreshIdsInParentOrderAndLandInTheRange() {
        for (int dim = 2; dim <= 4; dim++) {
            for (String domain : new String[] {"torus", "free"}) {
                ModelSpec spec = spec(dim, domain);
                ParticleState init = InitialStates.generate(spec, 3);
                Simulation sim = new ReferenceBackend().create(spec, 3, init, 0);
                List<Event> events = new ArrayList<>();
                ParticleState state = new ParticleState(dim, 1);
                Set<Integer> seen = new HashSet<>();
                for (int i = 0; i < init.count(); i++) {
                    seen.add(init.ids()[i]);
                }
                int expectedNext = spec.particles();
                int splits = 0;
                int steps = domain.equals("free") ? 200 : 600;
                for (int s = 0; s < steps; s++) {
                    events.clear();
                    sim.advance(1, (step, kind, lo, hi, ml, mh, survivor) -> events.add(new Event(step, kind, lo, hi, ml, mh)));
                    sim.readState(state);
                    int lastParent = -1;
                    for (Event e : events) {
                        if (e.kind() != EventKind.FRAGMENTATION) {
                            continue;
                        }
                        splits++;
                        assertTrue(e.idLo() > lastParent, "splits in increasing parent id");
                        lastParent = e.idLo();
                        assertEquals(expectedNext++, e.idHi(), "the next fresh id");
                        assertTrue(seen.add(e.idHi()), "ids are never reused");
                        assertRange(spec, state, e);
                    }
                    assertEquals(expectedNext, state.nextId());
                    assertEquals(spec.particles(), state.totalMass());
                }
                System.out.printf("d = %d %s: %d splits in %d steps, %d particles%n", dim, domain, splits, steps, state.count());
                assertTrue(splits > 50, "too few splits to test anything: " + splits);
            }
        }
    }

    private static void assertRange(ModelSpec spec, ParticleState state, Event e) {
        int parent = -1;
        int child = -1;
        for (int i = 0; i < state.count(); i++) {
            parent = state.ids()[i] == e.idLo() ? i : parent;
            child = state.ids()[i] == e.idHi() ? i : child;
        }
        assertEquals(e.massLo(), state.masses()[parent], "the parent keeps its share");
        assertEquals(e.massHi(), state.masses()[child], "the new particle holds the rest");
        double r2 = 0;
        for (int k = 0; k < spec.dim(); k++) {
            r2 = CollisionRule.addAxis(r2, state.positions()[k][child] - state.positions()[k][parent], spec.domain().unit());
        }
        double range = spec.interactionRange(e.massLo(), e.massHi());
        assertTrue(Math.sqrt(r2) < range * (1 + 1e-9), "new particle at " + Math.sqrt(r2) + " beyond the range " + range);
    }

    /** Run 150 steps, checkpoint, read back, resume 150: the same events and final state as 300 in one go. */
    @Test
    void checkpointAndResumeAreBitIdentical() throws IOException {
        ModelSpec spec = spec(3, "torus");
        ParticleState init = InitialStates.generate(spec, 5);
        EventRecorder whole = new EventRecorder(null);
        Simulation one = new ReferenceBackend().create(spec, 5, init, 0);
        one.advance(300, whole);
        ParticleState end = new ParticleState(3, 1);
        one.readState(end);

        EventRecorder split = new EventRecorder(null);
        Simulation first = new ReferenceBackend().create(spec, 5, init, 0);
        first.advance(150, split);
        ParticleState mid = new ParticleState(3, 1);
        first.readState(mid);
        assertTrue(mid.nextId() > spec.particles(), "splits before the checkpoint");
        Path file = tmp.resolve("checkpoint.bin");
        new Checkpoint("x", 150, 0, 0, mid, 0, 0, 0, Map.of(), List.of()).write(file);
        ParticleState restored = Checkpoint.read(file, spec.particles()).state();
        assertEquals(mid.nextId(), restored.nextId());
        Simulation second = new ReferenceBackend().create(spec, 5, restored, 150);
        second.advance(150, split);
        ParticleState resumed = new ParticleState(3, 1);
        second.readState(resumed);
        assertEquals(whole.sha256(), split.sha256());
        assertEquals(StateHash.of(end), StateHash.of(resumed));
        assertEquals(end.nextId(), resumed.nextId());
    }

    @Test
    void schemesAndModesWithoutFragmentationRefuseIt() {
        String base = "[model]\nparticles = 100\neps = 0.01\nfragmentation = { rule = \"dual\" }\n";
        ModelException adaptive = assertThrows(ModelException.class, () -> ConfigReader.read(base
                + "[time]\nscheme = \"adaptive\"\nmacro_dt = 1e-4\ntolerance = 1e-6\nt_end = 1e-3\n", List.of()));
        assertTrue(adaptive.getMessage().contains("fixed-step scheme only"), adaptive.getMessage());
        ModelException annihilation = assertThrows(ModelException.class, () -> ConfigReader.read(
                base.replace("eps = 0.01", "eps = 0.01\nmode = \"annihilation\"") + "[time]\nsteps = 1\n", List.of()));
        assertTrue(annihilation.getMessage().contains("coagulation"), annihilation.getMessage());
        ModelException negative = assertThrows(ModelException.class, () -> ConfigReader.read(base.replace("rule = \"dual\"",
                "rule = \"rate\", rate = { type = \"table\", values = [1.0, -2.0] }") + "[time]\nsteps = 1\n", List.of()));
        assertTrue(negative.getMessage().contains("rate"), negative.getMessage());
    }
}
