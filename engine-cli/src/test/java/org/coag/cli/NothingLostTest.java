package org.coag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24's findings, one test each where the bad-input corpus ({@link BadInputCorpusTest}) and
 * the kill matrix ({@link InterruptMatrixTest}) do not already pin them: (1) --force deletes only
 * coag's own files, (3) a failure at a checkpoint marks the run failed with one line, (4) a run
 * with nothing to fit writes no NaN, (5) a run too large for the heap is refused before anything is
 * written, (7) a benchmark's output path is checked before it runs.
 */
class NothingLostTest {
    @TempDir
    Path tmp;

    private Path config() throws IOException {
        Path c = tmp.resolve("small.toml");
        Files.writeString(c, CliTest.SMALL);
        return c;
    }

    @Test
    void forceReplacesCoagsOwnRunAndNothingElse() throws Exception {
        Path proj = tmp.resolve("proj");
        Files.createDirectories(proj.resolve("src"));
        Files.writeString(proj.resolve("config.toml"), CliTest.SMALL);
        Files.writeString(proj.resolve("thesis.tex"), "\\chapter{Results}");
        Files.writeString(proj.resolve("src/main.c"), "int main(){}");
        CliTest.Outcome o = CliTest.coag("run", proj.resolve("config.toml").toString(), "--out", proj.toString(), "--force", "-q");
        assertEquals(1, o.code());
        assertTrue(o.err().contains("not marked as a coag run directory"), o.err());
        assertTrue(Files.exists(proj.resolve("thesis.tex")) && Files.exists(proj.resolve("src/main.c")));

        Path run = tmp.resolve("run");
        assertEquals(0, CliTest.coag("run", config().toString(), "--out", run.toString(), "-q").code());
        String firstMarker = Files.readString(run.resolve(".coag"));
        assertEquals(0, CliTest.coag("run", config().toString(), "--out", run.toString(), "-q", "--force").code(),
                "coag's own run is replaced");
        assertNotEquals(firstMarker, Files.readString(run.resolve(".coag")), "a new run, a new identity");
        assertEquals("completed", CliTest.json(run.resolve("meta.json")).get("status"));

        Files.writeString(run.resolve("notes.txt"), "mine");
        o = CliTest.coag("run", config().toString(), "--out", run.toString(), "-q", "--force");
        assertEquals(1, o.code());
        assertTrue(o.err().contains("notes.txt, which coag did not write"), o.err());
        assertTrue(Files.exists(run.resolve("notes.txt")) && Files.exists(run.resolve("summary.json")), "nothing deleted");
    }

    @Test
    void forceWithOutDotInsideARunDirectory() throws Exception {
        Path run = tmp.resolve("here");
        assertEquals(0, CliTest.coag("run", config().toString(), "--out", run.toString(), "-q").code());
        Process p = ChildProcesses.coagIn(run, List.of(), tmp, "dot", "run", config().toString(), "--out", ".", "--force", "-q");
        assertEquals(0, p.waitFor(), Files.readString(tmp.resolve("dot.err")));
        assertEquals("completed", CliTest.json(run.resolve("meta.json")).get("status"));
        Files.writeString(run.resolve("thesis.tex"), "mine");
        p = ChildProcesses.coagIn(run, List.of(), tmp, "dot2", "run", config().toString(), "--out", ".", "--force", "-q");
        assertEquals(1, p.waitFor());
        assertTrue(Files.readString(tmp.resolve("dot2.err")).contains("thesis.tex, which coag did not write"));
        assertTrue(Files.exists(run.resolve("thesis.tex")) && Files.exists(run.resolve("summary.json")));
    }

    @Test
    void aCheckpointThatCannotBeWrittenMarksTheRunFailedInOneLine() throws Exception {
        Path run = tmp.resolve("blocked");
        Files.createDirectories(run);
        Process p = ChildProcesses.coag(tmp, "first", "run", config().toString(), "--out", run.toString(), "-q");
        assertTrue(ChildProcesses.awaitFile(run.resolve("checkpoint.bin"), p, 60_000));
        ChildProcesses.signal(p.pid(), "TERM");
        assertEquals(143, p.waitFor());
        Files.createDirectories(run.resolve(".checkpoint.bin.tmp/in-the-way"));
        CliTest.Outcome o = CliTest.coag("run", "--resume", run.toString(), "-q");
        assertEquals(1, o.code());
        List<String> errors = o.err().lines().filter(l -> l.startsWith("coag: ")).toList();
        assertEquals(1, errors.size(), o.err());
        assertTrue(errors.get(0).startsWith("coag: error: cannot use ") && errors.get(0).contains(".checkpoint.bin.tmp"), o.err());
        Map<String, Object> meta = CliTest.json(run.resolve("meta.json"));
        assertEquals("failed", meta.get("status"));
        assertTrue(String.valueOf(meta.get("error")).contains(".checkpoint.bin.tmp"), meta.toString());
        assertTrue(CliTest.coag("status", run.toString()).out().contains(": failed ("));
    }

    @Test
    void aRunWithNothingToFitWritesNullAndSaysWhyNotNaN() throws Exception {
        Path c = tmp.resolve("quiet.toml");
        Files.writeString(c, """
                [model]
                mode = "annihilation"
                particles = 200
                volume_fraction = 1e-6
                [time]
                dt_over_eps2 = 0.05
                steps = 40
                [observe]
                every_steps = 4
                """);
        Path run = tmp.resolve("quiet");
        CliTest.Outcome o = CliTest.coag("run", c.toString(), "--out", run.toString(), "-q");
        assertEquals(0, o.code(), o.err());
        String text = Files.readString(run.resolve("summary.json"));
        assertFalse(text.contains("NaN") || text.contains("Infinity"), text);
        Map<String, Object> s = CliTest.json(run.resolve("summary.json"));
        assertEquals(0, ((Number) s.get("events")).intValue(), "the test needs a run without collisions");
        assertTrue(s.containsKey("beta_measured"));
        assertNull(s.get("beta_measured"));
        assertTrue(String.valueOf(s.get("beta_fit_note")).contains("no collisions"), text);
        assertTrue(o.out().contains("not measured: no collisions"), o.out());
    }

    @Test
    void aRunTooLargeForTheHeapIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path run = tmp.resolve("huge");
        long start = System.nanoTime();
        Process p = ChildProcesses.coagIn(null, List.of("-Xmx256m"), tmp, "huge", "run", config().toString(), "--out", run.toString(),
                "--set", "model.particles=20000000");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String err = Files.readString(tmp.resolve("huge.err"));
        assertEquals(1, p.exitValue(), err);
        assertEquals(1, err.lines().filter(l -> !l.contains("incubator")).count(), err);
        assertTrue(err.contains("of heap") && err.contains("JAVA_OPTS=-Xmx"), err);
        assertFalse(Files.exists(run), "nothing written");
        assertTrue(System.nanoTime() - start < 30_000_000_000L, "refused at once, not after allocating");
    }

    @Test
    void benchChecksItsJsonPathBeforeMeasuring() throws Exception {
        long start = System.nanoTime();
        CliTest.Outcome o = CliTest.coag("bench", "--particles", "1e5", "--seconds", "30", "-q", "--json", "/proc/coag/bench.json");
        assertEquals(1, o.code());
        assertTrue(o.err().contains("--json /proc/coag/bench.json"), o.err());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "refused before the 30 s benchmark");
    }
}
