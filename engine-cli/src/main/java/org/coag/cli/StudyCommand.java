package org.coag.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.coag.core.run.RunControl;
import org.coag.core.study.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coag study CONFIG}: a convergence study run here, task after task, with its report. */
@Command(name = "study", mixinStandardHelpOptions = true,
        subcommands = {StudyTasksCommand.class, StudyRunCommand.class, StudyReportCommand.class, StudySubmitCommand.class},
        description = {"Run a convergence study: the config's model at every N of [study].particles with [study].seeds "
                + "seeds each, its macroscopic limit once, and a report (report.md, PNG and SVG plots, summary.csv). A lattice "
                + "config sweeps the side L of [study].sides instead, in Brownian scaling (docs/lattice.md).",
            "Each (N, seed) is a task: a resumable run in DIR/tasks/N{N}-seed{S}. Rerunning on the same directory resumes "
                + "interrupted tasks and skips finished ones; more seeds or N extend the study. On a cluster: coag study submit "
                + "(SLURM job array), or coag study run DIR --task I / --shard K/N under any scheduler."})
final class StudyCommand implements Callable<Integer> {
    @Mixin
    private ConfigMixin configArgs = new ConfigMixin();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "study directory (default: study-<config name>)")
    private Path out;

    @Option(names = {"-q", "--quiet"}, description = "no progress")
    private boolean quiet;

    @Mixin
    private BackendOptionsMixin backendOptions = new BackendOptionsMixin();

    static Path defaultDir(Path config) {
        return Path.of("study-" + config.getFileName().toString().replaceFirst("\\.toml$", ""));
    }

    @Override
    public Integer call() throws IOException {
        Path config = configArgs.file();
        if (config == null) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "give a CONFIG, or a subcommand: "
                    + "tasks, run, report, submit");
        }
        String text = ConfigFiles.read(config);
        Path dir = out != null ? out : defaultDir(config);
        ProgressBar bar = new ProgressBar(quiet);
        RunControl control = new RunControl();
        Study.Result r;
        try (StopOnSignal stop = new StopOnSignal(control, reason -> { })) {
            r = Study.run(text, configArgs.overrides(), dir, backendOptions.options(), control, listener(bar));
        }
        bar.finish();
        StudyReport.write(r);
        System.out.println("study: " + r.runs().size() + " of " + (r.runs().size() + r.missing().size()) + " tasks done; report in "
                + dir.resolve("report.md"));
        if (control.stopRequested()) {
            return CoagMain.EXIT_INTERRUPTED;
        }
        if (!r.missing().isEmpty()) {
            System.err.println("study: " + r.missing().size() + " tasks are not done (run by another process?): coag study tasks " + dir);
            return StudyReportCommand.EXIT_INCOMPLETE;
        }
        return 0;
    }

    static Study.Listener listener(ProgressBar bar) {
        return new Study.Listener() {
            @Override
            public void message(String line) {
                bar.finish();
                System.err.println(line);
            }

            @Override
            public void progress(double done, String detail) {
                bar.update(done, detail);
            }
        };
    }
}
