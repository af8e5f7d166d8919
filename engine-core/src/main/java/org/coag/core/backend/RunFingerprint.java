package org.coag.core.backend;

import java.util.function.LongConsumer;
import org.coag.core.model.InitialStates;
import org.coag.core.model.ModelSpec;
import org.coag.core.observe.EventRecorder;
import org.coag.core.observe.StateHash;

/**
 * What docs/ARCHITECTURE.md contract 1 says every backend must reproduce bit for bit: a run's number of
 * collision events, its event-log SHA-256 and its final-state SHA-256, from the generated initial
 * state of a model and seed. The one definition used by {@code coag verify} and by the conformance
 * suite (its golden values in {@code conformance/expected.csv} are fingerprints); a run's
 * {@code summary.json} reports the same two hashes.
 *
 * @param events collision events
 * @param eventLog {@code event_log_sha256} ({@link EventRecorder#sha256})
 * @param finalState {@code final_state_sha256} ({@link StateHash})
 * @param live live particles at the end
 */
public record RunFingerprint(long events, String eventLog, String finalState, int live) {
    /**
     * Runs a model on a backend from its generated initial state, step 0.
     *
     * @param backend the backend
     * @param spec the model
     * @param seed run seed
     * @param steps steps to run
     * @param options threads and vector width
     * @param progress null to advance all steps in one call; else the steps are advanced in about
     *        100 chunks and this is told the steps done after each (chunks do not change the result)
     * @return the run's fingerprint
     */
    public static RunFingerprint of(Backend backend, ModelSpec spec, long seed, long steps, BackendOptions options,
            LongConsumer progress) {
        EventRecorder rec = new EventRecorder(null);
        ParticleState end = new ParticleState(spec.dim(), spec.particles());
        try (Simulation sim = backend.create(spec, seed, InitialStates.generate(spec, seed), 0, options)) {
            if (progress == null) {
                sim.advance(steps, rec);
            } else {
                long chunk = Math.max(1, steps / 100);
                for (long done = 0; done < steps; ) {
                    long n = Math.min(chunk, steps - done);
                    sim.advance(n, rec);
                    done += n;
                    progress.accept(done);
                }
            }
            sim.readState(end);
        }
        return new RunFingerprint(rec.events(), rec.sha256(), StateHash.of(end), end.count());
    }
}
