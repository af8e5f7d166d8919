package org.coag.core.study;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.coag.core.model.ModelException;
import org.coag.core.observe.Observable;

/**
 * A lattice study task's observations ({@link LatticeStudy}): the walkers alive at the study's observation
 * steps (the same steps at every side L). An {@link Observable} with steps of its own; its checkpoint state
 * (layout 1) is the number of observations taken and their counts, so a resumed task ends with the same
 * counts as an uninterrupted one. A step listed twice is recorded twice.
 */
final class LatticeSurvivors implements Observable {
    /** The checkpoint section name. */
    static final String NAME = "lattice_study_survivors";
    private final long[] steps;
    private final int[] survivors;
    private int taken;

    /** @param steps the observation steps, in increasing order, 0 first */
    LatticeSurvivors(long[] steps) {
        this.steps = steps.clone();
        this.survivors = new int[steps.length];
    }

    /** @return the survivors at every observation step; all of them once the run is complete */
    int[] survivors() {
        if (taken != steps.length) {
            throw new ModelException("study: the lattice task took " + taken + " of its " + steps.length + " observations");
        }
        return survivors.clone();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public long nextStep(long step) {
        for (long s : steps) {
            if (s > step) {
                return s;
            }
        }
        return Long.MAX_VALUE;
    }

    @Override
    public void start() {
        taken = 0;
        Arrays.fill(survivors, 0);
    }

    @Override
    public void observe(Sample sample) {
        while (taken < steps.length && steps[taken] == sample.step()) {
            survivors[taken++] = sample.state().count();
        }
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeInt(taken);
        for (int t = 0; t < taken; t++) {
            out.writeInt(survivors[t]);
        }
    }

    @Override
    public void readState(DataInput in, int version) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > steps.length) {
            throw new ModelException("resume: the checkpoint holds " + n + " lattice study observations, this task has " + steps.length);
        }
        start();
        for (int t = 0; t < n; t++) {
            survivors[t] = in.readInt();
        }
        taken = n;
    }
}
