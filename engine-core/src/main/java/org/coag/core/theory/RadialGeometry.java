package org.coag.core.theory;

import org.coag.core.model.ModelException;
import org.coag.core.model.RadialKernel;

/**
 * Radially symmetric fields in R^d on [0, R], n shells of width dr (finite volumes: shell i is
 * [i dr, (i+1) dr), volume |S^(d-1)| ((i+1)^d - i^d) dr^d / d). The flux through r_i is
 * |S^(d-1)| r_i^(d-1) d(n) (f_i - f_(i-1)) / dr; none at r = 0 or at R (mass stays in the domain;
 * choose R beyond where the solution reaches).
 *
 * <p>Diffusion by Crank-Nicolson (second order, A-stable for any d(n) dt / dr^2, conserving
 * sum_i volume_i f_i) with a tridiagonal solve.
 */
public final class RadialGeometry implements PdeGeometry {
    private final int dim;
    private final int shells;
    private final double dr;
    private final double[] volume;
    private final double[] face;

    /**
     * @param dim d >= 1
     * @param shells n >= 4
     * @param radius R
     */
    public RadialGeometry(int dim, int shells, double radius) {
        if (shells < 4) {
            throw new ModelException("theory.grid: the radial PDE needs at least 4 shells (got " + shells + ")");
        }
        this.dim = dim;
        this.shells = shells;
        this.dr = radius / shells;
        double area = RadialKernel.unitSphereArea(dim);
        volume = new double[shells];
        face = new double[shells + 1];
        for (int i = 0; i < shells; i++) {
            volume[i] = area * (Math.pow(i + 1, dim) - Math.pow(i, dim)) * Math.pow(dr, dim) / dim;
            face[i] = area * Math.pow(i * dr, dim - 1);
        }
    }

    /**
     * @param shell shell index
     * @return its mid radius (i + 1/2) dr
     */
    public double centre(int shell) {
        return (shell + 0.5) * dr;
    }

    /** @return dr */
    public double spacing() {
        return dr;
    }

    /** @return d */
    public int dim() {
        return dim;
    }

    @Override
    public int locate(double[] x) {
        double r2 = 0;
        for (double v : x) {
            r2 += v * v;
        }
        int i = (int) (Math.sqrt(r2) / dr);
        return i < shells ? i : -1;
    }

    @Override
    public void centre(int cell, double[] x) {
        java.util.Arrays.fill(x, 0.0);
        x[0] = centre(cell);
    }

    @Override
    public int cells() {
        return shells;
    }

    @Override
    public double cellVolume(int cell) {
        return volume[cell];
    }

    @Override
    public void diffuse(double[] f, double rate, double dt) {
        int n = shells;
        double[] lower = new double[n];
        double[] diag = new double[n];
        double[] upper = new double[n];
        double[] rhs = new double[n];
        double c = 0.5 * rate * dt / dr;
        for (int i = 0; i < n; i++) {
            double wl = i > 0 ? c * face[i] / volume[i] : 0;
            double wu = i + 1 < n ? c * face[i + 1] / volume[i] : 0;
            double left = i > 0 ? f[i - 1] - f[i] : 0;
            double right = i + 1 < n ? f[i + 1] - f[i] : 0;
            rhs[i] = f[i] + wl * left + wu * right;
            lower[i] = -wl;
            upper[i] = -wu;
            diag[i] = 1 + wl + wu;
        }
        for (int i = 1; i < n; i++) {
            double m = lower[i] / diag[i - 1];
            diag[i] -= m * upper[i - 1];
            rhs[i] -= m * rhs[i - 1];
        }
        f[n - 1] = rhs[n - 1] / diag[n - 1];
        for (int i = n - 2; i >= 0; i--) {
            f[i] = (rhs[i] - upper[i] * f[i + 1]) / diag[i];
        }
    }

    @Override
    public String describe() {
        return "R^" + dim + ", radially symmetric, " + shells + " shells of width " + dr + " to R = " + dr * shells
                + ", Crank-Nicolson diffusion";
    }
}
