package org.coag.core.step;

import org.coag.core.backend.EventSink;
import org.coag.core.backend.ParticleState;

/**
 * A time-stepping scheme, scalar: what the reference backend runs each step. The two schemes are
 * {@link FixedStepper} (time.scheme = "fixed") and {@code org.coag.core.adaptive.AdaptiveStepper}
 * ("adaptive"); a backend only chooses one ({@link #of}).
 */
public interface Scheme {
    /**
     * Advances one step (a macro step of the adaptive scheme).
     *
     * @param step the step index s (time s dt to (s+1) dt)
     * @param state live particles in slots 0..count-1: moved, merged and compacted in place
     * @param sink receives the collisions, with step index s
     */
    void step(long step, ParticleState state, EventSink sink);
}
