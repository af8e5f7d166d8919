package org.coag.cli;

import java.io.PrintStream;

/**
 * A progress display on stderr: a redrawn bar with ETA on a terminal, a plain line every 10 s
 * otherwise (logs, CI), nothing when quiet.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final boolean quiet;
    private final boolean terminal = System.console() != null;
    private final PrintStream err = System.err;
    private final long startNanos = System.nanoTime();
    private final EtaEstimator eta = new EtaEstimator();
    private double lastLine = -1e9;
    private boolean drawn;

    ProgressBar(boolean quiet) {
        this.quiet = quiet;
    }

    /**
     * @param done fraction of the whole job done, 0..1
     * @param etaBasis fraction done in this session (the ETA extrapolates its smoothed rate, {@link EtaEstimator})
     * @param detail what to show after the percentage
     * @param wall seconds elapsed in this session
     */
    void update(double done, double etaBasis, String detail, double wall) {
        if (quiet) {
            return;
        }
        double eta = this.eta.update(wall, etaBasis);
        if (terminal) {
            int bars = (int) (Math.min(1, done) * WIDTH);
            err.printf("\r[%s%s] %5.1f%%  %s  %s elapsed  ETA %s ", "#".repeat(bars), ".".repeat(WIDTH - bars), 100 * done,
                    detail, clock(wall), clock(eta));
            drawn = true;
        } else if (wall - lastLine >= 10 || done >= 1) {
            err.printf("progress %5.1f%%  %s  elapsed %s  ETA %s%n", 100 * done, detail, clock(wall), clock(eta));
            lastLine = wall;
        }
    }

    /**
     * @param done fraction done, 0..1, all in this session
     * @param detail what to show after the percentage
     */
    void update(double done, String detail) {
        update(done, done, detail, (System.nanoTime() - startNanos) * 1e-9);
    }

    /** Ends a drawn bar's line so that later output starts on a fresh one. */
    void finish() {
        if (drawn) {
            err.println();
            drawn = false;
        }
    }

    static String clock(double s) {
        if (Double.isNaN(s) || Double.isInfinite(s) || s > 99 * 3600) {
            return "--";
        }
        long t = Math.round(s);
        return t >= 3600 ? String.format("%dh%02dm", t / 3600, t / 60 % 60) : t >= 60 ? String.format("%dm%02ds", t / 60, t % 60) : t + "s";
    }
}
