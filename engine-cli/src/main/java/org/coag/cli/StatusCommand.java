package org.coag.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.coag.core.run.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coag status DIR...}: what each run directory really is (running, dead, completed, ...). */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the state of run directories: running (with the process that holds it and its last heartbeat), "
                + "interrupted, failed (with the reason), dead (its process ended without a word: killed, or its machine "
                + "failed), or completed.",
            "A run whose meta.json still says running but whose lock no process holds is marked dead in meta.json. "
                + "Exit code 0 when every directory could be read."})
final class StatusCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "run directories")
    private List<Path> dirs;

    @Override
    public Integer call() throws IOException {
        for (Path d : dirs) {
            RunStatus s = RunStatus.inspect(d);
            System.out.printf("%s: %s (%s)%s%n", d, s.state(), s.detail(), s.resumable() ? "; resume with coag run --resume " + d : "");
        }
        return 0;
    }
}
