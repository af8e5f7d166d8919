package org.coag.core.step;

import org.coag.core.model.Mode;

/**
 * What a fired pair becomes: the one home of the outcome rule, used by every resolver
 * ({@link MassResolver} for the reference and cpu fixed steps, the adaptive scheme's
 * {@code AdaptiveStepper}; the OpenCL mirror is {@code resolve.cl}). A resolver asks the outcome
 * which particle survives, reports the event with the outcome's {@link #kind()}, and gives the
 * survivor (if any) the sum of both masses.
 */
public interface CollisionOutcome {
    /** What {@link #survivor} returns when both particles vanish. */
    int NONE = -1;
    /** What {@link #survivor} returns when the lower-id particle survives. */
    int LOWER = 0;
    /** What {@link #survivor} returns when the higher-id particle survives. */
    int HIGHER = 1;

    /** @return the kind of the events this outcome produces */
    EventKind kind();

    /**
     * @param draw the pair's survivor draw u1, uniform in (0, 1)
     * @param massLo mass of the lower-id particle just before the collision
     * @param massHi mass of the higher-id particle just before the collision
     * @return {@link #LOWER} or {@link #HIGHER} (that particle takes massLo + massHi, the other
     *     vanishes), or {@link #NONE} (both vanish)
     */
    int survivor(double draw, int massLo, int massHi);

    /**
     * @param mode the model's collision mode
     * @return its outcome
     */
    static CollisionOutcome of(Mode mode) {
        return mode == Mode.ANNIHILATION ? Basic.ANNIHILATE : Basic.COAGULATE;
    }

    /** The outcomes of the survey's two modes (docs/model.md). */
    enum Basic implements CollisionOutcome {
        /** The lower id survives with probability m_lo / (m_lo + m_hi) ({@link CollisionRule#lowerSurvives}). */
        COAGULATE {
            @Override
            public EventKind kind() {
                return EventKind.COAGULATION;
            }

            @Override
            public int survivor(double draw, int massLo, int massHi) {
                return CollisionRule.lowerSurvives(draw, massLo, massHi) ? LOWER : HIGHER;
            }
        },
        /** Both vanish (survey section 3). */
        ANNIHILATE {
            @Override
            public EventKind kind() {
                return EventKind.ANNIHILATION;
            }

            @Override
            public int survivor(double draw, int massLo, int massHi) {
                return NONE;
            }
        }
    }
}
