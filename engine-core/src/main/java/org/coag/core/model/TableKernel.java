package org.coag.core.model;

/**
 * A user-given radial kernel: values {@code v[i]} at radii {@code r[i]} (units of eps, strictly
 * increasing from {@code r[0] = 0}), linearly interpolated; the support is the last radius.
 */
public final class TableKernel implements RadialKernel {
    private final double[] r;
    private final double[] v;

    /**
     * @param r radii, strictly increasing, r[0] = 0, at least two points
     * @param v values at those radii, non-negative
     */
    public TableKernel(double[] r, double[] v) {
        this.r = r.clone();
        this.v = v.clone();
    }

    @Override
    public double support() {
        return r[r.length - 1];
    }

    @Override
    public double value(double y2) {
        double y = Math.sqrt(y2);
        if (!(y < r[r.length - 1])) {
            return 0.0;
        }
        int lo = 0;
        int hi = r.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (r[mid] <= y) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double w = (y - r[lo]) / (r[hi] - r[lo]);
        return v[lo] + w * (v[hi] - v[lo]);
    }

    @Override
    public double integral(int dim) {
        double s = RadialKernel.unitSphereArea(dim);
        double sum = 0;
        for (int i = 0; i + 1 < r.length; i++) {
            int seg = i;
            sum += Quadrature.simpson(x -> Math.pow(x, dim - 1) * interpolate(seg, x), r[i], r[i + 1], 64);
        }
        return s * sum;
    }

    private double interpolate(int i, double x) {
        return v[i] + (x - r[i]) / (r[i + 1] - r[i]) * (v[i + 1] - v[i]);
    }

    /** @return a copy of the radii */
    public double[] radii() {
        return r.clone();
    }

    /** @return a copy of the values */
    public double[] values() {
        return v.clone();
    }

    @Override
    public String name() {
        return "table";
    }
}
