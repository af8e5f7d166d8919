package org.coag.core.model;

/** What a collision does (docs/model.md). */
public enum Mode {
    /** One particle survives with probability proportional to its mass and takes the sum of both masses. */
    COAGULATION,
    /** Both particles vanish (survey section 3). */
    ANNIHILATION
}
