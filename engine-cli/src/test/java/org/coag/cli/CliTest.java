package org.coag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command as a user meets it: exit codes, one-line errors, run directories. */
class CliTest {
    static final String SMALL = """
            [model]
            mode = "coagulation"
            particles = 3000
            volume_fraction = 0.02
            [model.alpha]
            value = 10.0
            [time]
            dt_over_eps2 = 0.05
            steps = 600
            [observe]
            every_steps = 20
            [checkpoint]
            every_steps = 25
            every_seconds = 0
            """;

    @TempDir
    Path tmp;

    record Outcome(int code, String out, String err) {
    }

    static Outcome coag(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        System.setErr(new PrintStream(err, true));
        try {
            int code = CoagMain.execute(args);
            return new Outcome(code, out.toString(), err.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), Map.class);
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void badConfigsGiveOneLineAndExitOneWithoutARunDirectory() throws IOException {
        String[][] cases = {
            {"model.particles=-5", "model.particles"},
            {"model.eps=2.0", "model.eps"},
            {"model.kernel.type=\"gauss\"", "model.kernel.type"},
        };
        Path cfg = write("base.toml", "[model]\nparticles = 100\neps = 0.01\n[time]\nsteps = 5\n");
        for (String[] c : cases) {
            Path out = tmp.resolve("never");
            Outcome o = coag("run", cfg.toString(), "--out", out.toString(), "--set", c[0]);
            assertEquals(1, o.code(), o.err());
            assertTrue(o.err().startsWith("coag: error: " + c[1]), o.err());
            assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
            assertFalse(Files.exists(out), "no run directory for an invalid config");
        }
        Outcome missing = coag("run", tmp.resolve("nope.toml").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("does not exist"), missing.err());
        Outcome backend = coag("run", cfg.toString(), "--backend", "quantum", "--out", tmp.resolve("b").toString());
        assertEquals(1, backend.code());
        assertTrue(backend.err().contains("unknown backend 'quantum'"), backend.err());
        assertFalse(Files.exists(tmp.resolve("b")), "no run directory for an unknown backend");
        assertEquals(2, coag("run", "--no-such-flag").code());
        Outcome help = coag("run", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--resume"), help.out());
    }

    @Test
    void freeSpaceRunReachingTheSeamFailsClearlyAndIsMarkedFailed() throws IOException {
        // shared with engine-core's ReferencePhysicsTest (Maven runs each module's tests in its own directory)
        Path cfg = Path.of("..", "engine-core", "src", "test", "resources", "configs", "free-space-reaches-seam.toml");
        Path out = tmp.resolve("free");
        Outcome o = coag("run", cfg.toString(), "--out", out.toString(), "-q");
        assertEquals(1, o.code());
        List<String> errors = o.err().lines().filter(l -> l.startsWith("coag: error")).toList();
        assertEquals(1, errors.size(), o.err());
        assertTrue(errors.get(0).startsWith("coag: error: free space: particle"), o.err());
        assertFalse(Files.exists(out.resolve("summary.json")));
        assertEquals("failed", json(out.resolve("meta.json")).get("status"));
    }

    @Test
    void verifyComparesBackendsAndRefusesBadLists() throws IOException {
        Path cfg = write("verify.toml", SMALL);
        Outcome ok = coag("verify", cfg.toString(), "--backends", "reference,cpu", "--steps", "60", "--threads", "2");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("identical"), ok.out());
        List<String> rows = ok.out().lines().filter(l -> l.startsWith("reference ") || l.startsWith("cpu ")).toList();
        assertEquals(2, rows.size(), ok.out());
        String[] ref = rows.get(0).trim().split("\\s+");
        String[] cpu = rows.get(1).trim().split("\\s+");
        assertEquals(ref[ref.length - 1], cpu[cpu.length - 1], "final_state_sha256");
        assertEquals(ref[ref.length - 2], cpu[cpu.length - 2], "event_log_sha256");
        Outcome differ = coag("verify", cfg.toString(), "--backends", "reference,skewed", "--steps", "60");
        assertEquals(1, differ.code(), differ.out());
        assertTrue(differ.err().contains("the backends differ"), differ.err());
        Outcome one = coag("verify", cfg.toString(), "--backends", "reference");
        assertEquals(1, one.code());
        assertTrue(one.err().startsWith("coag: error: --backends needs at least two"), one.err());
        Outcome unknown = coag("verify", cfg.toString(), "--backends", "reference,nope");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("unknown backend 'nope'"), unknown.err());
    }

    @Test
    void completedRunWritesEveryOutput() throws IOException {
        Path out = tmp.resolve("ok");
        Outcome o = coag("run", write("small.toml", SMALL).toString(), "--out", out.toString(), "-q", "--seed", "5");
        assertEquals(0, o.code(), o.err());
        for (String f : new String[] {"config.toml", "meta.json", "timeseries.csv", "mass_spectrum.csv", "collisions.csv",
            "events.bin", "checkpoint.bin", "summary.json"}) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        Map<String, Object> s = json(out.resolve("summary.json"));
        for (String key : new String[] {"backend", "particles", "steps", "particle_steps_per_second", "event_log_sha256", "final_state_sha256"}) {
            assertTrue(s.containsKey(key), key);
        }
        assertEquals(5, ((Number) s.get("seed")).intValue());
        assertEquals("completed", json(out.resolve("meta.json")).get("status"));
        assertEquals(28L * ((Number) s.get("events")).longValue(), Files.size(out.resolve("events.bin")));
        Outcome again = coag("run", write("small2.toml", SMALL).toString(), "--out", out.toString(), "-q");
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already exists"), again.err());
    }
}
