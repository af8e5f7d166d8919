package org.coag.core.step;

import java.util.Arrays;
import org.coag.core.model.ModelSpec;

/**
 * Per mass standard deviation of one coordinate's increment over a step, in fixed-point units:
 * {@code sigma(m) = sqrt(2 d(m) dt) / (L / 2^64)}. A move adds {@code rint(sigma(m) * z)} with z a
 * standard normal (MODEL.md: variance 2 d(n) dt per coordinate).
 */
public final class MoveParameters {
    private final ModelSpec spec;
    private double[] sigma = new double[0];

    /**
     * @param spec the model
     */
    public MoveParameters(ModelSpec spec) {
        this.spec = spec;
    }

    /**
     * @param mass mass >= 1
     * @return sigma(mass) in fixed-point units
     */
    public double sigmaFixed(int mass) {
        if (mass > sigma.length) {
            int old = sigma.length;
            sigma = Arrays.copyOf(sigma, Math.max(mass, 2 * old));
            Arrays.fill(sigma, old, sigma.length, Double.NaN);
        }
        if (Double.isNaN(sigma[mass - 1])) {
            sigma[mass - 1] = Math.sqrt(2.0 * spec.diffusion().at(mass) * spec.dt()) / spec.domain().unit();
        }
        return sigma[mass - 1];
    }

    /**
     * The fixed-point increment for one coordinate.
     *
     * @param sigmaFixed from {@link #sigmaFixed}
     * @param z standard normal
     * @return rint(sigmaFixed * z) as a long
     */
    public static long increment(double sigmaFixed, double z) {
        return (long) Math.rint(sigmaFixed * z);
    }
}
