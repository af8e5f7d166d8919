package org.coag.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.coag.core.study.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coag study CONFIG}: a convergence study with its report. */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = "Run a convergence study: the config's model at every N of [study].particles with [study].seeds "
                + "seeds each, its macroscopic limit once, and a report (report.md, PNG and SVG plots, summary.csv). "
                + "Rerunning on the same directory reuses finished runs; more seeds or N extend the study.")
final class StudyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONFIG", description = "TOML config with model.Z and a [study] table")
    private Path config;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "study directory (default: study-<config name>)")
    private Path out;

    @Option(names = "--set", paramLabel = "key=value", description = "override a config value, e.g. study.seeds=4")
    private List<String> overrides = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "no progress")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        String text = ConfigFiles.read(config);
        Path dir = out != null ? out : Path.of("study-" + config.getFileName().toString().replaceFirst("\\.toml$", ""));
        ProgressBar bar = new ProgressBar(quiet);
        Study.Result r = Study.run(text, overrides, dir, new Study.Listener() {
            @Override
            public void message(String line) {
                bar.finish();
                System.err.println(line);
            }

            @Override
            public void progress(double done, String detail) {
                bar.update(done, detail);
            }
        });
        bar.finish();
        StudyReport.write(r);
        System.out.println("study: " + r.runs().size() + " runs; report in " + dir.resolve("report.md"));
        return 0;
    }

}
