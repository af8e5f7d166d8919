package org.coag.core.model;

import org.coag.core.rng.FdLibm;

/** The smooth bump V(y) = exp(-1 / (1 - |y|^2)) on the unit ball (peak value e^-1 at 0). */
public final class BumpKernel implements RadialKernel {
    @Override
    public double support() {
        return 1.0;
    }

    @Override
    public double value(double y2) {
        return y2 < 1.0 ? FdLibm.exp(-1.0 / (1.0 - y2)) : 0.0;
    }

    @Override
    public double integral(int dim) {
        return RadialKernel.unitSphereArea(dim)
                * Quadrature.simpson(r -> Math.pow(r, dim - 1) * (r < 1 ? Math.exp(-1 / (1 - r * r)) : 0), 0, 1, 4096);
    }

    @Override
    public String name() {
        return "bump";
    }
}
