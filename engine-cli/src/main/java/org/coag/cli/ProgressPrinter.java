package org.coag.cli;

import org.coag.core.run.Diagnostics;
import org.coag.core.run.RunListener;

/**
 * Progress on stderr: a redrawn bar with ETA on a terminal, a plain line every 10 s otherwise
 * (logs, CI), nothing with --quiet. Messages always print.
 */
final class ProgressPrinter implements RunListener {
    private final ProgressBar bar;
    private long firstStep;
    private String step = "step";

    ProgressPrinter(boolean quiet) {
        this.bar = new ProgressBar(quiet);
    }

    @Override
    public void started(Diagnostics d, long first, long steps) {
        this.firstStep = first;
        this.step = d != null && d.finest() > 0 ? "macro step" : "step";
        if (d == null) {
            System.out.printf("lattice model, exact in time: %d observation steps%n", steps);
        } else if (d.finest() > 0) {
            System.out.printf("eps = %.4g, macro step dt = %.4g (dt/eps^2 = %.3g), volume fraction phi = %.3g, %d macro steps%n",
                    d.eps(), d.dt(), d.dtOverEps2(), d.volumeFraction(), steps);
            System.out.printf("adaptive scheme: pairs that may meet are refined down to sub-steps h = dt / 2^%d = %.4g"
                    + " (h/eps^2 = %.3g); tolerance %.3g per pair and macro step%n",
                    d.levels(), d.finest(), d.finest() / (d.eps() * d.eps()), d.tolerance());
            System.out.printf("sub-step budget: max rate*h = %.3g, rms step in h / range = %.3g, expected events in macro step 1 = %.3g,"
                    + " tolerance x N / those events = %.3g%n", d.maxRateDt(), d.rmsStepOverRange(), d.eventsPerStep(), d.toleranceLoad());
        } else {
            System.out.printf("eps = %.4g, dt = %.4g (dt/eps^2 = %.3g), volume fraction phi = %.3g, %d steps%n",
                    d.eps(), d.dt(), d.dtOverEps2(), d.volumeFraction(), steps);
            System.out.printf("time-step budget: max rate*dt = %.3g, rms step / range = %.3g, expected events in step 1 = %.3g%n",
                    d.maxRateDt(), d.rmsStepOverRange(), d.eventsPerStep());
        }
    }

    @Override
    public void progress(long step, long steps, int live, double wall) {
        double done = (double) step / steps;
        double sessionDone = (double) (step - firstStep) / Math.max(1, steps - firstStep);
        bar.update(done, sessionDone, this.step + " " + step + "/" + steps + "  live " + live, wall);
    }

    @Override
    public void message(String line) {
        finish();
        System.err.println(line);
    }

    void finish() {
        bar.finish();
    }
}
