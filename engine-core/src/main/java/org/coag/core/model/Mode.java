package org.coag.core.model;

/** What a collision does (MODEL.md sections 1 and 2). */
public enum Mode {
    /** One particle survives with probability proportional to its mass and takes the sum of both masses. */
    COAGULATION,
    /** Both particles vanish (survey section 3). */
    ANNIHILATION
}
