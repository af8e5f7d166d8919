package org.coag.core.observe;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.coag.core.backend.ParticleState;

/**
 * Observations at the run's cadence: survivors, survivor fraction h_N, total mass (checked
 * exactly), largest mass, cumulative events (the first columns of {@code timeseries.csv}), and
 * survivors by mass ({@code mass_spectrum.csv}).
 */
public final class Timeseries implements Observable {
    /**
     * One observation.
     *
     * @param step step index
     * @param time step * dt
     * @param survivors live particles
     * @param totalMass sum of live masses
     * @param maxMass largest live mass
     * @param events cumulative collision events
     * @param byMass survivors by mass (mass to count), ascending
     */
    public record Row(long step, double time, long survivors, long totalMass, int maxMass, long events, Map<Integer, Long> byMass) {
    }

    /** The checkpoint section name. */
    public static final String NAME = "timeseries";
    private static final List<String> COLUMNS = List.of("step", "t", "survivors", "h", "total_mass", "max_mass", "events");
    private final List<Row> rows = new ArrayList<>();
    private final long initialParticles;

    /**
     * @param initialParticles N, for h_N = survivors / N
     */
    public Timeseries(long initialParticles) {
        this.initialParticles = initialParticles;
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
    public void observe(Sample sample) {
        ParticleState state = sample.state();
        Map<Integer, Long> byMass = new TreeMap<>();
        long total = 0;
        int max = 0;
        for (int i = 0; i < state.count(); i++) {
            int m = state.masses()[i];
            byMass.merge(m, 1L, Long::sum);
            total += m;
            max = Math.max(max, m);
        }
        rows.add(new Row(sample.step(), sample.time(), state.count(), total, max, sample.events(), byMass));
    }

    /** @return the latest row */
    public Row last() {
        return rows.get(rows.size() - 1);
    }

    /** @return N, the number of particles at time 0 */
    public long initialParticles() {
        return initialParticles;
    }

    /** @return all rows in step order; a live view */
    public List<Row> rows() {
        return rows;
    }

    /**
     * @param r a row
     * @return h_N = survivors / (the survivors at step 0)
     */
    public double fraction(Row r) {
        return fraction(r.survivors());
    }

    /**
     * The survivor fraction's denominator is the number observed at step 0: N in the continuum
     * model, the walkers actually drawn in a lattice run with a random (Bernoulli, Poisson) start
     * (whose N is only the slot capacity); before any observation it is N.
     *
     * @param survivors a number of survivors
     * @return survivors / (the survivors at step 0)
     */
    public double fraction(long survivors) {
        return (double) survivors / initialSurvivors();
    }

    /** @return the survivors observed at step 0 (N before any observation) */
    public long initialSurvivors() {
        return rows.isEmpty() ? initialParticles : rows.get(0).survivors();
    }

    @Override
    public int observations() {
        return rows.size();
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public void cells(int row, StringBuilder csv) {
        Row r = rows.get(row);
        csv.append(String.format(Locale.ROOT, "%d,%.17g,%d,%.17g,%d,%d,%d", r.step(), r.time(), r.survivors(),
                fraction(r), r.totalMass(), r.maxMass(), r.events()));
    }

    @Override
    public void writeFiles(FileSink files) throws IOException {
        files.write("mass_spectrum.csv", spectrumCsv());
    }

    /** @return {@code mass_spectrum.csv} text: survivors by mass at every observation */
    public String spectrumCsv() {
        StringBuilder sb = new StringBuilder("step,t,mass,count\n");
        for (Row r : rows) {
            for (Map.Entry<Integer, Long> e : r.byMass().entrySet()) {
                sb.append(String.format(Locale.ROOT, "%d,%.17g,%d,%d%n", r.step(), r.time(), e.getKey(), e.getValue()));
            }
        }
        return sb.toString();
    }

    /** Layout (version 1): int rows, then per row long step, double time, long survivors, long totalMass,
     * int maxMass, long events, int masses, (int mass, long count) x masses. */
    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeInt(rows.size());
        for (Row r : rows) {
            out.writeLong(r.step());
            out.writeDouble(r.time());
            out.writeLong(r.survivors());
            out.writeLong(r.totalMass());
            out.writeInt(r.maxMass());
            out.writeLong(r.events());
            out.writeInt(r.byMass().size());
            for (Map.Entry<Integer, Long> e : r.byMass().entrySet()) {
                out.writeInt(e.getKey());
                out.writeLong(e.getValue());
            }
        }
    }

    @Override
    public void readState(DataInput in, int version) throws IOException {
        rows.clear();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            long step = in.readLong();
            double time = in.readDouble();
            long survivors = in.readLong();
            long total = in.readLong();
            int max = in.readInt();
            long events = in.readLong();
            int masses = in.readInt();
            Map<Integer, Long> byMass = new TreeMap<>();
            for (int j = 0; j < masses; j++) {
                byMass.put(in.readInt(), in.readLong());
            }
            rows.add(new Row(step, time, survivors, total, max, events, byMass));
        }
    }
}
