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
import org.coag.core.run.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole runs through the run driver: the cpu backend writes the reference's hashes and time
 * series, and a cpu run stopped and resumed with another thread count (threads never change a
 * result, so they may change on resume) ends with them too.
 */
class CpuRunTest {
    private static final String CONFIG = TestConfigs.text("coag-3d-checkpoints.toml");

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
    void cpuRunWritesTheReferenceResults() throws IOException {
        RunResult ref = run("reference", "ref", BackendOptions.DEFAULTS);
        RunResult cpu = run("cpu", "cpu", new BackendOptions(2, 0));
        assertTrue(((Number) ref.summary().get("events")).longValue() > 100, "needs collisions to mean anything");
        for (String key : new String[] {"events", "survivors", "event_log_sha256", "final_state_sha256"}) {
            assertEquals(ref.summary().get(key), cpu.summary().get(key), key);
        }
        assertEquals(Files.readString(tmp.resolve("ref/timeseries.csv")), Files.readString(tmp.resolve("cpu/timeseries.csv")));
        assertEquals(Files.readString(tmp.resolve("ref/mass_spectrum.csv")), Files.readString(tmp.resolve("cpu/mass_spectrum.csv")));
    }

    @Test
    void stoppedCpuRunResumesWithOtherThreadsToTheSameHashes() throws IOException {
        RunResult whole = run("cpu", "whole", new BackendOptions(1, 0));
        RunControl control = new RunControl();
        control.requestStop();
        RunResult first = new RunDriver(config("cpu"), RunDirectory.create(tmp.resolve("split"), false), control, RunListener.SILENT)
                .withOptions(new BackendOptions(2, 0)).run(false);
        assertEquals("interrupted", first.status());
        RunDirectory dir = RunDirectory.open(tmp.resolve("split"));
        RunResult resumed = new RunDriver(ConfigReader.read(dir.readConfig(), List.of()), dir, new RunControl(), RunListener.SILENT)
                .withOptions(new BackendOptions(3, 0)).run(true);
        assertEquals("completed", resumed.status());
        assertEquals(whole.summary().get("event_log_sha256"), resumed.summary().get("event_log_sha256"));
        assertEquals(whole.summary().get("final_state_sha256"), resumed.summary().get("final_state_sha256"));
    }
}
