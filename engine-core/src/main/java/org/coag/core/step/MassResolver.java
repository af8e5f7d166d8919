package org.coag.core.step;

import org.coag.core.backend.EventSink;

/**
 * Applies a step's fired pairs, already sorted by {@link FiredPairs#sort()}, in that order to an
 * array of masses by slot (0 = dead), exactly as the reference resolves them: a pair with a dead
 * partner is skipped; otherwise the model's {@link CollisionOutcome} says which particle survives
 * (it takes both masses) or that both vanish. The reference and cpu fixed steps resolve with it.
 */
public final class MassResolver {
    /** Told of every slot whose mass changed. */
    @FunctionalInterface
    public interface Changes {
        /**
         * @param slot the slot
         * @param before its mass before
         * @param after its new mass (0: dead)
         */
        void changed(int slot, int before, int after);
    }

    private MassResolver() {
    }

    /**
     * @param fired sorted fired pairs
     * @param outcome the model's collision outcome
     * @param step the step (for the events)
     * @param mass masses by slot, updated
     * @param id ids by slot
     * @param sink receives the events
     * @param changes told of every changed slot (may be null)
     * @return the number of particles that died
     */
    public static int apply(FiredPairs fired, CollisionOutcome outcome, long step, int[] mass, int[] id, EventSink sink,
                            Changes changes) {
        int deaths = 0;
        for (int r = 0; r < fired.size(); r++) {
            int e = fired.at(r);
            int a = fired.lowerSlot(e);
            int b = fired.higherSlot(e);
            if (mass[a] == 0 || mass[b] == 0) {
                continue;
            }
            int who = outcome.survivor(fired.survivorDraw(e), mass[a], mass[b]);
            if (who == CollisionOutcome.NONE) {
                sink.collision(step, outcome.kind(), fired.lowerId(e), fired.higherId(e), mass[a], mass[b], -1);
                set(mass, a, 0, changes);
                set(mass, b, 0, changes);
                deaths += 2;
                continue;
            }
            int survivor = who == CollisionOutcome.LOWER ? a : b;
            int victim = who == CollisionOutcome.LOWER ? b : a;
            sink.collision(step, outcome.kind(), fired.lowerId(e), fired.higherId(e), mass[a], mass[b], id[survivor]);
            set(mass, survivor, mass[a] + mass[b], changes);
            set(mass, victim, 0, changes);
            deaths++;
        }
        return deaths;
    }

    private static void set(int[] mass, int slot, int value, Changes changes) {
        int before = mass[slot];
        mass[slot] = value;
        if (changes != null) {
            changes.changed(slot, before, value);
        }
    }
}
