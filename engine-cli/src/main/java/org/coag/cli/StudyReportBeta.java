package org.coag.cli;

import java.util.List;
import java.util.Locale;
import org.coag.core.study.StudyAnalysis;
import org.coag.core.study.StudyPrediction;

/** The report's section on what each N should be compared with: beta(1, 1) per N beside the limit, and the finite-N curves. */
final class StudyReportBeta {
    private StudyReportBeta() {
    }

    static String section(StudyPrediction p, List<StudyReference> refs, StudyAnalysis a) {
        StringBuilder m = new StringBuilder("## The finite-N prediction beside the limit\n\n");
        m.append("Every N shares the eps -> 0 limit. At its own eps a pair's collision rate starts at the naive value, relaxes "
                + "as its depletion zone forms, and for P_{N,b} with b < 1 (or in d = 2, at finite |log eps|) settles away from "
                + "the limit. Per N, for the pair of masses 1, 1: the recipe at that N's eps; the slope of the pair's "
                + "integrated rate K1(t) over the fit window (t >= analysis.fit_from t_end: ");
        m.append(String.format(Locale.ROOT, "%d observations from t = %.4g), which is what a fit of 1/h - 1 over that window "
                + "should measure, transient included; and, for torus annihilation from mass 1, the measured slope of "
                + "(1/h - 1) / f(0) over the same window.%n%n", p.window().length, p.window().length > 0 ? p.window()[0] : Double.NaN));
        m.append("![beta](plots/beta.png)\n\n| N | eps | recipe at its eps | in the fit window | measured | limit eps -> 0 | naive |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < p.particles().length; i++) {
            String measured = Double.isNaN(p.betaMeasured()[i]) ? "n/a (no beta fit for this model)"
                    : StudyAnalysis.withError(p.betaMeasured()[i], p.betaMeasuredSe()[i], a.seeds()[i], "%.4f");
            m.append(String.format(Locale.ROOT, "| %d | %.4g | %.4f | %.4f | %s | %.4f | %.4f |%n", p.particles()[i], p.eps()[i],
                    p.betaAtEps()[i], p.betaInWindow()[i], measured, p.betaLimit(), p.betaNaive()));
        }
        m.append("\nSurvivor curves at each N's own eps: ").append(p.curve()).append('.');
        boolean drawn = refs.stream().anyMatch(StudyReference::finiteN);
        if (drawn) {
            m.append(" They are the dashed lines of the survivor plot, one per N in its colour, beside the limit.");
        } else if (p.survivorFraction() != null) {
            m.append(String.format(Locale.ROOT, " They depart from the limit by at most %.2g %% (below %.2g %%), so they are not drawn.",
                    100 * p.largestDeparture(refs.get(0).shared()), 100 * StudyReference.DEPARTURE));
        }
        return m.append("\n\n").toString();
    }
}
