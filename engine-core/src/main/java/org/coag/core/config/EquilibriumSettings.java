package org.coag.core.config;

/**
 * The equilibrium observables of a run ({@code [observe.equilibrium]}): the pair correlation by mass
 * pair and the variance of particle counts in subvolumes, averaged over the observations from
 * {@code fromStep} on. Lengths are in units of the range unit s(1,1) eps^b (eps for the Doi kernel
 * without radii).
 *
 * @param enabled whether the run takes them
 * @param fromStep the first observation step (the burn-in's end)
 * @param everySteps steps between observations (at least 1)
 * @param bins distance bins on [0, rMax)
 * @param rMax the largest distance, in range units
 * @param masses pairs of masses 1..masses are reported one by one (besides all pairs together)
 * @param cubeSides the sides of the subvolume grids, in range units (each rounded so that a whole
 *                  number of cubes tiles the box side)
 */
public record EquilibriumSettings(boolean enabled, long fromStep, long everySteps, int bins, double rMax, int masses,
                                  double[] cubeSides) {
    /** No equilibrium observables. */
    public static final EquilibriumSettings NONE = new EquilibriumSettings(false, 0, 1, 1, 1, 1, new double[0]);

    /** Copies the sides. */
    public EquilibriumSettings {
        cubeSides = cubeSides.clone();
    }

    /** @return the cube sides (a copy) */
    @Override
    public double[] cubeSides() {
        return cubeSides.clone();
    }

    /**
     * @param step the last step taken (-1 before the run)
     * @return the next observation step after it: fromStep, fromStep + everySteps, ...
     */
    public long nextStep(long step) {
        if (step < fromStep) {
            return fromStep;
        }
        return fromStep + (Math.floorDiv(step - fromStep, everySteps) + 1) * everySteps;
    }
}
