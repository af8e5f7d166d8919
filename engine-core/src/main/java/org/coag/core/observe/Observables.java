package org.coag.core.observe;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.coag.core.io.Checkpoint;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;

/**
 * The observables of one run, in output order: the registered ones ({@link #registered}, the one
 * list to extend) followed by any a caller adds (a study task's observations). The run driver
 * feeds every observation to this list and writes, checkpoints and restores through it.
 */
public final class Observables {
    private final List<Observable> all;
    /** The observables that follow the run's cadence, in order (decided once: nextStep(-1)). */
    private final List<Observable> atCadence;
    private final Timeseries timeseries;
    /** Per observable, its next own step (Long.MAX_VALUE for none or for run cadence). */
    private final long[] next;
    /** The smallest of {@link #next}: the driver asks for it every step. */
    private long nextOwn = Long.MAX_VALUE;

    private Observables(List<Observable> all) {
        this.all = List.copyOf(all);
        this.atCadence = all.stream().filter(o -> o.nextStep(-1) == Observable.RUN_CADENCE).toList();
        this.timeseries = (Timeseries) all.get(0);
        this.next = new long[all.size()];
        for (int i = 0; i < all.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (all.get(i).name().equals(all.get(j).name())) {
                    throw new IllegalArgumentException("two observables named " + all.get(i).name());
                }
            }
        }
    }

    /**
     * The observables every run takes, in the order of their timeseries.csv columns. The survivor
     * time series comes first: the driver checks mass conservation and the stop rule on it.
     */
    private static List<Observable> registered(ModelSpec spec) {
        Observable[] registered = {
                new Timeseries(spec.particles()),
                new MassMoments(),
        };
        return List.of(registered);
    }

    /**
     * @param spec the model
     * @param extra observables of the caller's own (a study task's), after the registered ones
     * @return the run's observables
     */
    public static Observables forRun(ModelSpec spec, List<Observable> extra) {
        List<Observable> list = new ArrayList<>(registered(spec));
        list.addAll(extra);
        return new Observables(list);
    }

    /**
     * @param list the observables, the survivor {@link Timeseries} first (tests)
     * @return them as a run's observables
     */
    public static Observables of(List<Observable> list) {
        return new Observables(list);
    }

    /** @return all observables, in order */
    public List<Observable> all() {
        return all;
    }

    /** @return the survivor time series (mass check, stop rule, beta fit) */
    public Timeseries timeseries() {
        return timeseries;
    }

    /**
     * Starts a fresh run: every observable's {@link Observable#start}, then the observations at step 0.
     *
     * @param sample the initial state
     * @throws IOException on failure
     */
    public void start(Observable.Sample sample) throws IOException {
        for (Observable o : all) {
            o.start();
        }
        observeAtCadence(sample);
        schedule(-1);
        observeOwn(sample);
    }

    /**
     * @param sample a state at an observation step of the run's cadence
     * @throws IOException on failure
     */
    public void observeAtCadence(Observable.Sample sample) throws IOException {
        for (Observable o : atCadence) {
            o.observe(sample);
        }
    }

    /** @return the next step at which an observable with steps of its own observes ({@link Long#MAX_VALUE}: none) */
    public long nextOwnStep() {
        return nextOwn;
    }

    /**
     * Feeds the observables whose own next step this is, and schedules their next.
     *
     * @param sample the state at {@link #nextOwnStep()}
     * @throws IOException on failure
     */
    public void observeOwn(Observable.Sample sample) throws IOException {
        for (int i = 0; i < all.size(); i++) {
            if (next[i] == sample.step()) {
                all.get(i).observe(sample);
                next[i] = all.get(i).nextStep(sample.step());
            }
        }
        nextOwn = Arrays.stream(next).min().orElse(Long.MAX_VALUE);
    }

    private void schedule(long step) {
        for (int i = 0; i < all.size(); i++) {
            long s = all.get(i).nextStep(step);
            next[i] = s == Observable.RUN_CADENCE ? Long.MAX_VALUE : s;
        }
        nextOwn = Arrays.stream(next).min().orElse(Long.MAX_VALUE);
    }

    /**
     * @param sample the run's final state
     * @throws IOException on failure
     */
    public void finish(Observable.Sample sample) throws IOException {
        for (Observable o : all) {
            o.finish(sample);
        }
    }

    /** @return {@code timeseries.csv}: the run-cadence observables' columns, one row per observation */
    public String timeseriesCsv() {
        List<Observable> cols = atCadence.stream().filter(o -> !o.columns().isEmpty()).toList();
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", cols.stream().flatMap(o -> o.columns().stream()).toList())).append('\n');
        int rows = timeseries.observations();
        for (Observable o : cols) {
            if (o.observations() != rows) {
                throw new IllegalStateException("observable " + o.name() + " has " + o.observations() + " rows, the time series " + rows);
            }
        }
        String eol = System.lineSeparator();
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < cols.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                cols.get(i).cells(r, sb);
            }
            sb.append(eol);
        }
        return sb.toString();
    }

    /**
     * @param files receives every observable's own files
     * @throws IOException on failure
     */
    public void writeFiles(Observable.FileSink files) throws IOException {
        for (Observable o : all) {
            o.writeFiles(files);
        }
    }

    /** @param summary summary.json's fields; each observable adds its own, in order */
    public void summarize(Map<String, Object> summary) {
        for (Observable o : all) {
            o.summarize(summary);
        }
    }

    /**
     * @return every observable's checkpoint section, in order
     * @throws IOException on failure
     */
    public List<Checkpoint.Section> sections() throws IOException {
        List<Checkpoint.Section> sections = new ArrayList<>();
        for (Observable o : all) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            o.writeState(out);
            out.flush();
            sections.add(new Checkpoint.Section(o.name(), o.version(), bytes.toByteArray()));
        }
        return sections;
    }

    /**
     * Restores every observable from its section (the time series first); sections no observable
     * claims are ignored (an observable since removed).
     *
     * @param sections a checkpoint's sections
     * @param step the checkpoint's step
     * @throws IOException on failure
     * @throws ModelException when a section is missing, too new, or not read completely
     */
    public void restore(List<Checkpoint.Section> sections, long step) throws IOException {
        for (Observable o : all) {
            Checkpoint.Section s = sections.stream().filter(x -> x.name().equals(o.name())).findFirst().orElse(null);
            if (s == null) {
                o.stateMissing(timeseries.observations());
                continue;
            }
            if (s.version() < 1 || s.version() > o.version()) {
                throw new ModelException("resume: the checkpoint holds version " + s.version() + " of observable '" + o.name()
                        + "'; this coag reads 1 to " + o.version());
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(s.bytes()));
            o.readState(in, s.version());
            if (in.available() > 0) {
                throw new ModelException("resume: observable '" + o.name() + "' left " + in.available()
                        + " bytes of its checkpoint section unread (the checkpoint does not match this coag)");
            }
        }
        schedule(step);
    }

    /**
     * Closes every observable, reporting the first failure after trying all.
     *
     * @throws IOException on failure
     */
    public void close() throws IOException {
        IOException first = null;
        for (Observable o : all) {
            try {
                o.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
