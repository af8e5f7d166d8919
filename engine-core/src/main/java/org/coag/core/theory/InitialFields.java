package org.coag.core.theory;

import org.coag.core.model.InitialCondition;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;

/**
 * f_n(x, 0) = h_n(x) of a particle config in the units of the PDE (1.2): the particles' initial law
 * (docs/model.md: density proportional to rho(x) w(n)) scaled so that
 * sum_n integral f_n = Z = eps^(d-2) N (d &gt;= 3) or N / |log eps| (d = 2). Cell averages of rho are
 * taken from {@value #SUB}^d sub-points per cell (an indicator edge is smeared over one cell),
 * then each mass is renormalised so its integral is exact.
 */
public final class InitialFields {
    private static final int SUB = 4;

    private InitialFields() {
    }

    /**
     * @param spec the model
     * @param g the torus grid (of the model's box)
     * @param maxMass M
     * @return f[n-1][cell] for n = 1..M
     */
    public static double[][] torus(ModelSpec spec, TorusGeometry g, int maxMass) {
        InitialCondition ic = spec.initial();
        int cells = g.cells();
        double[] profile = new double[cells];
        int[] idx = new int[g.dim()];
        double[] x = new double[g.dim()];
        double side = spec.domain().side();
        double h = g.spacing();
        int subPoints = (int) Math.pow(SUB, g.dim());
        for (int c = 0; c < cells; c++) {
            int rest = c;
            for (int a = g.dim() - 1; a >= 0; a--) {
                idx[a] = rest % g.side();
                rest /= g.side();
            }
            double sum = 0;
            for (int s = 0; s < subPoints; s++) {
                int sr = s;
                for (int a = 0; a < g.dim(); a++) {
                    double pos = g.centre(idx[a]) + ((sr % SUB) + 0.5) / SUB * h - 0.5 * h;
                    sr /= SUB;
                    double d = pos - (ic.center() == null ? 0 : ic.center()[a]);
                    x[a] = d - side * Math.floor(d / side + 0.5);
                }
                sum += density(ic, x);
            }
            profile[c] = sum / subPoints;
        }
        return scaled(spec, profile, g, maxMass);
    }

    /**
     * @param spec the model (free space, ball or Gaussian start: radially symmetric about its centre)
     * @param g the radial grid
     * @param maxMass M
     * @return f[n-1][shell] for n = 1..M
     */
    public static double[][] radial(ModelSpec spec, RadialGeometry g, int maxMass) {
        InitialCondition ic = spec.initial();
        if (ic.shape() != InitialCondition.Shape.BALL && ic.shape() != InitialCondition.Shape.GAUSSIAN) {
            throw new ModelException("theory: a " + ic.shape().name().toLowerCase() + " start in free space is not radially "
                    + "symmetric; the free-space PDE needs initial.type = \"ball\" or \"gaussian\" (or use a torus domain)");
        }
        double[] profile = new double[g.cells()];
        double[] x = new double[1];
        int d = g.dim();
        for (int i = 0; i < g.cells(); i++) {
            double sum = 0;
            double weights = 0;
            for (int s = 0; s < 4 * SUB; s++) {
                double r = (i + (s + 0.5) / (4 * SUB)) * g.spacing();
                double w = Math.pow(r, d - 1);
                x[0] = r;
                sum += w * density(ic, x);
                weights += w;
            }
            profile[i] = sum / weights;
        }
        return scaled(spec, profile, g, maxMass);
    }

    private static double density(InitialCondition ic, double[] x) {
        double r2 = 0;
        double box = 0;
        for (double v : x) {
            r2 += v * v;
            box = Math.max(box, Math.abs(v));
        }
        switch (ic.shape()) {
            case BALL:
                return r2 < ic.size() * ic.size() ? 1 : 0;
            case BOX:
                return box < ic.size() ? 1 : 0;
            case GAUSSIAN:
                return r2 < ic.truncation() * ic.truncation() ? Math.exp(-r2 / (2 * ic.size() * ic.size())) : 0;
            default:
                return 1;
        }
    }

    private static double[][] scaled(ModelSpec spec, double[] profile, PdeGeometry g, int maxMass) {
        double integral = 0;
        for (int c = 0; c < profile.length; c++) {
            integral += g.cellVolume(c) * profile[c];
        }
        if (!(integral > 0)) {
            throw new ModelException("theory: the initial profile does not cover any cell; refine theory.grid");
        }
        double z = spec.initialDensity() * spec.domain().volume(spec.dim());
        double[] w = spec.initial().massWeights();
        double wSum = 0;
        for (double v : w) {
            wSum += v;
        }
        if (spec.initial().maxMass() > maxMass) {
            throw new ModelException("theory.masses = " + maxMass + " is below the largest initial mass " + spec.initial().maxMass());
        }
        double[][] f = new double[maxMass][profile.length];
        for (int n = 1; n <= Math.min(w.length, maxMass); n++) {
            double scale = z * w[n - 1] / wSum / integral;
            for (int c = 0; c < profile.length; c++) {
                f[n - 1][c] = scale * profile[c];
            }
        }
        return f;
    }
}
