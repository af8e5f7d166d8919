package org.coag.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coag.core.backend.BackendOptions;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;
import org.coag.core.run.RunControl;
import org.coag.core.run.RunDirectory;
import org.coag.core.run.RunDriver;
import org.coag.core.run.RunListener;
import org.coag.core.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lattice run through the run driver on the cpu backend: it writes the reference's hashes, time
 * series and mass spectrum, and a cpu run stopped at a checkpoint and resumed on another thread
 * count ends with them too (the checkpoint holds only sites, masses and ids, docs/lattice.md).
 */
class CpuLatticeRunTest {
    private static final String CONFIG = """
            [model]
            space = "lattice"
            dim = 3
            mode = "coagulation"
            [model.lattice]
            side = 10
            boundary = "torus"
            start = "poisson"
            occupation = 0.7
            [model.alpha]
            type = "formula"
            expression = "2 / (n + m)"
            [model.diffusion]
            type = "power"
            coefficient = 2.0
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

    private static RunConfig config(String backend) {
        return ConfigReader.read(CONFIG, List.of("run.backend=\"" + backend + "\""));
    }

    private RunResult run(String backend, String dir, BackendOptions options) throws IOException {
        return new RunDriver(config(backend), RunDirectory.create(tmp.resolve(dir), false), new RunControl(), RunListener.SILENT)
                .withOptions(options).run(false);
    }

    @Test
    void cpuRunWritesTheReferenceResultsAndResumesToThem() throws IOException {
        RunResult ref = run("reference", "ref", BackendOptions.DEFAULTS);
        RunResult cpu = run("cpu", "cpu", new BackendOptions(3, 0));
        assertTrue(((Number) ref.summary().get("events")).longValue() > 100, "needs coalescences to mean anything");
        assertEquals("cpu", cpu.summary().get("backend"));
        for (String key : new String[] {"events", "survivors", "event_log_sha256", "final_state_sha256"}) {
            assertEquals(ref.summary().get(key), cpu.summary().get(key), key);
        }
        assertEquals(Files.readString(tmp.resolve("ref/timeseries.csv")), Files.readString(tmp.resolve("cpu/timeseries.csv")));
        assertEquals(Files.readString(tmp.resolve("ref/mass_spectrum.csv")), Files.readString(tmp.resolve("cpu/mass_spectrum.csv")));

        RunControl control = new RunControl();
        control.requestStop();
        RunResult first = new RunDriver(config("cpu"), RunDirectory.create(tmp.resolve("split"), false), control, RunListener.SILENT)
                .withOptions(new BackendOptions(2, 0)).run(false);
        assertEquals("interrupted", first.status());
        RunDirectory dir = RunDirectory.open(tmp.resolve("split"));
        RunResult resumed = new RunDriver(ConfigReader.read(dir.readConfig(), List.of()), dir, new RunControl(), RunListener.SILENT)
                .withOptions(new BackendOptions(7, 0)).run(true);
        assertEquals("completed", resumed.status());
        assertEquals("cpu", resumed.summary().get("backend"));
        assertEquals(ref.summary().get("event_log_sha256"), resumed.summary().get("event_log_sha256"));
        assertEquals(ref.summary().get("final_state_sha256"), resumed.summary().get("final_state_sha256"));
        assertEquals(Files.readString(tmp.resolve("ref/timeseries.csv")), Files.readString(tmp.resolve("split/timeseries.csv")));
    }
}
