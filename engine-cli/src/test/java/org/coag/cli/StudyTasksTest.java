package org.coag.cli;

import static org.coag.cli.CliTest.coag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coag.cli.CliTest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Study tasks as resumable runs (issue 25): run one by index, a shard, or all; a report from what
 * is done names what is missing; a task killed mid-run resumes to the observations and hashes of an
 * uninterrupted one; the same tasks give the same bits as the local study.
 */
class StudyTasksTest {
    static final String LONG = """
            [model]
            mode = "coagulation"
            particles = 3000
            Z = 35.0
            [model.alpha]
            value = 10.0
            [time]
            dt_over_eps2 = 0.05
            t_end = 0.017
            [checkpoint]
            every_steps = 1
            every_seconds = 0
            [theory]
            masses = 8
            [study]
            particles = [3000]
            seeds = 1
            observations = 5
            backend = "reference"
            """;

    @TempDir
    Path tmp;

    private static JsonNode result(Path study, String task) throws IOException {
        ObjectNode n = (ObjectNode) new ObjectMapper().readTree(study.resolve("tasks").resolve(task).resolve("result.json").toFile());
        n.remove("wall_seconds");
        return n;
    }

    @Test
    void tasksRunByIndexShardOrAllGiveTheLocalStudysBits() throws IOException {
        Path config = tmp.resolve("small.toml");
        Files.writeString(config, StudyCommandTest.SMALL.replace("seeds = 1", "seeds = 2"));
        Path local = tmp.resolve("local");
        assertEquals(0, coag("study", config.toString(), "-o", local.toString(), "-q").code());

        Path dir = tmp.resolve("sharded");
        Outcome init = coag("study", "submit", config.toString(), "-o", dir.toString(), "--dry-run", "--coag", "coag");
        assertEquals(0, init.code(), init.err());
        assertTrue(init.out().contains("4 of 4 tasks to submit (0-3)"), init.out());
        String tasks = coag("study", "tasks", dir.toString()).out();
        assertTrue(tasks.contains("4 tasks: {pending=4}"), tasks);

        assertEquals(0, coag("study", "run", dir.toString(), "--task", "0", "-q").code());
        assertEquals(0, coag("study", "run", dir.toString(), "--shard", "2/2", "-q").code());
        tasks = coag("study", "tasks", dir.toString()).out();
        assertTrue(tasks.contains("4 tasks: {done=3, pending=1}"), tasks);

        Outcome partial = coag("study", "report", dir.toString());
        assertEquals(StudyReportCommand.EXIT_INCOMPLETE, partial.code(), partial.err());
        assertTrue(partial.out().contains("missing: task 2 (N600-seed1): pending"), partial.out());
        assertTrue(Files.readString(dir.resolve("report.md")).contains("Incomplete: 1 of 4 tasks are not done"));

        assertEquals(0, coag("study", "run", dir.toString(), "--all", "-q").code());
        assertEquals(0, coag("study", "report", dir.toString()).code());
        for (String task : List.of("N300-seed1", "N300-seed2", "N600-seed1", "N600-seed2")) {
            assertEquals(result(local, task), result(dir, task), task);
        }
        String report = Files.readString(dir.resolve("report.md"));
        assertFalse(report.contains("Incomplete"), report);
        assertTrue(report.contains(result(local, "N600-seed2").get("event_log_sha256").asText()), "the report lists each task's hashes");
    }

    @Test
    void aTaskKilledMidRunResumesToTheSameObservationsAndHashes() throws Exception {
        Path config = tmp.resolve("long.toml");
        Files.writeString(config, LONG);
        Path whole = tmp.resolve("whole");
        assertEquals(0, coag("study", config.toString(), "-o", whole.toString(), "-q").code());

        Path dir = tmp.resolve("killed");
        assertEquals(0, coag("study", "submit", config.toString(), "-o", dir.toString(), "--dry-run", "--coag", "coag").code());
        Path task = dir.resolve("tasks/N3000-seed1");
        for (int kill = 0; kill < 2; kill++) {
            Process p = ChildProcesses.coag(tmp, "task" + kill, "study", "run", dir.toString(), "--task", "0", "-q");
            assertTrue(ChildProcesses.awaitFile(task.resolve("observations.jsonl"), p, 60_000));
            assertTrue(ChildProcesses.awaitFile(task.resolve("checkpoint.bin"), p, 60_000));
            Thread.sleep(300 + 400L * kill);
            assertTrue(p.isAlive(), "the task ended before the kill; lengthen LONG");
            p.destroyForcibly();
            assertEquals(137, p.waitFor());
            assertTrue(coag("study", "tasks", dir.toString()).out().contains("interrupted"));
        }
        Outcome resumed = coag("study", "run", dir.toString(), "--task", "0", "-q");
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(result(whole, "N3000-seed1"), result(dir, "N3000-seed1"));
        assertEquals(Files.readString(whole.resolve("tasks/N3000-seed1/observations.jsonl")),
                Files.readString(task.resolve("observations.jsonl")), "observations written as taken, cut back on resume");
    }

    @Test
    void badTaskSelectionsAndDirectoriesGiveOneLine() throws IOException {
        Path config = tmp.resolve("small.toml");
        Files.writeString(config, StudyCommandTest.SMALL);
        Path dir = tmp.resolve("s");
        assertEquals(0, coag("study", "submit", config.toString(), "-o", dir.toString(), "--dry-run", "--coag", "coag").code());
        String[][] cases = {
            {"run", dir.toString(), "--task", "7"}, {"out of range: this study has 2 tasks (0..1)"},
            {"run", dir.toString(), "--shard", "3/2"}, {"expected K/N with 1 <= K <= N"},
            {"run", dir.toString(), "--shard", "two"}, {"expected K/N"},
            {"tasks", tmp.toString()}, {"is not a study directory"},
            {"report", dir.toString()}, {"no task of"},
            {"submit", dir.toString(), "--set", "model.Z=3"}, {"-o and --set go with a CONFIG"},
        };
        for (int i = 0; i < cases.length; i += 2) {
            String[] args = new String[cases[i].length + 1];
            args[0] = "study";
            System.arraycopy(cases[i], 0, args, 1, cases[i].length);
            Outcome o = coag(args);
            assertEquals(1, o.code(), String.join(" ", args) + ": " + o.err());
            assertEquals(1, o.err().lines().count(), o.err());
            assertTrue(o.err().contains(cases[i + 1][0]), o.err());
        }
    }
}
