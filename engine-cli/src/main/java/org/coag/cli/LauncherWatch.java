package org.coag.cli;

import java.util.Optional;

/**
 * Ends the JVM when the {@code ./coag} launcher that started it is gone. The launcher waits for
 * the JVM and forwards signals to it, but SIGKILL of the launcher cannot be forwarded: without this
 * watch the JVM would run on, orphaned and unseen, while its caller (a scheduler that requeues the
 * task, say) believes it ended. The launcher passes its pid in {@code COAG_LAUNCHER_PID}; when that
 * process exits, the JVM exits as after SIGTERM (shutdown hooks run, so a run writes its checkpoint).
 * The pid is trusted only when it is this JVM's parent: the variable may reach a JVM the launcher
 * did not start (through sbatch's exported environment, say).
 */
final class LauncherWatch {
    /** Exit status of a JVM stopped by SIGTERM (128 + 15), used when the launcher vanished. */
    static final int EXIT_TERMINATED = 143;

    private LauncherWatch() {
    }

    /** Starts watching, if this JVM was started by the launcher. */
    static void start() {
        String pid = System.getenv("COAG_LAUNCHER_PID");
        if (pid == null || pid.isBlank()) {
            return;
        }
        long launcherPid;
        try {
            launcherPid = Long.parseLong(pid.trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> launcher = ProcessHandle.current().parent();
        if (launcher.isEmpty() || launcher.get().pid() != launcherPid) {
            return;
        }
        Runnable stop = () -> {
            System.err.println("coag: the launcher (pid " + pid.trim() + ") is gone; stopping");
            System.exit(EXIT_TERMINATED);
        };
        launcher.get().onExit().thenRun(stop);
    }
}
