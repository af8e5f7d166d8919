package org.coag.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.coag.core.study.Study;
import org.coag.core.study.StudyDirectory;
import org.coag.core.study.StudyTaskState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coag study report DIR}: the report from the tasks that are done, naming the ones that are not. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Assemble a study's report (report.md, plots/, summary.csv) from its finished tasks; the tasks that are "
                + "not done are listed in it and here. Exit code 0 when every task is done, 3 when some are missing.")
final class StudyReportCommand implements Callable<Integer> {
    /** Exit code of a report written while some tasks are not done. */
    static final int EXIT_INCOMPLETE = 3;

    @Parameters(index = "0", paramLabel = "DIR", description = "study directory")
    private Path dir;

    @Override
    public Integer call() throws IOException {
        Study.Result r = Study.collect(StudyDirectory.open(dir));
        if (r.runs().isEmpty()) {
            throw new org.coag.core.model.ModelException("study: no task of " + dir + " is done yet; nothing to report (coag study tasks "
                    + dir + ")");
        }
        StudyReport.write(r);
        for (StudyTaskState s : r.missing()) {
            System.out.printf("missing: task %d (%s): %s%s%n", s.task().index(), s.task().name(), s.state(),
                    s.detail().isEmpty() ? "" : ", " + s.detail());
        }
        System.out.println("study: " + r.runs().size() + " of " + (r.runs().size() + r.missing().size()) + " tasks done; report in "
                + dir.resolve("report.md"));
        return r.missing().isEmpty() ? 0 : EXIT_INCOMPLETE;
    }
}
