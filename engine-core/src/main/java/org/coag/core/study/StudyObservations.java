package org.coag.core.study;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.coag.core.backend.ParticleState;
import org.coag.core.config.RunConfig;
import org.coag.core.io.Json;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.coag.core.observe.Observable;
import org.coag.core.observe.Snapshot;
import org.coag.core.observe.SnapshotObserver;
import org.coag.core.theory.BetaTable;
import org.coag.core.theory.PdeGeometry;

/**
 * A study task's observations at the study's times: an {@link Observable} with steps of its own,
 * one JSON line per time in {@code observations.jsonl} of the task's run directory, appended as they
 * are taken. Its checkpoint state is the file's synced length (layout 1: one long), and a resumed
 * task cuts the file back to it, so an interrupted task ends with the same lines as an
 * uninterrupted one (as events.bin). The last line also carries the density profile.
 */
final class StudyObservations implements Observable {
    /** The checkpoint section name (also the name checkpoints of version 2 are read under). */
    static final String NAME = "study_observations";
    /** The file in the task directory. */
    static final String FILE = "observations.jsonl";
    private static final ObjectWriter LINE = Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    /**
     * One observation.
     *
     * @param time step * dt
     * @param survivors live particles
     * @param byMass live particles of mass n [n-1]
     * @param testIntegrals [j][n-1]
     * @param propensity [n-1][m-1]
     * @param propensityTheory [n-1][m-1]
     * @param pairCounts [bin]
     * @param pairExpected [bin]
     * @param profileCoordinate last observation only: the profile's abscissa (else empty)
     * @param profile last observation only: candidate density of masses 1..P [n-1][k] (else empty)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Line(double time, int survivors, long[] byMass, double[][] testIntegrals, double[][] propensity,
                double[][] propensityTheory, double[] pairCounts, double[] pairExpected, double[] profileCoordinate,
                double[][] profile) {
    }

    private final Path file;
    private final long[] steps;
    private final SnapshotObserver observer;
    private final PdeGeometry grid;
    private final int dim;
    private final int profileMasses;
    private FileOutputStream out;

    StudyObservations(Path file, RunConfig cfg, double[] times, PdeGeometry grid, int maxMass) {
        ModelSpec spec = cfg.model();
        this.file = file;
        this.grid = grid;
        this.dim = spec.dim();
        this.steps = new long[times.length];
        for (int t = 0; t < times.length; t++) {
            steps[t] = Math.round(times[t] / spec.dt());
        }
        int k = Math.min(cfg.study().propensityMasses(), maxMass);
        this.observer = new SnapshotObserver(spec, grid, StudyGrid.origin(spec), maxMass, k, StudyGrid.tests(spec),
                BetaTable.build(spec, k), cfg.study().pairBins(), cfg.study().pairMax());
        this.profileMasses = Math.min(StudyTheory.PROFILE_MASSES, maxMass);
    }

    /** @return the weight of one particle in the units of (1.2) */
    double weight() {
        return observer.weight();
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
        long next = Long.MAX_VALUE;
        for (long s : steps) {
            if (s > step && s < next) {
                next = s;
            }
        }
        return next;
    }

    @Override
    public void observe(Sample sample) throws IOException {
        long step = sample.step();
        double time = sample.time();
        ParticleState state = sample.state();
        for (int t = 0; t < steps.length; t++) {
            if (steps[t] != step) {
                continue;
            }
            Snapshot snap = observer.observe(time, state);
            double[] x = new double[0];
            double[][] profile = new double[0][];
            if (t == steps.length - 1) {
                profile = new double[profileMasses][];
                for (int n = 0; n < profileMasses; n++) {
                    double[] density = new double[grid.cells()];
                    for (int c = 0; c < grid.cells(); c++) {
                        density[c] = observer.weight() * snap.cellCounts()[n][c] / grid.cellVolume(c);
                    }
                    double[][] xy = StudyGrid.coarseProfile(grid, density, dim);
                    x = xy[0];
                    profile[n] = xy[1];
                }
            }
            Line line = new Line(snap.time(), snap.survivors(), snap.byMass(), snap.testIntegrals(), snap.propensity(),
                    snap.propensityTheory(), snap.pairs().counts(), snap.pairs().expected(), x, profile);
            out.write(LINE.writeValueAsBytes(line));
            out.write('\n');
        }
    }

    @Override
    public void start() throws IOException {
        cutTo(0);
    }

    @Override
    public void writeState(DataOutput state) throws IOException {
        out.flush();
        out.getFD().sync();
        state.writeLong(out.getChannel().size());
    }

    @Override
    public void readState(DataInput state, int version) throws IOException {
        cutTo(state.readLong());
    }

    private void cutTo(long bytes) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            if (f.length() < bytes) {
                throw new ModelException("resume: " + file + " is shorter than its checkpoint records (" + f.length() + " < " + bytes + ")");
            }
            f.setLength(bytes);
        }
        out = new FileOutputStream(file.toFile(), true);
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    /**
     * @param file a finished task's observations
     * @return its lines, in time order
     * @throws IOException on read failure
     */
    static List<Line> read(Path file) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                lines.add(StudyJson.read(l, Line.class));
            }
        }
        return lines;
    }
}
