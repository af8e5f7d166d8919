package org.coag.core.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.coag.core.backend.BackendOptions;
import org.coag.core.config.RunConfig;
import org.coag.core.run.RunControl;
import org.coag.core.run.RunListener;

/**
 * A convergence study (coag study): the config's model at every N of [study] with several seeds,
 * and its macroscopic limit once. Each (N, seed) is a task, an ordinary resumable run in its own
 * directory ({@link StudyDirectory}), so a study runs here task after task ({@link #run}) or spread
 * over a scheduler's job array one task per job ({@link StudyTaskRunner}), resumes after any
 * interruption without recomputing what is done, and extends (more seeds, more N) the same way.
 * The model must fix Z (model.Z), so that every N has the same limit. A lattice config sweeps the side L
 * instead, in Brownian scaling ({@link LatticeStudy}); with fragmentation the limit is the
 * coagulation-fragmentation ODE ({@link FragmentationStudy}).
 */
public final class Study {
    /** Progress of a study. */
    public interface Listener {
        /** @param line a message */
        void message(String line);

        /**
         * @param done fraction of this session's tasks done
         * @param detail what runs now
         */
        void progress(double done, String detail);
    }

    /**
     * Everything a report needs.
     *
     * @param config the config (at its own N)
     * @param theory the macroscopic side
     * @param runs the results of the tasks that are done
     * @param missing the tasks that are not done (the report names them)
     * @param dir the study directory
     */
    public record Result(RunConfig config, StudyTheoryData theory, List<StudyRunData> runs, List<StudyTaskState> missing, Path dir) {
    }

    private Study() {
    }

    /**
     * Runs a whole study here: makes or extends the directory, runs every task that is not done
     * (resuming interrupted ones) one after another on all the given threads, and collects.
     *
     * @param configText the TOML config
     * @param overrides --set overrides
     * @param dir the study directory (created, extended or resumed)
     * @param options threads and vector width of every task
     * @param control stop requests (Ctrl-C stops the running task at a checkpoint)
     * @param listener progress
     * @return all data of the study
     * @throws IOException on file-system failure
     */
    public static Result run(String configText, List<String> overrides, Path dir, BackendOptions options, RunControl control,
                             Listener listener) throws IOException {
        StudyDirectory sd = StudyDirectory.init(dir, StudyPlan.of(configText, overrides), listener);
        List<StudyTask> todo = new ArrayList<>();
        double total = 0;
        for (StudyTask t : sd.plan().tasks()) {
            if (sd.state(t).unfinished()) {
                todo.add(t);
                total += cost(sd.plan(), t);
            }
        }
        double done = 0;
        for (StudyTask t : todo) {
            if (control.stopRequested()) {
                return collect(sd);
            }
            String size = t.side() > 0 ? "L = " + t.side() : "N = " + t.particles();
            listener.progress(done / total, size + ", seed " + t.seed());
            String outcome = StudyTaskRunner.run(sd, t, options, control, RunListener.SILENT);
            if (!outcome.equals("done")) {
                listener.message("study interrupted during task " + t.index() + " (" + t.name() + "); run the same command again to resume");
                return collect(sd);
            }
            StudyRunData r = sd.results().stream().filter(x -> x.particles() == t.particles() && x.seed() == t.seed()
                    && x.side() == t.side()).findFirst().orElseThrow();
            listener.message(String.format("task %d: %s, seed %d: %d -> %d survivors, %.1f s (%s)", t.index(), size, t.seed(),
                    r.survivors()[0], r.survivors()[r.survivors().length - 1], r.wallSeconds(), r.backend()));
            done += cost(sd.plan(), t);
        }
        listener.progress(1, "done");
        return collect(sd);
    }

    /**
     * {@link #run(String, List, Path, BackendOptions, RunControl, Listener)} on all processors, not stoppable.
     *
     * @param configText the TOML config
     * @param overrides --set overrides
     * @param dir the study directory
     * @param listener progress
     * @return all data of the study
     * @throws IOException on file-system failure
     */
    public static Result run(String configText, List<String> overrides, Path dir, Listener listener) throws IOException {
        return run(configText, overrides, dir, BackendOptions.DEFAULTS, new RunControl(), listener);
    }

    /**
     * @param sd a study directory
     * @return what its finished tasks give, and which tasks are missing
     * @throws IOException on read failure
     */
    public static Result collect(StudyDirectory sd) throws IOException {
        List<StudyTaskState> missing = new ArrayList<>();
        for (StudyTask t : sd.plan().tasks()) {
            StudyTaskState s = sd.state(t);
            if (!s.state().equals("done")) {
                missing.add(s);
            }
        }
        return new Result(sd.plan().config(), sd.theory(), sd.results(), missing, sd.path());
    }

    /** Work of a task, for progress: particle-steps. */
    private static double cost(StudyPlan plan, StudyTask t) {
        return (double) t.particles() * plan.taskConfig(t).run().steps();
    }
}
