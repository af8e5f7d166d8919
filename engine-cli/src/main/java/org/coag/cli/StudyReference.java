package org.coag.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.coag.core.model.ModelSpec;
import org.coag.core.study.StudyAnalysis;
import org.coag.core.study.StudyPrediction;

/**
 * A survivor-fraction curve h(t) that a study's measurements are compared with: one curve for every
 * N (the eps -&gt; 0 limit, the naive beta), or one per N at each N's own eps (the finite-N
 * prediction of {@link StudyPrediction}), drawn only where it departs from the limit by more than
 * {@link #DEPARTURE}.
 *
 * @param label legend and table label
 * @param shared the curve for every N [t], or null
 * @param perN one curve per N [N][t], or null
 * @param finiteN whether it is the finite-N prediction
 */
record StudyReference(String label, double[] shared, double[][] perN, boolean finiteN) {
    /** Relative departure from the limit below which the finite-N curves are not drawn. */
    static final double DEPARTURE = 1e-3;

    /**
     * @param i index of N
     * @param t index of the time
     * @return h at that N and time
     */
    double at(int i, int t) {
        return perN != null ? perN[i][t] : shared[t];
    }

    /**
     * @param a the analysis
     * @param spec the base model
     * @return h(t) of the eps -&gt; 0 limit: the ODE/PDE with the recipe's beta, or for P_{N,b} with
     *     b &lt; 1 with the naive beta (its limit)
     */
    static double[] limit(StudyAnalysis a, ModelSpec spec) {
        return spec.b() < 1 ? a.naiveFraction() : a.theoryFraction();
    }

    /**
     * @param a the analysis
     * @param p the finite-N prediction
     * @param spec the base model
     * @return the curves to compare with, the limit first
     */
    static List<StudyReference> of(StudyAnalysis a, StudyPrediction p, ModelSpec spec) {
        List<StudyReference> refs = new ArrayList<>();
        double[] limit = limit(a, spec);
        boolean below = spec.b() < 1;
        refs.add(new StudyReference(below ? "limit eps -> 0 (naive beta)" : "limit eps -> 0 (recipe beta)", limit, null, false));
        if (!below) {
            refs.add(new StudyReference("naive beta", a.naiveFraction(), null, false));
        }
        if (p.survivorFraction() != null && p.largestDeparture(limit) > DEPARTURE) {
            refs.add(new StudyReference(p.curveLabel(), null, p.survivorFraction(), true));
        } else if (below && spec.dim() >= 3) {
            refs.add(new StudyReference(String.format(Locale.ROOT, "recipe at the base config's eps (N = %d)", spec.particles()),
                    a.theoryFraction(), null, false));
        }
        return refs;
    }
}
