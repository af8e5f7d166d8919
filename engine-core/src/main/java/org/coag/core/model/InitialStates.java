package org.coag.core.model;

import org.coag.core.backend.ParticleState;
import org.coag.core.rng.CounterRng;
import org.coag.core.rng.Purpose;

/**
 * Draws the initial particles from Philox (purposes INIT_POSITION and INIT_MASS, step 0), so the
 * initial state depends only on (spec, seed) and particle i's draws only on i. Generated once on the
 * host and handed to every backend.
 *
 * <p>Uniform positions take 64 random bits per coordinate (exact fixed-point uniforms). Ball, box
 * and Gaussian profiles use uniforms/normals in length units and rejection; attempt a of particle i
 * uses blocks starting at a * ceil(d/2).
 */
public final class InitialStates {
    private static final int MAX_ATTEMPTS = 1 << 20;

    private InitialStates() {
    }

    /**
     * @param spec the model
     * @param seed run seed
     * @return N particles with ids 0..N-1 in id order
     */
    public static ParticleState generate(ModelSpec spec, long seed) {
        if (spec.isLattice()) {
            return LatticeStarts.generate(spec, seed);
        }
        int dim = spec.dim();
        ParticleState s = new ParticleState(dim, spec.particles());
        CounterRng rng = new CounterRng(seed);
        double[] cumulative = cumulative(spec.initial().massWeights());
        double[] x = new double[dim + 1];
        for (int i = 0; i < spec.particles(); i++) {
            s.ids()[i] = i;
            s.masses()[i] = drawMass(rng, i, cumulative);
            if (spec.initial().shape() == InitialCondition.Shape.UNIFORM) {
                for (int k = 0; k < dim; k += 2) {
                    rng.block(Purpose.INIT_POSITION, 0, i, k / 2);
                    s.positions()[k][i] = ((long) rng.word(1) << 32) | (rng.word(0) & 0xFFFFFFFFL);
                    if (k + 1 < dim) {
                        s.positions()[k + 1][i] = ((long) rng.word(3) << 32) | (rng.word(2) & 0xFFFFFFFFL);
                    }
                }
            } else {
                drawProfile(spec, rng, i, x);
                for (int k = 0; k < dim; k++) {
                    s.positions()[k][i] = spec.domain().toFixed(spec.initial().center()[k] + x[k]);
                }
            }
        }
        s.setCount(spec.particles());
        return s;
    }

    static double[] cumulative(double[] w) {
        double[] c = new double[w.length];
        double sum = 0;
        for (int n = 0; n < w.length; n++) {
            sum += w[n];
            c[n] = sum;
        }
        for (int n = 0; n < w.length; n++) {
            c[n] /= sum;
        }
        return c;
    }

    static int drawMass(CounterRng rng, int id, double[] cumulative) {
        if (cumulative.length == 1) {
            return 1;
        }
        rng.block(Purpose.INIT_MASS, 0, id, 0);
        double u = rng.uniform0();
        for (int n = 0; n < cumulative.length; n++) {
            if (u < cumulative[n]) {
                return n + 1;
            }
        }
        return cumulative.length;
    }

    private static void drawProfile(ModelSpec spec, CounterRng rng, int id, double[] x) {
        int dim = spec.dim();
        InitialCondition ic = spec.initial();
        int blocks = (dim + 1) / 2;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            double r2 = 0;
            for (int k = 0; k < dim; k += 2) {
                rng.block(Purpose.INIT_POSITION, 0, id, attempt * blocks + k / 2);
                x[k] = coordinate(ic, rng.uniform0());
                x[k + 1] = coordinate(ic, rng.uniform1());
                r2 += x[k] * x[k] + (k + 1 < dim ? x[k + 1] * x[k + 1] : 0);
            }
            if (accept(ic, r2)) {
                return;
            }
        }
        throw new ModelException("initial: could not place particle " + id + " after " + MAX_ATTEMPTS + " attempts");
    }

    private static double coordinate(InitialCondition ic, double u) {
        switch (ic.shape()) {
            case GAUSSIAN:
                return ic.size() * org.coag.core.rng.Gaussians.inverseCdf(u);
            default:
                return ic.size() * (2 * u - 1);
        }
    }

    private static boolean accept(InitialCondition ic, double r2) {
        switch (ic.shape()) {
            case BALL:
                return r2 < ic.size() * ic.size();
            case GAUSSIAN:
                return r2 < ic.truncation() * ic.truncation();
            default:
                return true;
        }
    }
}
