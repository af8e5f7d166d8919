package org.coag.cli;

import java.io.PrintStream;
import org.coag.core.run.Diagnostics;
import org.coag.core.run.RunListener;

/**
 * Progress on stderr: a redrawn bar with ETA on a terminal, a plain line every 10 s otherwise
 * (logs, CI), nothing with --quiet. Messages always print.
 */
final class ProgressPrinter implements RunListener {
    private static final int WIDTH = 30;
    private final boolean quiet;
    private final boolean terminal = System.console() != null;
    private final PrintStream err = System.err;
    private long firstStep;
    private double lastLine = -1e9;
    private boolean drawn;

    ProgressPrinter(boolean quiet) {
        this.quiet = quiet;
    }

    @Override
    public void started(Diagnostics d, long first, long steps) {
        this.firstStep = first;
        System.out.printf("eps = %.4g, dt = %.4g (dt/eps^2 = %.3g), volume fraction phi = %.3g, %d steps%n",
                d.eps(), d.dt(), d.dtOverEps2(), d.volumeFraction(), steps);
        System.out.printf("time-step budget: max rate*dt = %.3g, rms step / range = %.3g, expected events in step 1 = %.3g%n",
                d.maxRateDt(), d.rmsStepOverRange(), d.eventsPerStep());
    }

    @Override
    public void progress(long step, long steps, int live, double wall) {
        if (quiet) {
            return;
        }
        double done = (double) step / steps;
        double sessionDone = (double) (step - firstStep) / Math.max(1, steps - firstStep);
        double eta = sessionDone > 0 ? wall / sessionDone - wall : Double.NaN;
        if (terminal) {
            int bars = (int) (done * WIDTH);
            err.printf("\r[%s%s] %5.1f%%  step %d/%d  live %d  %s elapsed  ETA %s ",
                    "#".repeat(bars), ".".repeat(WIDTH - bars), 100 * done, step, steps, live, clock(wall), clock(eta));
            drawn = true;
        } else if (wall - lastLine >= 10 || step == steps) {
            err.printf("progress %5.1f%%  step %d/%d  live %d  elapsed %s  ETA %s%n", 100 * done, step, steps, live, clock(wall), clock(eta));
            lastLine = wall;
        }
    }

    @Override
    public void message(String line) {
        finish();
        err.println(line);
    }

    void finish() {
        if (drawn) {
            err.println();
            drawn = false;
        }
    }

    private static String clock(double s) {
        if (Double.isNaN(s) || Double.isInfinite(s)) {
            return "--";
        }
        long t = Math.round(s);
        return t >= 3600 ? String.format("%dh%02dm", t / 3600, t / 60 % 60) : t >= 60 ? String.format("%dm%02ds", t / 60, t % 60) : t + "s";
    }
}
