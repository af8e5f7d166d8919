package org.coag.core.run;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.coag.core.backend.Backend;
import org.coag.core.backend.ParticleState;
import org.coag.core.config.RunConfig;
import org.coag.core.io.DirectoryLock;
import org.coag.core.model.Domain;
import org.coag.core.model.InitialCondition;
import org.coag.core.model.Mode;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.coag.core.observe.BetaFit;
import org.coag.core.observe.EventRecorder;
import org.coag.core.observe.Observables;
import org.coag.core.observe.StateHash;
import org.coag.core.observe.Timeseries;
import org.coag.core.theory.PairRate;

/**
 * Builds {@code summary.json} (the run's fixed fields, then each observable's) and {@code meta.json},
 * and writes the outputs: {@code timeseries.csv} and the observables' files, {@code collisions.csv}.
 */
final class RunReport {
    private static final String VERSION = "0.1.0";
    private static final Instant STARTED = Instant.now();

    private RunReport() {
    }

    static boolean measuresBeta(ModelSpec s) {
        return !s.isLattice() && s.mode() == Mode.ANNIHILATION && s.domain().type() == Domain.Type.TORUS
                && s.initial().shape() == InitialCondition.Shape.UNIFORM && s.initial().maxMass() == 1;
    }

    static Map<String, Object> summary(RunConfig cfg, Backend backend, Observables observables, EventRecorder rec,
                                       ParticleState last, long steps, long particleSteps, double wall, boolean stoppedEarly) {
        ModelSpec s = cfg.model();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backend", backend.name());
        m.put("dim", s.dim());
        m.put("mode", s.mode().name().toLowerCase(Locale.ROOT));
        m.put("particles", observables.timeseries().initialSurvivors());
        m.put("seed", cfg.run().seed());
        m.put("steps", steps);
        m.put("time", steps * s.dt());
        m.put("stopped_early", stoppedEarly);
        m.put("survivors", last.count());
        m.put("survivor_fraction", observables.timeseries().fraction(last.count()));
        m.put("total_mass", last.totalMass());
        m.put("events", rec.events());
        m.put("particle_steps", particleSteps);
        m.put("wall_seconds", wall);
        m.put("particle_steps_per_second", wall > 0 ? particleSteps / wall : 0.0);
        m.put("event_log_format", EventRecorder.FORMAT);
        m.put("event_log_sha256", rec.sha256());
        m.put("final_state_sha256", StateHash.of(last));
        if (s.isLattice()) {
            m.put("space", "lattice");
            m.put("lattice_side", s.lattice().side());
            m.put("lattice_boundary", s.lattice().boundary().name().toLowerCase(Locale.ROOT));
            m.put("lattice_coalescence", s.lattice().instantaneous() ? "instantaneous" : "rate");
            m.put("lattice_start", s.lattice().start().name().toLowerCase(Locale.ROOT));
            m.put("lattice_capacity", s.particles());
            m.put("dt", s.dt());
            LatticeTheoryReport.add(m, s, observables.timeseries().initialSurvivors(), steps * s.dt());
        } else {
            m.putAll(Diagnostics.of(s).toMap(s));
        }
        if (measuresBeta(s)) {
            BetaFit fit = BetaFit.annihilation(observables.timeseries(), s.initialDensity(), cfg.run().fitFrom());
            String why = fit == null ? "fewer than 3 observations with survivors from analysis.fit_from on"
                    : !Double.isFinite(fit.beta()) || !Double.isFinite(fit.relativeError())
                    ? "no collisions in the fit window, so 1/h - 1 has no slope to fit" : null;
            if (why == null) {
                m.put("beta_measured", fit.beta());
                m.put("beta_relative_error", fit.relativeError());
                m.put("beta_fit_window", new double[] {fit.tFrom(), fit.tTo()});
                m.put("beta_fit_points", fit.points());
                transientPrediction(m, s, observables.timeseries(), cfg.run().fitFrom(), fit.beta());
            } else {
                m.put("beta_measured", null);
                m.put("beta_fit_note", why);
            }
        }
        observables.summarize(m);
        return m;
    }

    /**
     * The finite-N prediction with the rate's transient ({@link PairRate}): the slope the fit should
     * measure over its own window, 1/h - 1 at the last observation against f(0) K1(t), and (d &gt;= 3)
     * the measured beta with the transient's share of the slope taken out. A run whose observation
     * times the transient solver cannot resolve (tau below about 1e-8) gets a note instead: a
     * completed run never fails on its report.
     */
    private static void transientPrediction(Map<String, Object> m, ModelSpec s, Timeseries series, double fitFrom, double measured) {
        PairRate rate = PairRate.of(s, 1, 1);
        Timeseries.Row last = series.last();
        double expected;
        double predicted;
        try {
            expected = rate.fittedSlope(BetaFit.windowTimes(series, fitFrom));
            predicted = s.initialDensity() * rate.integral(last.time());
        } catch (ModelException e) {
            m.put("beta_transient_note", "no transient prediction: " + e.getMessage());
            return;
        }
        m.put("beta_expected_in_fit", expected);
        m.put("one_over_h_minus_1", 1 / series.fraction(last) - 1);
        m.put("one_over_h_minus_1_predicted", predicted);
        if (s.dim() >= 3) {
            m.put("beta_measured_without_transient", measured - (expected - (Double) m.get("beta_theory")));
        }
    }

    static void writeOutputs(RunDirectory dir, Observables observables, EventRecorder rec) throws IOException {
        dir.writeText("timeseries.csv", observables.timeseriesCsv());
        observables.writeFiles(dir::writeText);
        StringBuilder sb = new StringBuilder("mass_lo,mass_hi,count\n");
        for (Map.Entry<Long, Long> e : rec.countsByMassPair().entrySet()) {
            sb.append(e.getKey() >>> 32).append(',').append(e.getKey() & 0xFFFFFFFFL).append(',').append(e.getValue()).append('\n');
        }
        dir.writeText("collisions.csv", sb.toString());
    }

    static void writeMeta(RunDirectory dir, RunConfig cfg, Backend backend, String status, String error, long step, Histogram stepNanos)
            throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("coag_version", VERSION);
        m.put("status", status);
        if (error != null) {
            m.put("error", error);
        }
        m.put("backend", backend == null ? cfg.run().backend() : backend.name());
        m.put("device", backend == null ? "" : backend.description());
        m.put("seed", cfg.run().seed());
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("session_started", STARTED.toString());
        m.put("step", step);
        m.put("steps", cfg.run().steps());
        m.put("heartbeat", Instant.now().toString());
        DirectoryLock.Holder me = DirectoryLock.Holder.self();
        m.put("holder", Map.of("host", me.host(), "pid", me.pid()));
        Diagnostics diagnostics = Diagnostics.of(cfg.model());
        m.put("diagnostics", diagnostics.toMap(cfg.model()));
        m.put("warnings", diagnostics.warnings(cfg.model()));
        if (stepNanos.getTotalCount() > 0) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("steps_timed", stepNanos.getTotalCount());
            t.put("p50_us", stepNanos.getValueAtPercentile(50) / 1e3);
            t.put("p90_us", stepNanos.getValueAtPercentile(90) / 1e3);
            t.put("p99_us", stepNanos.getValueAtPercentile(99) / 1e3);
            t.put("max_us", stepNanos.getMaxValue() / 1e3);
            t.put("mean_us", stepNanos.getMean() / 1e3);
            m.put("step_time", t);
        }
        dir.writeJson("meta.json", m);
    }
}
