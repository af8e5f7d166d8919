package org.coag.core.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.coag.core.io.DirectoryLock;
import org.coag.core.io.FileErrors;
import org.coag.core.model.ModelException;

/**
 * The state of a run directory as it really is, not only as {@code meta.json} last said: a run
 * whose meta.json says {@code running} but whose lock nobody holds was ended without a word
 * (SIGKILL, a node failure, a full disk); looking marks it {@code dead} in meta.json, under the
 * lock, so no later reader mistakes it for a live one.
 *
 * @param state not-started, running, interrupted, failed, dead or completed
 * @param detail one line: progress, the holder, or the failure's reason
 */
public record RunStatus(String state, String detail) {
    /** @return whether {@code coag run --resume} continues the run (interrupted, failed or dead) */
    public boolean resumable() {
        return state.equals("interrupted") || state.equals("failed") || state.equals("dead");
    }

    /**
     * @param path a run directory
     * @return its state, after marking a dead run as such
     * @throws IOException on file-system failure
     */
    @SuppressWarnings("unchecked")
    public static RunStatus inspect(Path path) throws IOException {
        RunDirectory dir = RunDirectory.open(path);
        Optional<DirectoryLock.Holder> holder = DirectoryLock.holder(path);
        if (!Files.exists(dir.file("meta.json"))) {
            return holder.map(h -> new RunStatus("running", "starting, " + h))
                    .orElse(new RunStatus("not-started", "no meta.json: the run never started"));
        }
        Map<String, Object> meta = dir.readJson("meta.json");
        String status = String.valueOf(meta.get("status"));
        String progress = progress(meta);
        if (holder.isPresent()) {
            return new RunStatus("running", progress + ", " + holder.get() + heartbeatAge(meta));
        }
        if (status.equals("running")) {
            meta = markDead(dir, meta);
            status = String.valueOf(meta.get("status"));
        }
        return switch (status) {
            case "interrupted" -> new RunStatus(status, progress + (meta.get("error") != null ? " (" + meta.get("error") + ")" : ""));
            case "failed", "dead" -> new RunStatus(status, progress + ": " + meta.get("error"));
            default -> new RunStatus(status, progress);
        };
    }

    /** Marks a run whose writer died as dead, under the lock; returns the meta.json then in force. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> markDead(RunDirectory dir, Map<String, Object> seen) throws IOException {
        Object h = seen.get("holder");
        String who = h instanceof Map<?, ?> m ? "pid " + m.get("pid") + " on " + m.get("host") : "its writer";
        String reason = "the writer (" + who + ") ended without marking the run (killed, or its machine failed); "
                + "last heartbeat " + seen.get("heartbeat") + " at step " + seen.get("step");
        Map<String, Object> meta = seen;
        try (DirectoryLock lock = dir.lock()) {
            meta = dir.readJson("meta.json");
            if (!"running".equals(meta.get("status"))) {
                return meta;
            }
            meta.put("status", "dead");
            meta.put("error", reason);
            dir.writeJson("meta.json", meta);
        } catch (ModelException taken) {
            meta.put("status", "running");
        } catch (IOException e) {
            meta.put("status", "dead");
            meta.put("error", reason + " (meta.json could not be updated: " + FileErrors.describe(e) + ")");
        }
        return meta;
    }

    private static String progress(Map<String, Object> meta) {
        Object step = meta.get("step");
        Object steps = meta.get("steps");
        return step == null || steps == null ? "step ?" : "step " + step + " of " + steps;
    }

    private static String heartbeatAge(Map<String, Object> meta) {
        try {
            Duration age = Duration.between(Instant.parse(String.valueOf(meta.get("heartbeat"))), Instant.now());
            return String.format(Locale.ROOT, ", heartbeat %d s ago", Math.max(0, age.toSeconds()));
        } catch (RuntimeException e) {
            return "";
        }
    }
}
