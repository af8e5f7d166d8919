package org.coag.cli;

import org.coag.core.model.ModelException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code coag} command. Errors the user can fix print one line and exit 1; a bad command line
 * exits 2; an interrupted run exits 130. Set {@code COAG_DEBUG=1} to see stack traces.
 */
@Command(name = "coag", mixinStandardHelpOptions = true, version = "coag 0.1.0",
        description = "Coagulating Brownian particles: the microscopic model behind the Smoluchowski PDE.",
        subcommands = {RunCommand.class, VerifyCommand.class, BackendsCommand.class, DevicesCommand.class, TheoryCommand.class,
            StudyCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class CoagMain {
    /** Exit code of a run stopped by Ctrl-C (after writing its checkpoint). */
    public static final int EXIT_INTERRUPTED = 130;

    /**
     * @param args command line
     */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * @param args command line
     * @return the exit code
     */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new CoagMain());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ModelException) {
                cmd.getErr().println("coag: error: " + e.getMessage());
            } else {
                cmd.getErr().println("coag: internal error: " + e + " (set COAG_DEBUG=1 for the stack trace)");
            }
            if (System.getenv("COAG_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            }
            return 1;
        });
        return cl.execute(args);
    }
}
