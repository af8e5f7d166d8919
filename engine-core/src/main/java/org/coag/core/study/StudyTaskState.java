package org.coag.core.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.coag.core.run.RunStatus;

/**
 * A task's state as its directory shows it: {@code pending} (never started), {@code running} (a
 * live process holds its lock), {@code interrupted} (stopped, killed or dead: it resumes from its
 * last checkpoint), {@code failed} (with the run's one-line reason), or {@code done} (its
 * result.json is written).
 *
 * @param task the task
 * @param state one of the words above
 * @param detail one line: progress, the holder, or the reason
 */
public record StudyTaskState(StudyTask task, String state, String detail) {
    /** @return whether the task still needs running (pending, interrupted or failed) */
    public boolean unfinished() {
        return !state.equals("done") && !state.equals("running");
    }

    static StudyTaskState of(StudyTask task, Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve(StudyDirectory.RESULT))) {
            return new StudyTaskState(task, "done", "");
        }
        if (!Files.isRegularFile(dir.resolve("config.toml"))) {
            return new StudyTaskState(task, "pending", "");
        }
        RunStatus s = RunStatus.inspect(dir);
        return switch (s.state()) {
            case "running" -> new StudyTaskState(task, "running", s.detail());
            case "failed" -> new StudyTaskState(task, "failed", s.detail());
            case "not-started" -> new StudyTaskState(task, "pending", "");
            case "completed" -> new StudyTaskState(task, "interrupted", "completed; its result is assembled when it is run again");
            default -> new StudyTaskState(task, "interrupted", s.detail());
        };
    }
}
