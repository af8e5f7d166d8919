package org.coag.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.coag.core.io.DirectoryLock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill and interrupt matrix of issue 24, with real processes: SIGKILL of the JVM at random
 * moments (some inside a checkpoint write), SIGTERM and SIGINT, SIGKILL of the {@code ./coag}
 * launcher, and two resumes of one directory at once. Every interrupted run resumes to the
 * uninterrupted run's hashes with a byte-identical events.bin, and no run reads {@code running}
 * after its process died once {@code coag status} has looked.
 */
class InterruptMatrixTest {
    /** Long enough (a few seconds on 2 cores) that kills land mid-run; a checkpoint after every step. */
    static final String CONFIG = """
            [model]
            mode = "coagulation"
            particles = 3000
            volume_fraction = 0.02
            [model.alpha]
            value = 10.0
            [time]
            dt_over_eps2 = 0.05
            steps = 2500
            [observe]
            every_steps = 50
            [checkpoint]
            every_steps = 1
            every_seconds = 0
            [run]
            event_log = true
            """;

    @TempDir
    static Path tmp;
    static Path config;
    static Map<String, Object> expected;
    static byte[] expectedEvents;

    @BeforeAll
    static void uninterrupted() throws IOException {
        config = tmp.resolve("matrix.toml");
        Files.writeString(config, CONFIG);
        Path whole = tmp.resolve("whole");
        CliTest.Outcome o = CliTest.coag("run", config.toString(), "--out", whole.toString(), "-q");
        assertEquals(0, o.code(), o.err());
        expected = CliTest.json(whole.resolve("summary.json"));
        expectedEvents = Files.readAllBytes(whole.resolve("events.bin"));
    }

    private static void assertSameAsUninterrupted(Path dir) throws IOException {
        Map<String, Object> got = CliTest.json(dir.resolve("summary.json"));
        assertEquals(expected.get("event_log_sha256"), got.get("event_log_sha256"));
        assertEquals(expected.get("final_state_sha256"), got.get("final_state_sha256"));
        assertEquals(expected.get("particle_steps"), got.get("particle_steps"));
        assertArrayEquals(expectedEvents, Files.readAllBytes(dir.resolve("events.bin")), "events.bin byte for byte");
        assertEquals("completed", CliTest.json(dir.resolve("meta.json")).get("status"));
    }

    /** A run in a child JVM, stopped by SIGTERM once it has a checkpoint: it must exit with 143. */
    private static Path terminatedAfterItsFirstCheckpoint(String name) throws Exception {
        Path dir = tmp.resolve(name);
        Process p = ChildProcesses.coag(tmp, name, "run", config.toString(), "--out", dir.toString(), "-q");
        assertTrue(ChildProcesses.awaitFile(dir.resolve("checkpoint.bin"), p, 60_000));
        ChildProcesses.signal(p.pid(), "TERM");
        assertEquals(143, p.waitFor());
        return dir;
    }

    private static String status(Path dir) {
        CliTest.Outcome o = CliTest.coag("status", dir.toString());
        assertEquals(0, o.code(), o.err());
        return o.out();
    }

    @Test
    void sigkillAtRandomMomentsEvenInsideACheckpointWriteResumesToTheSameBits() throws Exception {
        Path dir = tmp.resolve("killed");
        Random random = new Random(20261207);
        int kills = 0;
        int insideCheckpointWrite = 0;
        boolean fresh = true;
        while (kills < 6) {
            boolean duringWrite = kills % 2 == 1;
            Path partial = dir.resolve(".checkpoint.bin.tmp");
            if (duringWrite) {
                Files.deleteIfExists(partial);
            }
            Process p = fresh ? ChildProcesses.coag(tmp, "kill" + kills, "run", config.toString(), "--out", dir.toString(), "-q")
                    : ChildProcesses.coag(tmp, "kill" + kills, "run", "--resume", dir.toString(), "-q");
            assertTrue(ChildProcesses.awaitFile(dir.resolve("checkpoint.bin"), p, 60_000), "no checkpoint");
            if (duringWrite) {
                while (p.isAlive() && !Files.exists(partial)) {
                    Thread.onSpinWait();
                }
            } else {
                Thread.sleep(100 + random.nextInt(400));
            }
            assertTrue(p.isAlive(), "the run ended before the kill; lengthen CONFIG");
            p.destroyForcibly();
            assertEquals(137, p.waitFor());
            kills++;
            fresh = false;
            if (Files.exists(partial)) {
                insideCheckpointWrite++;
            }
            assertFalse(Files.exists(dir.resolve("summary.json")));
            String s = status(dir);
            assertTrue(s.contains(": dead (") || s.contains(": interrupted ("), s);
            assertNotEquals("running", CliTest.json(dir.resolve("meta.json")).get("status"), "coag status has looked");
        }
        assertTrue(insideCheckpointWrite > 0, "no kill landed inside a checkpoint write");
        System.out.printf("SIGKILL matrix: %d kills, %d inside a checkpoint write%n", kills, insideCheckpointWrite);
        CliTest.Outcome resumed = CliTest.coag("run", "--resume", dir.toString(), "-q");
        assertEquals(0, resumed.code(), resumed.err());
        assertSameAsUninterrupted(dir);
    }

    @Test
    void sigtermExits143AndSigintExits130AfterACheckpoint() throws Exception {
        Path dir = terminatedAfterItsFirstCheckpoint("signalled");
        assertEquals("interrupted", CliTest.json(dir.resolve("meta.json")).get("status"));
        assertTrue(status(dir).contains(": interrupted ("));

        long before = ((Number) CliTest.json(dir.resolve("meta.json")).get("step")).longValue();
        Process intr = ChildProcesses.coag(tmp, "int", "run", "--resume", dir.toString(), "-q");
        while (intr.isAlive() && ((Number) CliTest.json(dir.resolve("meta.json")).get("step")).longValue() <= before + 10) {
            Thread.sleep(20);
        }
        ChildProcesses.signal(intr.pid(), "INT");
        assertEquals(130, intr.waitFor());
        assertEquals("interrupted", CliTest.json(dir.resolve("meta.json")).get("status"));

        CliTest.Outcome resumed = CliTest.coag("run", "--resume", dir.toString(), "-q");
        assertEquals(0, resumed.code(), resumed.err());
        assertSameAsUninterrupted(dir);
    }

    @Test
    void twoConcurrentResumesOneWritesTheOtherIsRefused() throws Exception {
        Path dir = terminatedAfterItsFirstCheckpoint("concurrent");

        Process a = ChildProcesses.coag(tmp, "a", "run", "--resume", dir.toString(), "-q");
        Process b = ChildProcesses.coag(tmp, "b", "run", "--resume", dir.toString(), "-q");
        assertTrue(a.waitFor(120, TimeUnit.SECONDS) && b.waitFor(120, TimeUnit.SECONDS));
        int[] codes = {a.exitValue(), b.exitValue()};
        assertTrue(codes[0] + codes[1] == 1 && codes[0] * codes[1] == 0, "one completes, one is refused: " + codes[0] + ", " + codes[1]);
        String refused = Files.readString(tmp.resolve(codes[0] == 1 ? "a.err" : "b.err"));
        assertTrue(refused.contains("is in use by another coag process, pid "), refused);
        assertSameAsUninterrupted(dir);
    }

    @Test
    void sigkillOfTheLauncherStopsItsJvm() throws Exception {
        Path dir = tmp.resolve("orphan");
        Process launcher = ChildProcesses.launcher(tmp, "launcher", "run", config.toString(), "--out", dir.toString(), "-q");
        assertTrue(ChildProcesses.awaitFile(dir.resolve("checkpoint.bin"), launcher, 60_000), "no checkpoint");
        DirectoryLock.Holder jvm = DirectoryLock.holder(dir).orElseThrow();
        assertNotEquals(launcher.pid(), jvm.pid(), "the JVM is the launcher's child");
        ChildProcesses.signal(launcher.pid(), "KILL");
        assertEquals(137, launcher.waitFor());
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (ProcessHandle.of(jvm.pid()).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(ProcessHandle.of(jvm.pid()).map(ProcessHandle::isAlive).orElse(false), "the JVM runs on after its launcher died");
        assertEquals("interrupted", CliTest.json(dir.resolve("meta.json")).get("status"), "it checkpointed on the way out");
        CliTest.Outcome resumed = CliTest.coag("run", "--resume", dir.toString(), "-q");
        assertEquals(0, resumed.code(), resumed.err());
        assertSameAsUninterrupted(dir);
    }

    @Test
    void theLauncherReports130AfterCtrlCAnd143AfterSigterm() throws Exception {
        for (String sig : new String[] {"INT", "TERM"}) {
            Path dir = tmp.resolve("launcher-" + sig);
            Process launcher = ChildProcesses.launcher(tmp, "launcher-" + sig, "run", config.toString(), "--out", dir.toString(), "-q");
            assertTrue(ChildProcesses.awaitFile(dir.resolve("checkpoint.bin"), launcher, 60_000), "no checkpoint");
            ChildProcesses.signal(launcher.pid(), sig);
            assertEquals(sig.equals("INT") ? 130 : 143, launcher.waitFor(), sig);
            assertEquals("interrupted", CliTest.json(dir.resolve("meta.json")).get("status"), sig);
            assertTrue(DirectoryLock.holder(dir).isEmpty(), "the JVM ended with its launcher");
        }
    }
}
