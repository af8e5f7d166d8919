package org.coag.cli;

import org.coag.core.io.FileErrors;
import org.coag.core.model.ModelException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code coag} command. Errors the user can fix print one line and exit 1; a bad command line
 * exits 2; a run stopped by Ctrl-C (SIGINT) exits 130, by SIGTERM 143, after writing its checkpoint.
 * Set {@code COAG_DEBUG=1} to see stack traces.
 */
@Command(name = "coag", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class, resourceBundle = "org.coag.cli.ConfigMixin$Descriptions",
        description = "Coagulating Brownian particles: the microscopic model behind the Smoluchowski PDE.",
        subcommands = {RunCommand.class, StatusCommand.class, VerifyCommand.class, BackendsCommand.class, DevicesCommand.class, TheoryCommand.class,
            StudyCommand.class, BenchCommand.class, ConfigCommand.class, InitCommand.class, CompletionCommand.class,
            CommandLine.HelpCommand.class})
public final class CoagMain {
    /** Exit code of a run stopped by Ctrl-C (after writing its checkpoint). */
    public static final int EXIT_INTERRUPTED = 130;

    /**
     * @param args command line
     */
    public static void main(String[] args) {
        LauncherWatch.start();
        System.exit(execute(args));
    }

    /**
     * @param command the command's qualified name, e.g. "coag run"
     * @param message picocli's message, possibly several lines (e.g. with suggestions)
     * @return one line: the error and where to read the usage, instead of the whole usage
     */
    static String usageError(String command, String message) {
        String text = message.replaceAll("\\s*\\R\\s*", " ").trim();
        if (!text.isEmpty()) {
            text = Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
        return command + ": " + text.replaceAll("[.;]$", "") + "; see '" + command + " --help'";
    }

    /**
     * @param args command line
     * @return the exit code
     */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new CoagMain());
        cl.setParameterExceptionHandler((ex, ignored) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println(usageError(cmd.getCommandSpec().qualifiedName(), ex.getMessage()));
            return cmd.getCommandSpec().exitCodeOnInvalidInput();
        });
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            String fileError = FileErrors.describe(e);
            if (e instanceof ModelException) {
                cmd.getErr().println("coag: error: " + e.getMessage());
            } else if (fileError != null) {
                cmd.getErr().println("coag: error: " + fileError);
            } else {
                cmd.getErr().println("coag: internal error: " + e + " (set COAG_DEBUG=1 for the stack trace)");
            }
            if (System.getenv("COAG_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            }
            return 1;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("coag: error: out of memory (" + e.getMessage() + ") with a heap of at most "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB; give the JVM more, e.g. JAVA_OPTS=-Xmx"
                    + Math.max(2, 2 * (Runtime.getRuntime().maxMemory() >> 30)) + "g");
            return 1;
        }
    }
}
