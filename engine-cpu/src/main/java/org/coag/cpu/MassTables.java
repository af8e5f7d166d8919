package org.coag.cpu;

import java.util.Arrays;
import org.coag.core.model.ModelSpec;
import org.coag.core.step.MoveParameters;
import org.coag.core.step.PairConstants;

/**
 * Per-mass constants as plain arrays indexed by mass, so the vector move can gather them; entry 0
 * belongs to dead particles and is 0 (a dead particle does not move and has no range). Grown by
 * the master thread only, between phases, when a coagulation creates a larger mass.
 *
 * <pre>
 *   sigma[m]    MoveParameters.sigmaFixed(m), fixed-point units per coordinate and step
 *   range2[m]   squared interaction range of the pair (m, m), physical units
 * </pre>
 */
final class MassTables {
    private final ModelSpec spec;
    private final MoveParameters moves;
    private double[] sigma = new double[1];
    private double[] range2 = new double[1];
    private RuntimeException failure;
    private int largest;
    private double widest;

    /**
     * @param spec the model
     * @param largestMass largest mass present
     */
    MassTables(ModelSpec spec, int largestMass) {
        this.spec = spec;
        this.moves = new MoveParameters(spec);
        ensure(largestMass);
    }

    /** @param mass a mass that now exists; tables grow to cover it */
    void ensure(int mass) {
        if (mass > largest) {
            largest = mass;
            widest = 0;
        }
        if (mass < sigma.length) {
            return;
        }
        int old = sigma.length;
        int size = Math.max(mass + 1, 2 * old);
        sigma = Arrays.copyOf(sigma, size);
        range2 = Arrays.copyOf(range2, size);
        for (int m = old; m < size; m++) {
            try {
                sigma[m] = moves.sigmaFixed(m);
                if (spec.rangeVaries()) {
                    range2[m] = PairConstants.of(spec, m, m).range2();
                }
            } catch (RuntimeException e) {
                sigma[m] = Double.NaN;
                range2[m] = Double.NaN;
                failure = failure == null ? e : failure;
            }
        }
    }

    /**
     * Some mass (perhaps not yet present) has no sigma or range: a d(n) or radii table too short.
     * The reference fails only once such a mass is live, at the next move, naming the first
     * particle in id order; {@link org.coag.core.step.StepLimits#replayMassTables} does the same.
     *
     * @return the first failure seen, or null
     */
    RuntimeException failure() {
        return failure;
    }

    /**
     * @return the largest sigma of the masses up to the largest that ever existed (an upper bound of
     *         the live particles' step deviation, fixed-point units)
     */
    double widestSigma() {
        if (widest == 0) {
            for (int m = 1; m <= largest; m++) {
                if (sigma[m] > widest) {
                    widest = sigma[m];
                }
            }
        }
        return widest;
    }

    /** @return true when every mass has the same sigma (constant d(n)) */
    boolean uniformSigma() {
        return spec.diffusion().isConstant();
    }

    double[] sigma() {
        return sigma;
    }

    double[] range2() {
        return range2;
    }
}
