package org.coag.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.coag.core.study.StudyDirectory;
import org.coag.core.study.StudyTask;
import org.coag.core.study.StudyTaskState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coag study tasks DIR}: every task of a study and its state, from the study directory alone. */
@Command(name = "tasks", mixinStandardHelpOptions = true,
        description = "List a study's tasks and their state: pending, running (the process and its progress), interrupted "
                + "(resumes from its checkpoint), failed (with the reason) or done. The state comes from the study directory "
                + "alone, never from a scheduler's accounting; a task whose process died is marked as such.")
final class StudyTasksCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "study directory")
    private Path dir;

    @Override
    public Integer call() throws IOException {
        StudyDirectory sd = StudyDirectory.open(dir);
        Map<String, Integer> counts = new TreeMap<>();
        System.out.printf("%5s %10s %6s  %-11s %s%n", "task", "N", "seed", "state", "detail");
        for (StudyTask t : sd.plan().tasks()) {
            StudyTaskState s = sd.state(t);
            counts.merge(s.state(), 1, Integer::sum);
            System.out.printf("%5d %10s %6d  %-11s %s%n", t.index(), t.side() > 0 ? "L = " + t.side() : String.valueOf(t.particles()),
                    t.seed(), s.state(), s.detail());
        }
        System.out.println(sd.plan().tasks().size() + " tasks: " + counts);
        return 0;
    }
}
