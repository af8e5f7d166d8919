package org.coag.core.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.coag.core.config.DensityModeSettings;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.coag.core.run.RunControl;
import org.coag.core.run.RunDirectory;
import org.coag.core.run.RunDriver;
import org.coag.core.run.RunListener;
import org.coag.core.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The density-mode record: by hand on a small state, its checkpoint round trip, and a run that writes its files. */
class DensityModesTest {
    private static final String FRAGMENTING = """
            [model]
            dim = 3
            particles = 200
            volume_fraction = 0.05
            [model.fragmentation]
            rule = "dual"
            equilibrium = { value = 0.5 }
            [time]
            dt_over_eps2 = 0.01
            steps = 2000
            [observe]
            every_steps = 5
            [observe.density_modes]
            from_time = 0
            """;

    @TempDir
    Path tmp;

    /**
     * Mass 1 at the origin (phase 0: 1 + 0i on every axis) and at x = L/4, y = L/2 (fixed point
     * 2^62 and 2^63: exp(-i pi/2) = -i, exp(-i pi) = -1); the mass-2 particle is not counted.
     */
    @Test
    void handComputedSmallState() {
        ParticleState state = new ParticleState(3, 3);
        state.setCount(3);
        state.masses()[0] = 1;
        state.masses()[1] = 1;
        state.masses()[2] = 2;
        state.positions()[0][1] = 1L << 62;
        state.positions()[1][1] = Long.MIN_VALUE;
        state.positions()[0][2] = 12345678901L;
        double[] m = DensityModes.measure(state, 1, 3);
        double[] expected = {1, -1, 0, 0, 2, 0};
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i], m[i], 1e-15, "component " + i);
        }
    }

    @Test
    void checkpointStateRoundTripsAndOutputsAgree() throws IOException {
        ModelSpec spec = ConfigReader.read(FRAGMENTING, List.of()).model();
        DensityModes modes = new DensityModes(spec, new DensityModeSettings(1, 0), 5);
        ParticleState state = new ParticleState(3, 2);
        state.setCount(2);
        state.masses()[0] = 1;
        state.masses()[1] = 1;
        for (int i = 0; i < 60; i++) {
            state.positions()[0][0] = (long) i << 58;
            modes.observe(new Observable.Sample(5L * i, 5L * i * spec.dt(), state, 0));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        modes.writeState(new DataOutputStream(bytes));
        DensityModes back = new DensityModes(spec, new DensityModeSettings(1, 0), 5);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        back.readState(in, 1);
        assertEquals(0, in.available());
        Map<String, String> a = new HashMap<>();
        Map<String, String> b = new HashMap<>();
        modes.writeFiles(a::put);
        back.writeFiles(b::put);
        assertEquals(a, b);
        assertEquals(61, a.get(DensityModes.FILE).lines().count());
    }

    /** A dual rule given as a table: the prediction truncates at the table's last mass instead of failing. */
    @Test
    void predictionWithATableEquilibriumStopsAtTheTable() throws IOException {
        ModelSpec spec = ConfigReader.read(FRAGMENTING.replace("equilibrium = { value = 0.5 }",
                "equilibrium = { type = \"table\", values = [0.5, 0.25, 0.125, 0.0625, 0.03] }"), List.of()).model();
        DensityModes modes = new DensityModes(spec, new DensityModeSettings(1, 0), 5);
        ParticleState state = new ParticleState(3, 100);
        state.setCount(100);
        for (int i = 0; i < 100; i++) {
            state.masses()[i] = 2;
            state.positions()[1][i] = (long) i << 56;
        }
        state.masses()[0] = 1;
        for (int i = 0; i < 60; i++) {
            state.positions()[0][0] = (long) i << 58;
            modes.observe(new Observable.Sample(5L * i, 5L * i * spec.dt(), state, 0));
        }
        Map<String, String> files = new HashMap<>();
        modes.writeFiles(files::put);
        String[] lag1 = files.get(DensityModes.AUTOCORRELATION_FILE).lines().skip(2).findFirst().orElseThrow().split(",");
        assertEquals(5, lag1.length, "the prediction column is filled");
        assertTrue(Double.parseDouble(lag1[4]) < 1 && Double.parseDouble(lag1[4]) > 0, lag1[4]);
    }

    @Test
    void refusesFreeSpaceWhenTheConfigIsRead() {
        String free = FRAGMENTING.replace("[time]", "[domain]\ntype = \"free\"\nside = 10\n[initial]\ntype = \"ball\"\nradius = 1\n[time]");
        ModelException e = assertThrows(ModelException.class, () -> ConfigReader.read(free, List.of()));
        assertTrue(e.getMessage().contains("observe.density_modes"), e.getMessage());
    }

    /** A run stopped after its first step and resumed writes the same files as an uninterrupted one. */
    @Test
    void aResumedRunWritesTheSameFiles() throws IOException {
        new RunDriver(ConfigReader.read(FRAGMENTING, List.of()), RunDirectory.create(tmp.resolve("whole"), false), new RunControl(),
                RunListener.SILENT).run(false);
        RunControl control = new RunControl();
        control.requestStop();
        RunResult first = new RunDriver(ConfigReader.read(FRAGMENTING, List.of()), RunDirectory.create(tmp.resolve("split"), false),
                control, RunListener.SILENT).run(false);
        assertEquals("interrupted", first.status());
        RunDirectory dir = RunDirectory.open(tmp.resolve("split"));
        RunResult resumed = new RunDriver(ConfigReader.read(dir.readConfig(), List.of()), dir, new RunControl(), RunListener.SILENT).run(true);
        assertEquals("completed", resumed.status());
        for (String file : List.of(DensityModes.FILE, DensityModes.AUTOCORRELATION_FILE)) {
            assertEquals(Files.readString(tmp.resolve("whole").resolve(file)), Files.readString(tmp.resolve("split").resolve(file)), file);
        }
    }

    /** Through RunDriver: the table turns the record on; the files hold every observation and the prediction, and are coag's own (--force). */
    @Test
    void aRunWritesTheModesAndTheirAutocorrelation() throws IOException {
        RunResult r = new RunDriver(ConfigReader.read(FRAGMENTING, List.of()), RunDirectory.create(tmp.resolve("run"), false),
                new RunControl(), RunListener.SILENT).run(false);
        assertEquals("completed", r.status());
        List<String> modes = Files.readAllLines(tmp.resolve("run").resolve(DensityModes.FILE));
        assertEquals("step,time,count,re_x,im_x,re_y,im_y,re_z,im_z", modes.get(0));
        assertEquals(2000 / 5 + 2, modes.size());
        List<String> acf = Files.readAllLines(tmp.resolve("run").resolve(DensityModes.AUTOCORRELATION_FILE));
        assertEquals("lag_steps,tau,measured,error,predicted", acf.get(0));
        String[] first = acf.get(1).split(",");
        assertEquals(1.0, Double.parseDouble(first[2]), 1e-12);
        assertEquals(1.0, Double.parseDouble(first[4]), 1e-12);
        String[] second = acf.get(2).split(",");
        assertTrue(Double.parseDouble(second[4]) < 1, "the prediction decays: " + acf.get(2));
        RunDirectory.create(tmp.resolve("run"), true);
        assertTrue(Files.notExists(tmp.resolve("run").resolve(DensityModes.FILE)), "--force replaces a run with density modes");
    }
}
