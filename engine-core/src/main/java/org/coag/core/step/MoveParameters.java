package org.coag.core.step;

import java.util.Arrays;
import org.coag.core.backend.ParticleState;
import org.coag.core.model.ModelSpec;
import org.coag.core.rng.CounterRng;
import org.coag.core.rng.Purpose;

/**
 * Per mass standard deviation of one coordinate's increment over a step, in fixed-point units:
 * {@code sigma(m) = sqrt(2 d(m) dt) / (L / 2^64)}. A move adds {@code rint(sigma(m) * z)} with z a
 * standard normal (docs/model.md: variance 2 d(n) dt per coordinate).
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
     * Moves every live particle of a state by one step of this spec's dt: coordinate k of slot i
     * adds {@code increment(sigmaFixed(m_i), z_k)}, z the normals of (MOVE, step, id).
     *
     * @param rng the run's draws
     * @param state live particles, moved in place
     * @param step step index of the draws
     * @param normals scratch of at least dim + 1 entries
     * @return the largest per-coordinate sigma used, fixed-point units
     */
    public double moveAll(CounterRng rng, ParticleState state, long step, double[] normals) {
        long[][] pos = state.positions();
        int dim = state.dim();
        double widest = 0;
        for (int i = 0; i < state.count(); i++) {
            rng.normals(Purpose.MOVE, step, state.ids()[i], dim, normals);
            double sigma = sigmaFixed(state.masses()[i]);
            widest = Math.max(widest, sigma);
            for (int k = 0; k < dim; k++) {
                pos[k][i] += increment(sigma, normals[k]);
            }
        }
        return widest;
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
