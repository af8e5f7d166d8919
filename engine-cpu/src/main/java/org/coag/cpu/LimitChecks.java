package org.coag.cpu;

import org.coag.core.model.Domain;
import org.coag.core.model.ModelSpec;
import org.coag.core.step.StepLimits;

/**
 * The reference backend's two per-step limits, decided from the workers' reductions and, only
 * when a limit may be violated, confirmed by an exact pass that names the same particle or mass
 * the reference names (the smallest id: the reference's slots are in id order).
 */
final class LimitChecks {
    private LimitChecks() {
    }

    /**
     * @param p particles (mass 0 = dead)
     * @param spec the model
     * @param tables per-mass ranges
     * @param largestRange2 largest live range^2
     * @param step step index
     * @return the largest live range
     */
    static double range(Particles p, ModelSpec spec, MassTables tables, double largestRange2, long step) {
        double range = Math.sqrt(largestRange2);
        if (range < spec.domain().side() / 2) {
            return range;
        }
        int bestId = Integer.MAX_VALUE;
        int mass = 0;
        for (int i = 0; i < p.count(); i++) {
            int m = p.mass()[i];
            if (m != 0 && tables.range2()[m] == largestRange2 && p.id()[i] < bestId) {
                bestId = p.id()[i];
                mass = m;
            }
        }
        throw StepLimits.rangeTooLarge(mass, range, step, spec.domain().side());
    }

    /**
     * @param p particles (mass 0 = dead)
     * @param spec the model (free space)
     * @param range largest live range
     * @param widestSigma largest live sigma, fixed-point units
     * @param min bounding box lower corner (may include dead particles)
     * @param max bounding box upper corner
     * @param step step index
     */
    static void seam(Particles p, ModelSpec spec, double range, double widestSigma, long[] min, long[] max, long step) {
        Domain d = spec.domain();
        double limit = d.side() / 2 - StepLimits.seamGuard(range, widestSigma, d.unit());
        boolean suspect = false;
        for (int k = 0; k < min.length; k++) {
            suspect |= Math.abs(d.toPhysical(min[k])) >= limit || Math.abs(d.toPhysical(max[k])) >= limit;
        }
        if (!suspect) {
            return;
        }
        int bestId = Integer.MAX_VALUE;
        for (int i = 0; i < p.count(); i++) {
            if (p.mass()[i] == 0) {
                continue;
            }
            for (int k = 0; k < min.length; k++) {
                if (Math.abs(d.toPhysical(p.pos()[k][i])) >= limit) {
                    bestId = Math.min(bestId, p.id()[i]);
                }
            }
        }
        if (bestId != Integer.MAX_VALUE) {
            throw StepLimits.seamReached(bestId, d.side(), step);
        }
    }
}
