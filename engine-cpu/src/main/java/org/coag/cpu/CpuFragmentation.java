package org.coag.cpu;

import org.coag.core.backend.EventSink;
import org.coag.core.model.ModelSpec;
import org.coag.core.rng.CounterRng;
import org.coag.core.step.FiredSplits;
import org.coag.core.step.FragmentationRule;
import org.coag.core.step.SplitTarget;

/**
 * Fragmentation on the cpu backend, after a step's coagulations: the reference's
 * {@link FragmentationRule}, its screen run in parallel over the workers' slot ranges (each with
 * its own generator and list), the fired splits merged, sorted by parent id and applied serially by
 * the same rule to the {@link Particles}, new particles after the used slots. The caller then
 * rebuilds the pair list (the new particles are in none) and the split rates of every mass present
 * are prepared ({@link FragmentationRule#prepare}: the initial masses here, coagulation products by
 * the caller, split products by the rule), so the parallel screen only reads them.
 */
final class CpuFragmentation implements SplitTarget {
    private final FragmentationRule rule;
    private final CounterRng[] rngs;
    private final FiredSplits[] screened;
    private final FiredSplits fired = new FiredSplits();
    private final WorkerPool.Task screenTask = this::screenPhase;
    private Particles particles;
    private long step;
    private int nextId;

    /**
     * @param spec the model, with fragmentation
     * @param seed run seed
     * @param workers worker count
     * @param nextId the id of the next particle created (the state's)
     */
    CpuFragmentation(ModelSpec spec, long seed, int workers, int nextId) {
        this.rule = new FragmentationRule(spec);
        this.rngs = new CounterRng[workers];
        this.screened = new FiredSplits[workers];
        for (int w = 0; w < workers; w++) {
            rngs[w] = new CounterRng(seed);
            screened[w] = new FiredSplits();
        }
        this.nextId = nextId;
    }

    /** @param mass a mass now present (its split rates computed now, on the master thread) */
    void prepare(int mass) {
        rule.prepare(mass);
    }

    /** @return the id the next created particle gets */
    int nextId() {
        return nextId;
    }

    /**
     * The step's splits (after its coagulations; dead slots have mass 0 and are skipped).
     *
     * @param pool the workers
     * @param p the particles; grown as needed
     * @param s the step
     * @param sink receives one event per split
     * @return the number of splits (new particles)
     */
    int apply(WorkerPool pool, Particles p, long s, EventSink sink) {
        particles = p;
        step = s;
        pool.run(screenTask);
        fired.clear();
        for (FiredSplits f : screened) {
            fired.addAll(f);
        }
        if (fired.size() == 0) {
            return 0;
        }
        fired.sort();
        p.ensureCapacity(p.count() + fired.size());
        int splits = rule.apply(rngs[0], step, fired, nextId, this, sink);
        nextId += splits;
        return splits;
    }

    private void screenPhase(int w) {
        int count = particles.count();
        screened[w].clear();
        rule.screen(rngs[w], step, particles.id(), particles.mass(), WorkerPool.chunkStart(w, rngs.length, count),
                WorkerPool.chunkStart(w + 1, rngs.length, count), screened[w]);
    }

    @Override
    public int mass(int slot) {
        return particles.mass()[slot];
    }

    @Override
    public long coordinate(int axis, int slot) {
        return particles.pos()[axis][slot];
    }

    @Override
    public void split(int slot, int kept, int newId, int newMass, long[] position) {
        particles.mass()[slot] = kept;
        particles.append(newId, newMass, position);
    }
}
