package org.coag.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;
import org.coag.core.model.ModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointResumeTest {
    /** The shared resume config (a test resource, also used by the backends' run tests). */
    static final String CONFIG = TestConfigs.text("coag-3d-checkpoints.toml");

    @TempDir
    Path tmp;

    private static RunConfig config() {
        return ConfigReader.read(CONFIG, List.of());
    }

    @Test
    void interruptedThenResumedRunEndsWithTheSameHashes() throws IOException {
        RunResult whole = new RunDriver(config(), RunDirectory.create(tmp.resolve("whole"), false), new RunControl(), RunListener.SILENT).run(false);
        assertEquals("completed", whole.status());
        assertTrue(((Number) whole.summary().get("events")).longValue() > 100, "needs collisions to mean anything");

        Path split = tmp.resolve("split");
        RunControl control = new RunControl();
        control.requestStop();
        RunResult first = new RunDriver(config(), RunDirectory.create(split, false), control, RunListener.SILENT).run(false);
        assertEquals("interrupted", first.status());
        assertEquals(1, first.step(), "a stop request is honoured at the next step boundary");
        assertFalse(Files.exists(split.resolve("summary.json")), "no summary for an unfinished run");
        assertEquals("interrupted", RunDirectory.open(split).readJson("meta.json").get("status"));

        RunDirectory dir = RunDirectory.open(split);
        RunResult resumed = new RunDriver(ConfigReader.read(dir.readConfig(), List.of()), dir, new RunControl(), RunListener.SILENT).run(true);
        assertEquals("completed", resumed.status());
        assertSameRun(whole.summary(), resumed.summary());
        assertEquals(Files.readString(tmp.resolve("whole/timeseries.csv")), Files.readString(split.resolve("timeseries.csv")));
        assertEquals(Files.size(tmp.resolve("whole/events.bin")), Files.size(split.resolve("events.bin")));
    }

    /** SIGKILL between checkpoints: events.bin may hold events past the checkpoint; resume truncates them. */
    @Test
    void resumeFromAPeriodicCheckpointAfterAHardKill() throws IOException {
        RunResult whole = new RunDriver(config(), RunDirectory.create(tmp.resolve("whole"), false), new RunControl(), RunListener.SILENT).run(false);
        Path killed = tmp.resolve("killed");
        new RunDriver(config(), RunDirectory.create(killed, false), new RunControl(), RunListener.SILENT).run(false);
        // Simulate a kill at step ~120: restore the state of the step-100 checkpoint by running a
        // fresh copy up to it, then append garbage to events.bin as a half-written later step would.
        Path partial = tmp.resolve("partial");
        RunConfig upTo = ConfigReader.read(CONFIG, List.of("time.steps=100"));
        new RunDriver(upTo, RunDirectory.create(partial, false), new RunControl(), RunListener.SILENT).run(false);
        Files.copy(killed.resolve("config.toml"), partial.resolve("config.toml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        rewriteCheckpointConfigHash(partial);
        try (RandomAccessFile f = new RandomAccessFile(partial.resolve("events.bin").toFile(), "rw")) {
            f.seek(f.length());
            f.write(new byte[] {1, 2, 3, 4, 5});
        }
        Files.delete(partial.resolve("summary.json"));
        RunDirectory dir = RunDirectory.open(partial);
        RunResult resumed = new RunDriver(ConfigReader.read(dir.readConfig(), List.of()), dir, new RunControl(), RunListener.SILENT).run(true);
        assertSameRun(whole.summary(), resumed.summary());
    }

    private static void rewriteCheckpointConfigHash(Path dir) throws IOException {
        RunConfig cfg = ConfigReader.read(Files.readString(dir.resolve("config.toml")), List.of());
        RunDirectory d = RunDirectory.open(dir);
        var ck = org.coag.core.io.Checkpoint.read(dir.resolve("checkpoint.bin"), cfg.model().particles());
        byte[] text = d.readConfig().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String sha = org.coag.core.observe.Hex.of(org.coag.core.io.Checkpoint.sha256(text, text.length));
        new org.coag.core.io.Checkpoint(sha, ck.step(), ck.wallSeconds(), ck.particleSteps(), ck.state(), ck.events(), ck.removedMass(),
                ck.eventLogBytes(), ck.countsByMassPair(), ck.sections()).write(dir.resolve("checkpoint.bin"));
    }

    private static void assertSameRun(Map<String, Object> a, Map<String, Object> b) {
        for (String key : new String[] {"event_log_sha256", "final_state_sha256", "events", "survivors", "particle_steps", "total_mass"}) {
            assertEquals(a.get(key), b.get(key), key);
        }
    }

    @Test
    void corruptCheckpointAndEditedConfigAreRefused() throws IOException {
        Path dir = tmp.resolve("run");
        RunControl control = new RunControl();
        control.requestStop();
        new RunDriver(config(), RunDirectory.create(dir, false), control, RunListener.SILENT).run(false);
        Files.writeString(dir.resolve("config.toml"), Files.readString(dir.resolve("config.toml")) + "\n# edited\n");
        RunDirectory d = RunDirectory.open(dir);
        ModelException edited = assertThrows(ModelException.class,
                () -> new RunDriver(ConfigReader.read(d.readConfig(), List.of()), d, new RunControl(), RunListener.SILENT).run(true));
        assertTrue(edited.getMessage().contains("does not match"), edited.getMessage());
        assertEquals("interrupted", d.readJson("meta.json").get("status"), "a refused resume leaves the run resumable");
        byte[] bytes = Files.readAllBytes(dir.resolve("checkpoint.bin"));
        bytes[bytes.length / 2] ^= 1;
        Files.write(dir.resolve("checkpoint.bin"), bytes);
        ModelException corrupt = assertThrows(ModelException.class,
                () -> new RunDriver(ConfigReader.read(d.readConfig(), List.of()), d, new RunControl(), RunListener.SILENT).run(true));
        assertTrue(corrupt.getMessage().contains("checksum"), corrupt.getMessage());
    }

    @Test
    void existingRunDirectoryIsNotOverwrittenUnlessForced() throws IOException {
        Path dir = tmp.resolve("run");
        new RunDriver(config(), RunDirectory.create(dir, false), new RunControl(), RunListener.SILENT).run(false);
        ModelException e = assertThrows(ModelException.class, () -> RunDirectory.create(dir, false));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        RunDirectory.create(dir, true);
        assertFalse(Files.exists(dir.resolve("summary.json")));
        Path other = tmp.resolve("notarun");
        Files.createDirectories(other);
        Files.writeString(other.resolve("thesis.tex"), "precious");
        assertThrows(ModelException.class, () -> RunDirectory.create(other, true));
        assertTrue(Files.exists(other.resolve("thesis.tex")));
    }
}
