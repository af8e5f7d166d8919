package org.coag.core.backend;

import org.coag.core.step.EventKind;

/**
 * Receives the collision events of a simulation, in non-decreasing step order (within one step in
 * any order: consumers sort a step's events by (lower id, higher id) to get the canonical log).
 */
public interface EventSink {
    /**
     * @param step the step in which the collision happened (0-based; step s covers (s dt, (s+1) dt])
     * @param kind what the collision did
     * @param idLo lower id of the pair
     * @param idHi higher id of the pair
     * @param massLo mass of the lower id just before the collision
     * @param massHi mass of the higher id just before the collision
     * @param survivorId the surviving id (idLo or idHi) under coagulation, -1 when none survives
     */
    void collision(long step, EventKind kind, int idLo, int idHi, int massLo, int massHi, int survivorId);
}
