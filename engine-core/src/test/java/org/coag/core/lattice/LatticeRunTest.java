package org.coag.core.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.RunFingerprint;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;
import org.coag.core.model.ModelException;
import org.coag.core.reference.ReferenceBackend;
import org.coag.core.run.RunControl;
import org.coag.core.run.RunDirectory;
import org.coag.core.run.RunDriver;
import org.coag.core.run.RunListener;
import org.coag.core.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lattice run through the run machinery: outputs, checkpoint and resume, and its refusals. */
class LatticeRunTest {
    private static final String CONFIG = """
            [model]
            space = "lattice"
            dim = 2
            mode = "coagulation"
            [model.lattice]
            side = 12
            boundary = "reflecting"
            start = "poisson"
            occupation = 0.8
            [model.alpha]
            type = "formula"
            expression = "2 / (n + m)"
            [model.diffusion]
            type = "power"
            coefficient = 1.0
            exponent = -0.5
            [initial.mass]
            type = "table"
            weights = [1.0, 1.0]
            [time]
            dt = 0.5
            steps = 40
            [observe]
            every_steps = 4
            """;

    @TempDir
    Path tmp;

    private static RunConfig config() {
        return ConfigReader.read(CONFIG, List.of());
    }

    @Test
    void interruptedThenResumedRunEndsWithTheSameHashesAndOutputs() throws IOException {
        RunResult whole = new RunDriver(config(), RunDirectory.create(tmp.resolve("whole"), false), new RunControl(), RunListener.SILENT).run(false);
        assertEquals("completed", whole.status());
        assertTrue(((Number) whole.summary().get("events")).longValue() > 20, "needs coalescences to mean anything");
        assertEquals("lattice", whole.summary().get("space"));

        Path split = tmp.resolve("split");
        RunControl control = new RunControl();
        control.requestStop();
        RunResult first = new RunDriver(config(), RunDirectory.create(split, false), control, RunListener.SILENT).run(false);
        assertEquals("interrupted", first.status());
        RunDirectory dir = RunDirectory.open(split);
        RunResult resumed = new RunDriver(ConfigReader.read(dir.readConfig(), List.of()), dir, new RunControl(), RunListener.SILENT).run(true);
        assertEquals("completed", resumed.status());
        for (String key : new String[] {"event_log_sha256", "final_state_sha256", "events", "survivors", "total_mass", "particles"}) {
            assertEquals(whole.summary().get(key), resumed.summary().get(key), key);
        }
        assertEquals(Files.readString(tmp.resolve("whole/timeseries.csv")), Files.readString(split.resolve("timeseries.csv")));
        assertEquals(Files.readString(tmp.resolve("whole/mass_spectrum.csv")), Files.readString(split.resolve("mass_spectrum.csv")));
        assertEquals(Files.size(tmp.resolve("whole/events.bin")), Files.size(split.resolve("events.bin")));
    }

    /**
     * The survivor fraction is taken against the walkers actually drawn (a Poisson start's N is only
     * the slot capacity), and the total mass is conserved by coagulation.
     */
    @Test
    void survivorFractionCountsTheWalkersDrawn() throws IOException {
        Map<String, Object> s = new RunDriver(config(), RunDirectory.create(tmp.resolve("run"), false), new RunControl(), RunListener.SILENT)
                .run(false).summary();
        long drawn = ((Number) s.get("particles")).longValue();
        assertNotEquals(((Number) s.get("lattice_capacity")).longValue(), drawn);
        assertEquals(((Number) s.get("survivors")).doubleValue() / drawn, (Double) s.get("survivor_fraction"));
        List<String> rows = Files.readAllLines(tmp.resolve("run/timeseries.csv"));
        String[] firstRow = rows.get(1).split(",");
        assertEquals(drawn, Long.parseLong(firstRow[2]));
        assertEquals(1.0, Double.parseDouble(firstRow[3]));
    }

    /** The seed matters and the run is a function of (config, seed) only. */
    @Test
    void theRunIsAFunctionOfConfigAndSeed() {
        RunConfig cfg = config();
        RunFingerprint a = RunFingerprint.of(new ReferenceBackend(), cfg.model(), 1, 40, BackendOptions.DEFAULTS, null);
        RunFingerprint b = RunFingerprint.of(new ReferenceBackend(), config().model(), 1, 40, BackendOptions.DEFAULTS, steps -> { });
        RunFingerprint c = RunFingerprint.of(new ReferenceBackend(), cfg.model(), 2, 40, BackendOptions.DEFAULTS, null);
        assertEquals(a, b);
        assertNotEquals(a.eventLog(), c.eventLog());
    }

    @Test
    void badLatticeConfigsAreRefusedInOneLineNamingTheKey() {
        String[][] cases = {
                {"model.lattice.side=0", "model.lattice.side"},
                {"model.dim=5", "model.dim"},
                {"model.lattice.boundary=\"open\"", "model.lattice.boundary"},
                {"model.lattice.occupation=0.0", "model.lattice.occupation"},
                {"model.lattice.occupation=101.0", "model.lattice.occupation"},
                {"model.lattice.start=\"one_per_site\"", "model.lattice.occupation"},
                {"model.eps=0.01", "model.eps"},
                {"model.fragmentation.rule=\"rate\"", "model.fragmentation"},
                {"domain.side=2.0", "domain"},
                {"initial.type=\"ball\"", "initial.type"},
                {"time.scheme=\"adaptive\"", "time.scheme"},
                {"time.dt_over_eps2=0.1", "time.dt_over_eps2"},
                {"time.dt=-1.0", "time.dt"},
                {"model.particles=10", "model.particles"},
                {"model.diffusion.coefficient=-1.0", "model.diffusion"},
                {"model.lattice.coalescence=\"instantaneous\"", "model.alpha"},
                {"observe.snapshots.final=true", "observe.snapshots"},
                {"model.lattice.sides=3", "model.lattice.sides"},
                {"model.lattice.side=50000", "model.lattice.side"},
        };
        for (String[] c : cases) {
            ModelException e = assertThrows(ModelException.class, () -> ConfigReader.read(CONFIG, List.of(c[0])), c[0]);
            assertTrue(e.getMessage().startsWith(c[1]), c[0] + " gave: " + e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), c[0] + " gave more than one line: " + e.getMessage());
        }
        ModelException oneSite = assertThrows(ModelException.class,
                () -> ConfigReader.read(CONFIG, List.of("model.lattice.start=\"one_site\"", ConfigReader.unset("model.lattice.occupation"))));
        assertTrue(oneSite.getMessage().startsWith("model.particles"), oneSite.getMessage());
        ModelException tooManySites = assertThrows(ModelException.class, () -> ConfigReader.read(CONFIG, List.of("model.dim=4",
                "model.lattice.side=1048576", "model.lattice.start=\"one_site\"", "model.particles=5", ConfigReader.unset("model.lattice.occupation"))));
        assertTrue(tooManySites.getMessage().startsWith("model.lattice.side") && tooManySites.getMessage().contains("2^62"), tooManySites.getMessage());
    }
}
