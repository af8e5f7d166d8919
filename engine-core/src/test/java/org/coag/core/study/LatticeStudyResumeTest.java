package org.coag.core.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.coag.core.backend.BackendOptions;
import org.coag.core.io.Json;
import org.coag.core.run.RunControl;
import org.coag.core.run.RunListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lattice study task stopped after every single step and resumed each time ends with the result of an
 * uninterrupted one (its survivors at the observation steps, both hashes), and every side runs the same
 * steps at the same scaled times.
 */
class LatticeStudyResumeTest {
    private static final String CONFIG = String.join("\n", "[model]", "space = \"lattice\"", "dim = 3", "mode = \"annihilation\"",
            "[model.lattice]", "side = 4", "coalescence = \"instantaneous\"", "[time]", "dt = 0.5", "t_end = 4.0",
            "[study]", "sides = [4, 8]", "seeds = 1", "observations = 4", "backend = \"reference\"");
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
        StudyTask task = whole.plan().task(1);
        assertEquals("L8-seed1", task.name());
        assertEquals(512, task.particles(), "one walker per site of T_8^3");
        assertEquals("done", StudyTaskRunner.run(whole, task, BackendOptions.DEFAULTS, new RunControl(), RunListener.SILENT));
        int sessions = 0;
        String outcome;
        do {
            RunControl stop = new RunControl();
            stop.requestStop();
            outcome = StudyTaskRunner.run(pieces, task, BackendOptions.DEFAULTS, stop, RunListener.SILENT);
            sessions++;
        } while (!outcome.equals("done") && sessions < 100);
        assertEquals(9, sessions, "t_end / dt = 4 / 0.5 = 8 steps at every L (both scale with L^2): one step per session, "
                + "then a session that only finishes the run");
        ObjectNode a = (ObjectNode) Json.MAPPER.readTree(whole.taskDir(task).resolve(StudyDirectory.RESULT).toFile());
        ObjectNode b = (ObjectNode) Json.MAPPER.readTree(pieces.taskDir(task).resolve(StudyDirectory.RESULT).toFile());
        a.remove("wall_seconds");
        b.remove("wall_seconds");
        assertEquals(a, b);
        StudyRunData small = runAndRead(whole, whole.plan().task(0));
        StudyRunData large = whole.results().get(1);
        assertEquals(8, large.side());
        assertArrayEquals(new double[] {0, 4, 8, 12, 16}, large.times(), 1e-12, "t = tau L^2 at tau = k / 16, L = 8");
        for (int k = 0; k < small.times().length; k++) {
            assertEquals(small.times()[k] / 16, large.times()[k] / 64, 1e-12, "the same scaled times tau = t / L^2");
        }
        assertTrue(large.survivors()[4] < large.survivors()[0]);
    }

    private static StudyRunData runAndRead(StudyDirectory sd, StudyTask task) throws IOException {
        assertEquals("done", StudyTaskRunner.run(sd, task, BackendOptions.DEFAULTS, new RunControl(), RunListener.SILENT));
        return sd.results().get(0);
    }
}
