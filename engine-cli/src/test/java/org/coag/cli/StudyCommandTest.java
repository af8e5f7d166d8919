package org.coag.cli;

import static org.coag.cli.CliTest.coag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coag.cli.CliTest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coag study}: files, resume and extension, refusal of a foreign directory, one-line errors. */
class StudyCommandTest {
    static final String SMALL = String.join("\n", "[model]", "dim = 3", "mode = \"coagulation\"", "particles = 400", "Z = 4.0",
            "[domain]", "type = \"free\"", "side = 2.0", "[initial]", "type = \"ball\"", "radius = 0.1",
            "[time]", "dt_over_eps2 = 0.1", "t_end = 2e-4", "[theory]", "masses = 8", "grid = 64",
            "[study]", "particles = [300, 600]", "seeds = 1", "observations = 4", "backend = \"reference\"");

    @TempDir
    Path tmp;

    @Test
    void writesTheReportResumesAndExtends() throws IOException {
        Path config = tmp.resolve("small.toml");
        Files.writeString(config, SMALL);
        Path dir = tmp.resolve("study");
        Outcome first = coag("study", config.toString(), "-o", dir.toString(), "-q");
        assertEquals(0, first.code(), first.err());
        for (String f : List.of("report.md", "summary.csv", "theory.json", "study.toml", "tasks/N300-seed1/result.json",
                "tasks/N600-seed1/result.json", "tasks/N600-seed1/summary.json", "tasks/N600-seed1/observations.jsonl", "plots/survivors.png", "plots/survivors.svg", "plots/spectrum.png", "plots/profile.svg",
                "plots/pair-correlation.png", "plots/weak-error.svg")) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
        assertEquals(2, first.err().lines().filter(l -> l.startsWith("task ")).count(), first.err());
        List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
        assertTrue(summary.get(0).startsWith("N,seeds,eps,h_final,h_final_se,h_limit,h_naive,h_finite_n,beta_at_eps"), summary.get(0));
        assertEquals(3, summary.size());
        assertTrue(summary.get(1).startsWith("300,1,") && summary.get(1).contains(",,"), "one seed: an empty standard error cell, "
                + "not NaN: " + summary.get(1));
        String report = Files.readString(dir.resolve("report.md"));
        assertTrue(!report.contains("NaN") && report.contains("(one seed: no error)"), "one seed says so: " + report);
        assertTrue(report.contains("(two-point slope, not a fit)"), "two N give no fitted exponent: " + report);
        assertTrue(Files.exists(dir.resolve("plots/beta.png")));
        List<String> tasks = Files.readAllLines(dir.resolve("tasks.csv"));
        assertEquals("N,seed,backend,wall_seconds,event_log_sha256,final_state_sha256", tasks.get(0));
        assertTrue(tasks.get(2).startsWith("600,1,") && tasks.get(2).matches(".*,[0-9a-f]{64},[0-9a-f]{64}"), tasks.get(2));
        assertTrue(report.contains("![survivors](plots/survivors.png)") && report.contains("| 600 | 1 |"), report);
        assertEquals(report.contains("| 1, 1 | 0.000 |"), report.contains("No pair of masses 1, 1 was within interaction range"),
                "a left side of 0 in the Proposition 4.1 table is explained, and only then");

        Outcome more = coag("study", config.toString(), "-o", dir.toString(), "-q", "--set", "study.seeds=2");
        assertEquals(0, more.code(), more.err());
        assertEquals(2, more.err().lines().filter(l -> l.startsWith("task ")).count(), "only the two new seeds run: " + more.err());
        assertTrue(Files.exists(dir.resolve("tasks/N600-seed2/result.json")));
        assertTrue(Files.readString(dir.resolve("report.md")).contains("| 600 | 2 |"));

        Outcome other = coag("study", config.toString(), "-o", dir.toString(), "-q", "--set", "model.Z=5.0");
        assertEquals(1, other.code());
        assertTrue(other.err().startsWith("coag: error: study: ") && other.err().contains("another model"), other.err());

        Outcome times = coag("study", config.toString(), "-o", dir.toString(), "-q", "--set", "study.observations=5");
        assertEquals(1, times.code());
        assertTrue(times.err().startsWith("coag: error: study: ") && times.err().contains("study.observations changed"), times.err());
        assertTrue(Files.readString(dir.resolve("report.md")).contains("| 600 | 2 |"), "the refused study left the report alone");
    }

    /** Observables come from the state each backend reads back: equal states, equal observables. */
    @Test
    void observablesAreTheSameOnEveryBackend() throws IOException {
        Path config = tmp.resolve("small.toml");
        Files.writeString(config, SMALL);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<com.fasterxml.jackson.databind.node.ObjectNode> runs = new java.util.ArrayList<>();
        for (String backend : List.of("reference", "cpu")) {
            Path dir = tmp.resolve(backend);
            Outcome o = coag("study", config.toString(), "-o", dir.toString(), "-q", "--set", "study.backend=\"" + backend + "\"");
            assertEquals(0, o.code(), o.err());
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(dir.resolve("tasks/N600-seed1/result.json").toFile());
            node.remove("wall_seconds");
            node.remove("backend");
            runs.add(node);
        }
        assertEquals(runs.get(0), runs.get(1));
    }

    @Test
    void refusesAnEpsThatChangesTheLimitWithN() throws IOException {
        Path config = tmp.resolve("eps.toml");
        Files.writeString(config, SMALL.replace("Z = 4.0", "eps = 0.01"));
        Outcome o = coag("study", config.toString(), "-o", tmp.resolve("s").toString(), "-q");
        assertEquals(1, o.code());
        assertTrue(o.err().contains("give model.Z"), o.err());
    }
}
