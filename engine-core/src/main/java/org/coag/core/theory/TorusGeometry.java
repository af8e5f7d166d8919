package org.coag.core.theory;

import org.coag.core.model.ModelException;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The torus [-L/2, L/2)^d on n cells per side (n even), cell-centred finite volumes with the
 * second-order Laplacian. Layout: cell (i_1, ..., i_d) at index sum_a i_a n^(d-1-a) (last axis
 * fastest); cell centres at -L/2 + (i + 1/2) h, h = L/n.
 *
 * <p>Diffusion is exact in time for the discrete operator: the d-dimensional discrete Laplacian is a
 * sum of commuting 1D periodic ones, so exp(t d(n) L) is applied axis by axis as a real FFT of each
 * line, a multiplication by exp(-t d(n) (4/h^2) sin^2(pi k / n)), and the inverse FFT (JTransforms).
 * Any d(n) dt / h^2 is stable and the mean (k = 0) is untouched, so mass is conserved.
 */
public final class TorusGeometry implements PdeGeometry {
    private static final long MAX_CELLS = 1L << 28;

    private final int dim;
    private final int side;
    private final double length;
    private final int cells;
    private final ThreadLocal<DoubleFFT_1D> fft;
    private final ThreadLocal<double[]> line;

    /**
     * @param dim d >= 1
     * @param side cells per side n, even, >= 4
     * @param length the box side L
     */
    public TorusGeometry(int dim, int side, double length) {
        if (side < 4 || side % 2 != 0) {
            throw new ModelException("theory.grid: the torus PDE needs an even number of cells per side >= 4 (got " + side + ")");
        }
        if (Math.pow(side, dim) > MAX_CELLS) {
            throw new ModelException("theory.grid: " + side + "^" + dim + " cells is more than 2^28; use fewer cells per side");
        }
        this.dim = dim;
        this.side = side;
        this.length = length;
        this.cells = (int) Math.round(Math.pow(side, dim));
        this.fft = ThreadLocal.withInitial(() -> new DoubleFFT_1D(side));
        this.line = ThreadLocal.withInitial(() -> new double[side]);
    }

    /** @return cells per side */
    public int side() {
        return side;
    }

    /** @return d */
    public int dim() {
        return dim;
    }

    /** @return the cell width h = L / n */
    public double spacing() {
        return length / side;
    }

    /**
     * @param index cell index along one axis
     * @return the centre coordinate of that cell
     */
    public double centre(int index) {
        return -0.5 * length + (index + 0.5) * spacing();
    }

    @Override
    public int locate(double[] x) {
        int cell = 0;
        for (int a = 0; a < dim; a++) {
            double f = x[a] / length + 0.5;
            f -= Math.floor(f);
            cell = cell * side + Math.min(side - 1, (int) (f * side));
        }
        return cell;
    }

    @Override
    public void centre(int cell, double[] x) {
        int rest = cell;
        for (int a = dim - 1; a >= 0; a--) {
            x[a] = centre(rest % side);
            rest /= side;
        }
    }

    @Override
    public int cells() {
        return cells;
    }

    @Override
    public double cellVolume(int cell) {
        return Math.pow(spacing(), dim);
    }

    @Override
    public void diffuse(double[] field, double rate, double dt) {
        double h = spacing();
        double[] g = new double[side / 2 + 1];
        for (int k = 0; k <= side / 2; k++) {
            double s = Math.sin(Math.PI * k / side);
            g[k] = Math.exp(-rate * dt * 4 / (h * h) * s * s);
        }
        DoubleFFT_1D f = fft.get();
        double[] buf = line.get();
        for (int axis = 0; axis < dim; axis++) {
            int stride = (int) Math.round(Math.pow(side, dim - 1 - axis));
            int outer = cells / (stride * side);
            for (int o = 0; o < outer; o++) {
                for (int in = 0; in < stride; in++) {
                    int base = o * stride * side + in;
                    if (stride == 1) {
                        transformLine(f, field, base, g);
                    } else {
                        for (int k = 0; k < side; k++) {
                            buf[k] = field[base + k * stride];
                        }
                        transformLine(f, buf, 0, g);
                        for (int k = 0; k < side; k++) {
                            field[base + k * stride] = buf[k];
                        }
                    }
                }
            }
        }
    }

    /** JTransforms' packed real layout: a[0] = Re_0, a[1] = Re_(n/2), a[2k], a[2k+1] = Re_k, Im_k. */
    private void transformLine(DoubleFFT_1D f, double[] a, int offset, double[] g) {
        f.realForward(a, offset);
        a[offset + 1] *= g[side / 2];
        for (int k = 1; k < side / 2; k++) {
            a[offset + 2 * k] *= g[k];
            a[offset + 2 * k + 1] *= g[k];
        }
        f.realInverse(a, offset, true);
    }

    @Override
    public String describe() {
        return "torus d = " + dim + ", " + side + "^" + dim + " cells of width " + spacing()
                + ", diffusion exact in time for the 2nd-order discrete Laplacian (FFT)";
    }
}
