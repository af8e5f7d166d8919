package org.coag.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.coag.core.backend.BackendOptions;
import org.coag.core.io.Json;
import org.coag.core.run.RunControl;
import org.coag.core.run.RunListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fragmentation study task stopped after every single step and resumed each time ends with the result of an
 * uninterrupted one (its observations, both hashes), with splits among its events.
 */
class FragmentationStudyResumeTest {
    private static final String CONFIG = String.join("\n", "[model]", "dim = 3", "particles = 300", "Z = 10.0",
            "[model.fragmentation]", "rule = \"dual\"", "equilibrium = { type = \"constant\", value = 40.0 }", "[time]",
            "dt_over_eps2 = 0.05", "t_end = 0.0033", "[theory]", "masses = 16", "[study]", "particles = [300]", "seeds = 1",
            "observations = 3", "backend = \"reference\"");
    private static final Study.Listener QUIET = new Study.Listener() {
        @Override
        public void message(String line) {
        }

        @Override
        public void progress(double done, String detail) {
        }
    };

    @TempDir
    Path tmp;

    @Test
    void aTaskStoppedAtEveryStepEndsAsAnUninterruptedOne() throws IOException {
        StudyDirectory whole = StudyDirectory.init(tmp.resolve("whole"), StudyPlan.of(CONFIG, List.of()), QUIET);
        StudyDirectory pieces = StudyDirectory.init(tmp.resolve("pieces"), StudyPlan.of(CONFIG, List.of()), QUIET);
        StudyTask task = whole.plan().task(0);
        assertEquals("done", StudyTaskRunner.run(whole, task, BackendOptions.DEFAULTS, new RunControl(), RunListener.SILENT));
        int sessions = 0;
        String outcome;
        do {
            RunControl stop = new RunControl();
            stop.requestStop();
            outcome = StudyTaskRunner.run(pieces, task, BackendOptions.DEFAULTS, stop, RunListener.SILENT);
            sessions++;
        } while (!outcome.equals("done") && sessions < 200);
        assertTrue(sessions > 50, "one step per session: " + sessions);
        ObjectNode a = (ObjectNode) Json.MAPPER.readTree(whole.taskDir(task).resolve(StudyDirectory.RESULT).toFile());
        ObjectNode b = (ObjectNode) Json.MAPPER.readTree(pieces.taskDir(task).resolve(StudyDirectory.RESULT).toFile());
        a.remove("wall_seconds");
        b.remove("wall_seconds");
        assertEquals(a, b);
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = Json.MAPPER.readValue(whole.taskDir(task).resolve("summary.json").toFile(), Map.class);
        long events = ((Number) summary.get("events")).longValue();
        long lost = 300 - ((Number) summary.get("survivors")).longValue();
        assertTrue(events - lost >= 6, "events = coagulations + splits, lost = coagulations - splits: splits = (events - lost) / 2 "
                + "= " + (events - lost) / 2);
    }
}
