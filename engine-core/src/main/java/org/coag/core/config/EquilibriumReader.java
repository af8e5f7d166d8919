package org.coag.core.config;

import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;

/** Reads [observe.equilibrium] (the pair correlation by mass pair and the subvolume count variances). */
final class EquilibriumReader {
    /** More cubes than this in one grid are refused (memory per observation). */
    static final long MAX_CUBES = 1L << 24;

    private EquilibriumReader() {
    }

    /**
     * @param table the [observe.equilibrium] table
     * @param model the model
     * @param steps the run's steps
     * @param observeEvery the run's observation cadence (the default cadence)
     * @return the settings
     */
    static EquilibriumSettings read(ConfigNode table, ModelSpec model, long steps, long observeEvery) {
        if (model.isLattice() || model.freeSpace()) {
            throw new ModelException("observe.equilibrium: needs the continuum model on a torus (its expectations are those of a "
                    + "uniform cloud in the box)");
        }
        long every = table.integer("every_steps", observeEvery);
        if (every < 1) {
            throw table.error("every_steps", "must be at least 1 (got " + every + ")");
        }
        double from = table.number("from_time", 0.0);
        if (!(from >= 0) || Double.isInfinite(from)) {
            throw table.error("from_time", "must be a time >= 0 (got " + from + ")");
        }
        long fromStep = (long) RunReader.stepsToReach(from, model.dt());
        if (fromStep > steps) {
            throw table.error("from_time", from + " is after the run's end at t = " + steps * model.dt() + " (step " + steps + ")");
        }
        long bins = table.integer("bins", 30L);
        if (bins < 1 || bins > 10_000) {
            throw table.error("bins", "must be 1 to 10000 (got " + bins + ")");
        }
        double side = model.domain().side();
        double unit = model.rangeUnit(1, 1);
        double rMax = table.positive("r_max", 3.0);
        if (rMax * unit >= side / 2) {
            throw table.error("r_max", rMax + " range units (" + rMax * unit + ") must be below half the box side (" + side / 2 + ")");
        }
        long masses = table.integer("masses", 3L);
        if (masses < 1 || masses > 64) {
            throw table.error("masses", "must be 1 to 64 (got " + masses + ")");
        }
        double[] sides = table.has("cube_sides") ? table.numbers("cube_sides") : new double[] {4.0, 8.0};
        for (double s : sides) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw table.error("cube_sides", "must be lengths > 0 in range units (got " + s + ")");
            }
            long perAxis = Math.round(side / (s * unit));
            if (perAxis < 2) {
                throw table.error("cube_sides", s + " range units (" + s * unit + ") leaves fewer than 2 cubes along the box side " + side);
            }
            if (Math.pow(perAxis, model.dim()) > MAX_CUBES) {
                throw table.error("cube_sides", s + " range units makes " + perAxis + "^" + model.dim() + " cubes, more than 2^24");
            }
        }
        return new EquilibriumSettings(true, fromStep, every, (int) bins, rMax, (int) masses, sides);
    }
}
