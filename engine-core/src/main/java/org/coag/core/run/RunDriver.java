package org.coag.core.run;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.coag.core.backend.Backend;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.AutoBackend;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.config.RunConfig;
import org.coag.core.config.RunSettings;
import org.coag.core.io.Checkpoint;
import org.coag.core.io.DirectoryLock;
import org.coag.core.io.FileErrors;
import org.coag.core.model.InitialStates;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.coag.core.observe.EventRecorder;
import org.coag.core.observe.Hex;
import org.coag.core.observe.Observable;
import org.coag.core.observe.Observables;
import org.coag.core.observe.DensityModes;
import org.coag.core.observe.ParticleSnapshots;
import org.coag.core.observe.Timeseries;
import org.coag.core.observe.equilibrium.EquilibriumObservables;

/**
 * Drives one run: steps the backend, feeds its {@link Observables} at their steps (checking total
 * mass exactly), writes periodic and Ctrl-C checkpoints, and writes the outputs of {@link RunDirectory}.
 * A resumed run continues from {@code checkpoint.bin} and ends with the same hashes as an
 * uninterrupted one (all randomness is counter-based).
 */
public final class RunDriver {
    private static final double PROGRESS_SECONDS = 0.5;
    /** How often meta.json's heartbeat is renewed between checkpoints (seconds). */
    static final double HEARTBEAT_SECONDS = 30;

    private final RunConfig config;
    private final ModelSpec spec;
    private final RunSettings settings;
    private final RunDirectory dir;
    private final RunControl control;
    private final RunListener listener;
    private BackendOptions options = BackendOptions.DEFAULTS;
    private final Histogram stepNanos = new Histogram(3_600_000_000_000L, 3);
    private String configSha;
    private final List<Observable> extra = new ArrayList<>();
    private Observables observables;
    private Timeseries series;
    private EventRecorder recorder;
    private FileOutputStream eventsOut;
    private ParticleState scratch;
    private long particleSteps;
    private double wallBefore;
    private long initialMass;
    private Backend backend;
    private volatile long lastHeartbeat = System.nanoTime();
    private volatile long progressStep;
    private String resumeHint;

    /**
     * @param config the validated config
     * @param dir the run directory (fresh, or holding the checkpoint to resume)
     * @param control stop requests
     * @param listener progress hooks
     */
    public RunDriver(RunConfig config, RunDirectory dir, RunControl control, RunListener listener) {
        this.config = config;
        this.spec = config.model();
        this.settings = config.run();
        this.dir = dir;
        this.control = control;
        this.listener = listener;
    }

    /**
     * @param observable an observable of the caller's own (a study task's observations), taken and
     *                   checkpointed with the registered ones, after them
     * @return this driver
     */
    public RunDriver withObservable(Observable observable) {
        extra.add(observable);
        return this;
    }

    /**
     * @param command the command that resumes this run, for the message at an interruption (a study
     *                task resumes through its study, not with coag run --resume)
     * @return this driver
     */
    public RunDriver withResumeHint(String command) {
        this.resumeHint = command;
        return this;
    }

    /**
     * @param backendOptions threads and vector width for the backend (never change a result)
     * @return this driver
     */
    public RunDriver withOptions(BackendOptions backendOptions) {
        this.options = backendOptions;
        return this;
    }

    private String configFileSha() throws IOException {
        byte[] text = dir.readConfig().getBytes(StandardCharsets.UTF_8);
        return Hex.of(Checkpoint.sha256(text, text.length));
    }

    /**
     * @param resume continue from the directory's checkpoint instead of starting at time 0
     * @return the outcome
     * @throws IOException on file-system failure
     * @throws ModelException on a model limit (meta.json then says failed) or a refused resume (bad
     *         checkpoint, edited config; the directory is left as it was)
     */
    public RunResult run(boolean resume) throws IOException {
        try (DirectoryLock lock = dir.lock()) {
            lock.previous().ifPresent(h -> listener.message("the last writer of this run, " + h + ", is gone; taking over"));
            return runLocked(resume);
        }
    }

    private RunResult runLocked(boolean resume) throws IOException {
        boolean stepping = false;
        try {
            backend = AutoBackend.resolve(settings.backend(), spec).backend();
            long firstStep = resume ? restore() : start();
            progressStep = firstStep;
            stepping = true;
            writeMeta("running", null);
            Diagnostics diagnostics = spec.isLattice() ? null : Diagnostics.of(spec);
            listener.started(diagnostics, firstStep, settings.steps());
            if (diagnostics != null) {
                diagnostics.warnings(spec).forEach(listener::message);
            }
            ParticleState initial = scratch.copy();
            try (Simulation sim = backend.create(spec, settings.seed(), initial, firstStep, options)) {
                return loop(sim, firstStep);
            }
        } catch (RuntimeException | IOException | Error e) {
            if (stepping || !resume) {
                markFailed(e);
            }
            throw e;
        } finally {
            if (eventsOut != null) {
                eventsOut.close();
            }
            if (observables != null) {
                observables.close();
            }
        }
    }

    /**
     * Marks the run as stopped by a signal that did not wait for a step boundary (the stop hook
     * gave up): its last checkpoint still resumes it. Safe to call from another thread.
     *
     * @param reason one line
     */
    public void abandon(String reason) {
        try {
            writeMeta("interrupted", reason);
        } catch (IOException ignored) {
            // the directory is unwritable: coag status tells the dead run by its free lock
        }
    }

    /** Records the failure in meta.json; a refused resume leaves the directory as it was, still resumable. */
    private void markFailed(Throwable e) {
        String why = FileErrors.describe(e);
        if (why == null) {
            why = e instanceof OutOfMemoryError ? "out of memory: " + e.getMessage() : e.getMessage() != null ? e.getMessage() : e.toString();
        }
        try {
            writeMeta("failed", why);
        } catch (IOException | RuntimeException ignored) {
            // the original failure is the one to report
        }
    }

    private synchronized void writeMeta(String status, String error) throws IOException {
        RunReport.writeMeta(dir, config, backend, status, error, progressStep, stepNanos);
        lastHeartbeat = System.nanoTime();
    }

    private long start() throws IOException {
        dir.writeText("config.toml", config.resolvedToml());
        configSha = configFileSha();
        scratch = InitialStates.generate(spec, settings.seed());
        observables = Observables.forRun(spec, withSnapshots());
        series = observables.timeseries();
        eventsOut = settings.eventLog() ? new FileOutputStream(dir.file("events.bin").toFile()) : null;
        recorder = new EventRecorder(eventsOut);
        initialMass = scratch.totalMass();
        observables.start(new Observable.Sample(0, 0.0, scratch, 0));
        return 0;
    }

    /**
     * @return the caller's observables, after the snapshot writer when [observe.snapshots] asks for one, the
     *         equilibrium observables when [observe.equilibrium] does and the density modes when
     *         [observe.density_modes] does
     */
    private List<Observable> withSnapshots() {
        List<Observable> list = new ArrayList<>();
        if (settings.snapshots().enabled()) {
            list.add(new ParticleSnapshots(settings.snapshots(), spec, dir.file(ParticleSnapshots.DIRECTORY)));
        }
        if (settings.equilibrium().enabled()) {
            list.add(new EquilibriumObservables(settings.equilibrium(), spec));
        }
        if (settings.densityModes() != null) {
            list.add(new DensityModes(spec, settings.densityModes(), settings.observeEvery()));
        }
        list.addAll(extra);
        return list;
    }

    private long restore() throws IOException {
        Checkpoint ck = Checkpoint.read(dir.file("checkpoint.bin"), spec.particles());
        configSha = configFileSha();
        if (!ck.configSha256().equals(configSha)) {
            throw new ModelException("resume: config.toml in " + dir.path() + " does not match its checkpoint (was it edited?)");
        }
        scratch = ck.state();
        observables = Observables.forRun(spec, withSnapshots());
        observables.restore(ck.sections(), ck.step());
        series = observables.timeseries();
        checkTimeStep(series, spec.dt());
        particleSteps = ck.particleSteps();
        wallBefore = ck.wallSeconds();
        initialMass = series.rows().get(0).totalMass();
        if (settings.eventLog()) {
            eventsOut = reopenEventLog(ck.eventLogBytes());
        }
        recorder = new EventRecorder(eventsOut);
        if (settings.eventLog()) {
            replayEventLog(ck.eventLogBytes());
        }
        recorder.restore(ck.events(), ck.removedMass(), ck.countsByMassPair());
        listener.message(ck.step() >= settings.steps() ? "the run is already complete; rewriting its outputs"
                : "resuming at step " + ck.step() + " of " + settings.steps());
        return ck.step();
    }

    /** Feeds the first {@code length} bytes of events.bin to the digest, in chunks (the log may exceed 2 GB). */
    private void replayEventLog(long length) throws IOException {
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(dir.file("events.bin"))) {
            for (long left = length; left > 0; ) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    throw new ModelException("resume: events.bin ended early");
                }
                recorder.replay(buf, n);
                left -= n;
            }
        }
    }

    private FileOutputStream reopenEventLog(long length) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(dir.file("events.bin").toFile(), "rw")) {
            if (f.length() < length) {
                throw new ModelException("resume: events.bin is shorter than its checkpoint records (" + f.length() + " < " + length + ")");
            }
            f.setLength(length);
        }
        return new FileOutputStream(dir.file("events.bin").toFile(), true);
    }

    private RunResult loop(Simulation sim, long firstStep) throws IOException {
        long begin = System.nanoTime();
        long lastProgress = begin;
        long lastCheckpoint = begin;
        long step = firstStep;
        Timeseries.Row latest = series.last();
        boolean stoppedEarly = settings.stopFraction() > 0 && latest.step() == step && series.fraction(latest) <= settings.stopFraction();
        while (step < settings.steps() && !stoppedEarly) {
            int live = sim.liveCount();
            long t0 = System.nanoTime();
            sim.advance(1, recorder);
            long t1 = System.nanoTime();
            stepNanos.recordValue(Math.min(t1 - t0, stepNanos.getHighestTrackableValue()));
            particleSteps += live;
            step++;
            progressStep = step;
            if (step % settings.observeEvery() == 0 || step == settings.steps()) {
                Timeseries.Row row = observe(sim, step);
                if (settings.stopFraction() > 0 && series.fraction(row) <= settings.stopFraction()) {
                    listener.message(String.format("survivor fraction %.4f reached time.stop_at_survivor_fraction at step %d", series.fraction(row), step));
                    stoppedEarly = true;
                    break;
                }
            }
            if (step == observables.nextOwnStep()) {
                sim.readState(scratch);
                observables.observeOwn(new Observable.Sample(step, step * spec.dt(), scratch, recorder.events()));
            }
            double session = (t1 - begin) * 1e-9;
            boolean byCount = settings.checkpointEverySteps() > 0 && step % settings.checkpointEverySteps() == 0;
            boolean byTime = settings.checkpointEverySeconds() > 0 && (t1 - lastCheckpoint) * 1e-9 >= settings.checkpointEverySeconds();
            if (control.stopRequested()) {
                checkpoint(sim, step, session);
                writeMeta("interrupted", null);
                listener.message("interrupted at step " + step + "; resume with: " + (resumeHint != null ? resumeHint : "coag run --resume " + dir.path()));
                return new RunResult("interrupted", step, null);
            }
            if (byCount || byTime) {
                checkpoint(sim, step, session);
                lastCheckpoint = System.nanoTime();
                writeMeta("running", null);
            } else if ((t1 - lastHeartbeat) * 1e-9 >= HEARTBEAT_SECONDS) {
                writeMeta("running", null);
            }
            if ((t1 - lastProgress) * 1e-9 >= PROGRESS_SECONDS) {
                listener.progress(step, settings.steps(), sim.liveCount(), session);
                lastProgress = t1;
            }
        }
        double session = (System.nanoTime() - begin) * 1e-9;
        if (series.last().step() != step) {
            observe(sim, step);
        }
        listener.progress(step, settings.steps(), sim.liveCount(), session);
        sim.readState(scratch);
        observables.finish(new Observable.Sample(step, step * spec.dt(), scratch, recorder.events()));
        checkpoint(sim, step, session);
        Map<String, Object> summary = RunReport.summary(config, backend, observables, recorder, scratch, step,
                particleSteps, wallBefore + session, stoppedEarly);
        RunReport.writeOutputs(dir, observables, recorder);
        dir.writeJson("summary.json", summary);
        writeMeta("completed", null);
        return new RunResult("completed", step, summary);
    }

    private Timeseries.Row observe(Simulation sim, long step) throws IOException {
        sim.readState(scratch);
        observables.observeAtCadence(new Observable.Sample(step, step * spec.dt(), scratch, recorder.events()));
        Timeseries.Row row = series.last();
        long expected = initialMass - recorder.removedMass();
        if (row.totalMass() != expected) {
            throw new IllegalStateException("total mass check failed at step " + step + ": expected " + expected
                    + ", found " + row.totalMass() + " (backend " + backend.name() + " is broken)");
        }
        return row;
    }

    private void checkpoint(Simulation sim, long step, double sessionSeconds) throws IOException {
        sim.readState(scratch);
        long bytes = recorder.bytes();
        if (eventsOut != null) {
            eventsOut.flush();
            eventsOut.getFD().sync();
        }
        new Checkpoint(configSha, step, wallBefore + sessionSeconds, particleSteps, scratch, recorder.events(),
                recorder.removedMass(), bytes, recorder.countsByMassPair(), observables.sections()).write(dir.file("checkpoint.bin"));
        RunReport.writeOutputs(dir, observables, recorder);
    }

    /**
     * Refuses to resume a checkpoint whose observations were taken at another time step than the
     * config now gives (every row's time is step * dt): a checkpoint of an older coag whose rule for
     * the step differed (before 2026-12-07 an adaptive run given by t_end kept its nominal macro step).
     *
     * @param series the restored observations
     * @param dt the step the config gives now (time units)
     */
    static void checkTimeStep(Timeseries series, double dt) {
        for (Timeseries.Row r : series.rows()) {
            if (r.time() != r.step() * dt) {
                throw new ModelException(String.format("resume: the checkpoint was written with a time step of %.10g, the config now "
                        + "gives %.10g (a checkpoint of an older coag?); start the run again", r.time() / r.step(), dt));
            }
        }
    }
}
