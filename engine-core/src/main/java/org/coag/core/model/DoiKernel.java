package org.coag.core.model;

/** The Doi model: V = indicator of the unit ball. */
public final class DoiKernel implements RadialKernel {
    @Override
    public double support() {
        return 1.0;
    }

    @Override
    public double value(double y2) {
        return 1.0;
    }

    @Override
    public double integral(int dim) {
        return RadialKernel.unitBallVolume(dim);
    }

    @Override
    public String name() {
        return "doi";
    }
}
