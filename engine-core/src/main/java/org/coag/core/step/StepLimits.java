package org.coag.core.step;

import org.coag.core.backend.ParticleState;
import org.coag.core.model.Domain;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;

/**
 * The two model limits a step checks, with the one wording every backend uses, so a failed run
 * reads the same whichever backend ran it.
 *
 * <ul>
 *   <li>the largest live interaction range must stay below half the box side (the minimum-image
 *       distance is then the distance);</li>
 *   <li>in free space no live particle may come within {@link #seamGuard} of the seam of the box,
 *       so none can interact across it or jump over it unseen.</li>
 * </ul>
 */
public final class StepLimits {
    /** Bound on |z| for the engine's normals: AS241 of the extreme 53-bit uniforms is about 8.3. */
    public static final double MAX_NORMAL = 8.3;

    private StepLimits() {
    }

    /**
     * @param range largest live interaction range, physical units
     * @param widestSigma largest live per-coordinate step deviation, fixed-point units
     * @param unit fixed-point unit L / 2^64
     * @return the distance from the seam a live particle must keep, physical units
     */
    public static double seamGuard(double range, double widestSigma, double unit) {
        return range + MAX_NORMAL * widestSigma * unit;
    }

    /**
     * @param mass the mass whose range is too large
     * @param range that range
     * @param step step index
     * @param side box side
     * @return the error to throw
     */
    public static ModelException rangeTooLarge(int mass, double range, long step, double side) {
        return new ModelException(String.format("model.radii: the interaction range of mass %d grew to %g at step %d, "
                + "not below half the box side (domain.side = %g)", mass, range, step, side));
    }

    /**
     * @param id the particle (smallest id among those too close)
     * @param side box side
     * @param step step index
     * @return the error to throw
     */
    public static ModelException seamReached(int id, double side, long step) {
        return new ModelException(String.format(
                "free space: particle %d came within one interaction range and one step of the seam of the box "
                        + "(domain.side = %g) at step %d; enlarge domain.side", id, side, step));
    }

    /**
     * The largest live interaction range, checked against half the box side (the scalar form the
     * reference's schemes use; slots in order, the first mass of the largest range is named).
     *
     * @param spec the model
     * @param pairs its pair constants
     * @param state live particles
     * @param step step index, for the message
     * @return the range, physical units
     */
    public static double largestRange(ModelSpec spec, PairParameters pairs, ParticleState state, long step) {
        if (!spec.rangeVaries()) {
            return pairs.of(1, 1).range();
        }
        int widest = 1;
        double range2 = 0;
        for (int i = 0; i < state.count(); i++) {
            double r2 = pairs.of(state.masses()[i], state.masses()[i]).range2();
            if (r2 > range2) {
                range2 = r2;
                widest = state.masses()[i];
            }
        }
        double range = Math.sqrt(range2);
        if (!(range < spec.domain().side() / 2)) {
            throw rangeTooLarge(widest, range, step, spec.domain().side());
        }
        return range;
    }

    /**
     * Free space: no live particle may come within {@code guard} of the seam (slots in order, the
     * first too close is named).
     *
     * @param spec the model
     * @param state live particles
     * @param guard distance to keep, from {@link #seamGuard}
     * @param step step index, for the message
     */
    public static void checkSeam(ModelSpec spec, ParticleState state, double guard, long step) {
        Domain d = spec.domain();
        double limit = d.side() / 2 - guard;
        for (int i = 0; i < state.count(); i++) {
            for (int k = 0; k < spec.dim(); k++) {
                if (Math.abs(d.toPhysical(state.positions()[k][i])) >= limit) {
                    throw seamReached(state.ids()[i], d.side(), step);
                }
            }
        }
    }

    /**
     * When a per-mass table may lack a live mass: fails exactly where the reference fails (its move
     * computes sigma, then, with radii, its range search computes range^2, each over the live
     * particles in id order, its slot order), naming the same mass; returns when no live particle
     * has such a mass. For backends that tabulate sigma and ranges by mass.
     *
     * @param spec the model
     * @param ids ids by slot
     * @param masses masses by slot (0 = dead)
     * @param count slots in use
     */
    public static void replayMassTables(ModelSpec spec, int[] ids, int[] masses, int count) {
        int[] byId = java.util.stream.IntStream.range(0, count).filter(i -> masses[i] != 0).boxed()
                .sorted(java.util.Comparator.comparingInt(i -> ids[i])).mapToInt(Integer::intValue).toArray();
        MoveParameters moves = new MoveParameters(spec);
        for (int i : byId) {
            moves.sigmaFixed(masses[i]);
        }
        if (spec.rangeVaries()) {
            for (int i : byId) {
                PairConstants.of(spec, masses[i], masses[i]);
            }
        }
    }
}
