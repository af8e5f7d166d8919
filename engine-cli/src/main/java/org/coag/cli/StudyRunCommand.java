package org.coag.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.coag.core.model.ModelException;
import org.coag.core.run.RunControl;
import org.coag.core.study.StudyDirectory;
import org.coag.core.study.StudyTask;
import org.coag.core.study.StudyTaskRunner;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coag study run DIR --task I | --shard K/N | --all}: run study tasks here, for any scheduler. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run tasks of an existing study directory here: one task (--task, e.g. a SLURM array index), a shard "
                + "(--shard K/N: the tasks whose index is K-1 modulo N, for GNU parallel or N machines), or all of them. A task "
                + "resumes from its checkpoint; a finished task is skipped.",
            "Ctrl-C or SIGTERM checkpoints the running task and exits with 130 or 143; a task another process is running is "
                + "refused (one writer per task)."})
final class StudyRunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "study directory")
    private Path dir;

    @ArgGroup(multiplicity = "1")
    private Which which;

    static final class Which {
        @Option(names = "--task", paramLabel = "I", description = "one task by index (coag study tasks lists them)")
        Integer task;

        @Option(names = "--shard", paramLabel = "K/N", description = "the tasks with index = K-1 modulo N, K in 1..N")
        String shard;

        @Option(names = "--all", description = "every task that is not done")
        boolean all;
    }

    @Option(names = {"-q", "--quiet"}, description = "no progress")
    private boolean quiet;

    @Mixin
    private BackendOptionsMixin backendOptions = new BackendOptionsMixin();

    @Override
    public Integer call() throws IOException {
        StudyDirectory sd = StudyDirectory.open(dir);
        List<StudyTask> tasks = select(sd);
        RunControl control = new RunControl();
        try (StopOnSignal stop = new StopOnSignal(control, reason -> { })) {
            for (StudyTask t : tasks) {
                if (control.stopRequested()) {
                    return CoagMain.EXIT_INTERRUPTED;
                }
                System.out.printf("study task %d (%s) in %s%n", t.index(), t.name(), sd.taskDir(t));
                ProgressPrinter progress = new ProgressPrinter(quiet);
                String outcome = StudyTaskRunner.run(sd, t, backendOptions.options(), control, progress);
                progress.finish();
                System.out.printf("study task %d: %s%n", t.index(), outcome);
                if (!outcome.equals("done")) {
                    return CoagMain.EXIT_INTERRUPTED;
                }
            }
        }
        return 0;
    }

    private List<StudyTask> select(StudyDirectory sd) {
        if (which.task != null) {
            return List.of(sd.plan().task(which.task));
        }
        if (which.all) {
            return sd.plan().tasks();
        }
        String[] kn = which.shard.split("/");
        int k;
        int n;
        try {
            k = Integer.parseInt(kn[0].trim());
            n = Integer.parseInt(kn.length == 2 ? kn[1].trim() : "x");
        } catch (NumberFormatException e) {
            throw new ModelException("--shard " + which.shard + ": expected K/N with 1 <= K <= N, e.g. --shard 2/4");
        }
        if (n < 1 || k < 1 || k > n) {
            throw new ModelException("--shard " + which.shard + ": expected K/N with 1 <= K <= N, e.g. --shard 2/4");
        }
        List<StudyTask> out = new ArrayList<>();
        for (StudyTask t : sd.plan().tasks()) {
            if (t.index() % n == k - 1) {
                out.add(t);
            }
        }
        return out;
    }
}
