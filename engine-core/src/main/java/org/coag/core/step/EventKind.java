package org.coag.core.step;

/**
 * What an event did (a collision, or a fragmentation); carried by every event an {@link org.coag.core.backend.EventSink}
 * receives. Codes are part of the event log format ({@code event_log_format} in a run's meta.json):
 * never renumber one, only add.
 */
public enum EventKind {
    /** One particle survived with both masses. */
    COAGULATION(0),
    /** Both particles vanished. */
    ANNIHILATION(1),
    /**
     * A particle split (fragmentation): the lower id is the parent, which keeps the lower mass
     * argument; the higher id is the new particle, with the higher mass argument.
     */
    FRAGMENTATION(2);

    private final int code;

    EventKind(int code) {
        this.code = code;
    }

    /** @return the stable code of this kind */
    public int code() {
        return code;
    }
}
