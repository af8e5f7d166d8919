package org.coag.core.observe.equilibrium;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coag.core.backend.ParticleState;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;
import org.coag.core.io.Json;
import org.coag.core.model.Domain;
import org.coag.core.model.InitialStates;
import org.coag.core.model.RadialKernel;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.coag.core.observe.Observable;
import org.coag.core.run.RunControl;
import org.coag.core.run.RunDirectory;
import org.coag.core.run.RunDriver;
import org.coag.core.run.RunListener;
import org.coag.core.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The equilibrium observables on a hand-made state, checked against counts done by hand: four
 * particles in the unit torus (d = 3, eps = 0.01, Doi kernel), A and B of mass 1 half a range apart,
 * C and D of mass 2 0.15 ranges apart across the box face x = +-1/2 (the minimum image), the two
 * groups far apart.
 */
class EquilibriumObservablesTest {
    private static final String CONFIG = """
            [model]
            dim = 3
            particles = 4
            eps = 0.01
            [time]
            dt_over_eps2 = 0.01
            steps = 10
            [observe.equilibrium]
            every_steps = 5
            bins = 3
            r_max = 3.0
            masses = 2
            cube_sides = [50.0]
            """;

    @TempDir
    Path tmp;

    private static ParticleState handMade(ModelSpec spec) {
        Domain d = spec.domain();
        double[][] xyz = {{0, 0, 0}, {0.005, 0, 0}, {0.499, 0, 0}, {-0.4995, 0, 0}};
        int[] masses = {1, 1, 2, 2};
        ParticleState s = new ParticleState(3, 4);
        for (int i = 0; i < 4; i++) {
            s.ids()[i] = i;
            s.masses()[i] = masses[i];
            for (int k = 0; k < 3; k++) {
                s.positions()[k][i] = d.toFixed(xyz[i][k]);
            }
        }
        s.setCount(4);
        return s;
    }

    @Test
    void pairsByMassAndDistanceMatchAHandCount() {
        ModelSpec spec = ConfigReader.read(CONFIG, List.of()).model();
        MassPairs classes = new MassPairs(2);
        assertEquals(List.of("1-1", "1-2", "2-2", "all"), List.of(classes.label(0), classes.label(1), classes.label(2), classes.label(3)));
        PairCounts p = PairCounts.measure(spec, handMade(spec), classes, 3, 3.0);
        assertArrayEquals(new long[] {1, 0, 0}, p.counts()[0], "A-B at 0.5 eps");
        assertArrayEquals(new long[] {0, 0, 0}, p.counts()[1]);
        assertArrayEquals(new long[] {1, 0, 0}, p.counts()[2], "C-D at 0.15 eps across the face");
        assertArrayEquals(new long[] {2, 0, 0}, p.counts()[3]);
        assertArrayEquals(new long[] {1, 0, 1, 2}, p.inside());
        double shell0 = 4 * Math.PI / 3 * Math.pow(0.01, 3);
        double shell2 = 4 * Math.PI / 3 * (Math.pow(0.03, 3) - Math.pow(0.02, 3));
        assertEquals(1 * shell0, p.expected()[0][0], 1e-15, "one 1-1 pair (N_1 (N_1 - 1) / 2) in a unit box");
        assertEquals(4 * shell2, p.expected()[1][2], 1e-15, "N_1 N_2 = 4 pairs 1-2");
        assertEquals(6 * shell0, p.expected()[3][0], 1e-15, "N (N - 1) / 2 = 6 pairs in all");
        assertEquals(6 * shell0, p.insideExpected()[3], 1e-15, "the Doi kernel's range is eps");
    }

    /**
     * A uniform start is a Poisson cloud given its number: in d = 2, 3, 4 the pooled pairs of every
     * bin of 0..3 range units and of its last bin alone (the shell volume grows as r^d) must match
     * the product-Poisson expectation within 5 standard deviations (pair counts are Poisson up to
     * the triples that share a particle, a few per cent here; false-failure odds about 6e-7 each).
     */
    @Test
    void aUniformStartHasNoPairCorrelationInEveryDimension() {
        for (int dim = 2; dim <= 4; dim++) {
            ModelSpec spec = ConfigReader.read("[model]\ndim = " + dim + "\nparticles = 3000\nvolume_fraction = 0.05\n"
                    + "[time]\ndt_over_eps2 = 0.01\nsteps = 1\n", List.of()).model();
            PairCounts p = PairCounts.measure(spec, InitialStates.generate(spec, 11), new MassPairs(1), 6, 3.0);
            double found = java.util.Arrays.stream(p.counts()[1]).sum();
            double expected = java.util.Arrays.stream(p.expected()[1]).sum();
            assertEquals(3000.0 * 2999 / 2 * RadialKernel.unitBallVolume(dim) * Math.pow(3 * spec.rangeUnit(1, 1), dim)
                    / spec.domain().volume(dim), expected, 1e-9 * expected, "d = " + dim);
            assertTrue(Math.abs(found - expected) < 5 * Math.sqrt(expected), "d = " + dim + ": " + found + " pairs, " + expected + " expected");
            assertTrue(Math.abs(p.counts()[1][5] - p.expected()[1][5]) < 5 * Math.sqrt(p.expected()[1][5]), "d = " + dim + ", last bin");
            assertEquals(p.counts()[0][0] + p.counts()[0][1], p.inside()[0],
                    "d = " + dim + ": mass 1 only, the pairs inside the range are those of the first two bins of six");
        }
    }

    @Test
    void cubeCountsMatchAHandCount() {
        ModelSpec spec = ConfigReader.read(CONFIG, List.of()).model();
        CubeCounts c = CubeCounts.measure(handMade(spec), 2, 2);
        // 8 cubes; A, B, C in cube (1,1,1), D in (0,1,1): all masses x = {3, 1, 0 x 6}, mu = 1/2,
        // s^2 = (10 - 16/8) / 7 = 8/7, R = 16/7; mass 1: {2, 0 x 7}, mu = 1/4, s^2 = (4 - 1/2) / 7, R = 2;
        // mass 2: {1, 1, 0 x 6}, mu = 1/4, s^2 = (2 - 1/2) / 7, R = 6/7
        assertArrayEquals(new long[] {2, 2, 4}, c.total());
        assertEquals(2.0, c.ratio()[0], 1e-14);
        assertEquals(6.0 / 7, c.ratio()[1], 1e-14);
        assertEquals(16.0 / 7, c.ratio()[2], 1e-14);
        assertEquals(2 * (1 - 0.25) / 7, c.nullVariance()[2], 1e-15);
        assertEquals(0, CubeCounts.cellAlong(Long.MIN_VALUE, 3), "x = -L/2 is the first cube");
        assertEquals(2, CubeCounts.cellAlong(Long.MAX_VALUE, 3), "x just below L/2 is the last");
        assertEquals(1, CubeCounts.cellAlong(0, 3), "x = 0 is the middle one of 3");
    }

    @Test
    void stateSurvivesTheCheckpoint() throws IOException {
        RunConfig cfg = ConfigReader.read(CONFIG, List.of());
        EquilibriumObservables a = new EquilibriumObservables(cfg.run().equilibrium(), cfg.model());
        a.observe(new Observable.Sample(0, 0, handMade(cfg.model()), 0));
        a.observe(new Observable.Sample(5, 5 * cfg.model().dt(), handMade(cfg.model()), 0));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.writeState(new DataOutputStream(bytes));
        EquilibriumObservables b = new EquilibriumObservables(cfg.run().equilibrium(), cfg.model());
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        b.readState(in, 1);
        assertEquals(0, in.available());
        Map<String, Object> sa = new HashMap<>();
        Map<String, Object> sb = new HashMap<>();
        a.summarize(sa);
        b.summarize(sb);
        assertEquals(sa, sb);
        assertEquals(2, sa.get("equilibrium_observations"));
        assertEquals(2.0 / (2 * Math.PI * 4 / 3 * 1e-6), (double) sa.get("g_inside_1_1"), 1e-6, "2 pairs over 2 x one pair's ball");
    }

    @Test
    void aRunWritesTheOutputsAtItsObservationSteps() throws IOException {
        String text = """
                [model]
                dim = 3
                particles = 400
                volume_fraction = 0.1
                [time]
                dt_over_eps2 = 0.01
                steps = 40
                [observe.equilibrium]
                every_steps = 10
                from_time = %s
                """;
        RunConfig probe = ConfigReader.read(String.format(text, "0.0"), List.of());
        String config = String.format(text, Double.toString(15 * probe.model().dt()));
        RunResult r = new RunDriver(ConfigReader.read(config, List.of()), RunDirectory.create(tmp.resolve("run"), false), new RunControl(),
                RunListener.SILENT).run(false);
        assertEquals("completed", r.status());
        assertEquals(3, r.summary().get("equilibrium_observations"), "steps 15, 25, 35 after the burn-in to t = 15 dt");
        assertTrue(r.summary().containsKey("g_inside_2_2") && r.summary().containsKey("count_variance_over_mean"));
        JsonNode json = Json.MAPPER.readTree(tmp.resolve("run/" + EquilibriumObservables.JSON).toFile());
        assertEquals(15, json.get("first_step").asLong());
        assertEquals(35, json.get("last_step").asLong());
        assertEquals(30, json.get("pair_correlation").get("all").get("g").size());
        List<String> csv = Files.readAllLines(tmp.resolve("run/" + EquilibriumObservables.CSV));
        assertEquals("pair,r_lo,r_hi,pairs,expected,g,g_error", csv.get(0));
        assertEquals(1 + 7 * 30, csv.size(), "6 mass pairs of masses 1..3 and all, 30 bins each");
    }

    @Test
    void aResumedRunEndsWithTheSameOutputs() throws IOException {
        String text = """
                [model]
                dim = 2
                particles = 300
                volume_fraction = 0.1
                [time]
                dt_over_eps2 = 0.01
                steps = 30
                [observe.equilibrium]
                every_steps = 4
                masses = 2
                cube_sides = [3.0]
                """;
        RunConfig cfg = ConfigReader.read(text, List.of());
        new RunDriver(cfg, RunDirectory.create(tmp.resolve("whole"), false), new RunControl(), RunListener.SILENT).run(false);
        RunControl stop = new RunControl();
        stop.requestStop();
        Path split = tmp.resolve("split");
        assertEquals("interrupted", new RunDriver(cfg, RunDirectory.create(split, false), stop, RunListener.SILENT).run(false).status());
        RunConfig again = ConfigReader.read(RunDirectory.open(split).readConfig(), List.of());
        assertEquals("completed", new RunDriver(again, RunDirectory.open(split), new RunControl(), RunListener.SILENT).run(true).status());
        for (String f : List.of(EquilibriumObservables.JSON, EquilibriumObservables.CSV)) {
            assertEquals(-1, Files.mismatch(tmp.resolve("whole").resolve(f), split.resolve(f)), f);
        }
    }

    @Test
    void refusesFreeSpaceAndRangesPastHalfTheBox() {
        ModelException free = assertThrows(ModelException.class, () -> ConfigReader.read(CONFIG + "[domain]\ntype = \"free\"\n"
                + "[initial]\ntype = \"ball\"\nradius = 0.1\n", List.of()));
        assertTrue(free.getMessage().contains("observe.equilibrium"), free.getMessage());
        ModelException far = assertThrows(ModelException.class, () -> ConfigReader.read(CONFIG.replace("r_max = 3.0", "r_max = 60.0"), List.of()));
        assertTrue(far.getMessage().contains("r_max"), far.getMessage());
    }
}
