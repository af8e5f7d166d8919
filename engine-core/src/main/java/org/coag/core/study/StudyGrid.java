package org.coag.core.study;

import java.util.ArrayList;
import java.util.List;
import org.coag.core.model.Domain;
import org.coag.core.model.ModelSpec;
import org.coag.core.observe.TestFunction;
import org.coag.core.theory.PdeGeometry;
import org.coag.core.theory.TorusGeometry;

/**
 * The spatial side shared by a study's particles and theory: the density grid (the PDE's), its
 * origin, the test functions, and the one-dimensional profile shown in the report (the x_1
 * marginal on a torus, the radial profile in free space).
 */
final class StudyGrid {
    private StudyGrid() {
    }

    /** @return the grid's origin in box coordinates: the box centre on a torus, the profile's centre in free space */
    static double[] origin(ModelSpec spec) {
        double[] c = spec.initial().center();
        if (spec.domain().type() == Domain.Type.TORUS || c == null) {
            return new double[spec.dim()];
        }
        return c.clone();
    }

    /** @return J = 1, and Gaussians of width w and 2w, w the initial size (a quarter of the box for a uniform start) */
    static List<TestFunction> tests(ModelSpec spec) {
        double w = spec.initial().size() > 0 ? spec.initial().size() : spec.domain().side() / 8;
        List<TestFunction> t = new ArrayList<>();
        t.add(TestFunction.one());
        t.add(TestFunction.gaussian(w));
        t.add(TestFunction.gaussian(2 * w));
        return t;
    }

    /** @return integral of J over each cell, approximated by volume * J(centre), [j][cell] */
    static double[][] cellWeights(PdeGeometry g, List<TestFunction> tests, int dim) {
        double[][] w = new double[tests.size()][g.cells()];
        double[] x = new double[dim];
        for (int c = 0; c < g.cells(); c++) {
            g.centre(c, x);
            for (int j = 0; j < tests.size(); j++) {
                w[j][c] = g.cellVolume(c) * tests.get(j).at(x);
            }
        }
        return w;
    }

    /** @return the abscissa of {@link #profile}: cell centres along axis 0, or shell radii */
    static double[] profileCoordinate(PdeGeometry g, int dim) {
        int k = g instanceof TorusGeometry ? ((TorusGeometry) g).side() : g.cells();
        double[] x = new double[k];
        double[] c = new double[dim];
        int stride = g.cells() / k;
        for (int i = 0; i < k; i++) {
            g.centre(i * stride, c);
            x[i] = c[0];
        }
        return x;
    }

    /** Shells per group of the particles' radial profile. */
    static int groupSize(PdeGeometry g) {
        return g instanceof TorusGeometry ? 1 : Math.max(1, g.cells() / 40);
    }

    /**
     * @param g the grid
     * @param density a density per cell
     * @return {@link #profile} averaged over groups of {@link #groupSize} shells, volume-weighted: {x[], f[]}
     */
    static double[][] coarseProfile(PdeGeometry g, double[] density, int dim) {
        double[] x = profileCoordinate(g, dim);
        double[] f = profile(g, density);
        int k = groupSize(g);
        if (k == 1) {
            return new double[][] {x, f};
        }
        int groups = f.length / k;
        double[][] r = new double[2][groups];
        for (int i = 0; i < groups; i++) {
            double mass = 0;
            double volume = 0;
            for (int c = i * k; c < (i + 1) * k; c++) {
                mass += g.cellVolume(c) * f[c];
                volume += g.cellVolume(c);
            }
            r[0][i] = 0.5 * (x[i * k] + x[(i + 1) * k - 1]);
            r[1][i] = mass / volume;
        }
        return r;
    }

    /**
     * @param g the grid
     * @param density a density per cell
     * @return its average over all axes but the first (torus), or itself (radial)
     */
    static double[] profile(PdeGeometry g, double[] density) {
        if (!(g instanceof TorusGeometry)) {
            return density.clone();
        }
        int side = ((TorusGeometry) g).side();
        int stride = g.cells() / side;
        double[] p = new double[side];
        for (int c = 0; c < g.cells(); c++) {
            p[c / stride] += density[c] / stride;
        }
        return p;
    }
}
