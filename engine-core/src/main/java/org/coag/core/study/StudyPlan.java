package org.coag.core.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.coag.core.backend.AutoBackend;
import org.coag.core.backend.Backends;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;
import org.coag.core.config.StudySettings;
import org.coag.core.io.Checkpoint;
import org.coag.core.io.Json;
import org.coag.core.model.ModelException;
import org.coag.core.observe.Hex;
import org.coag.core.observe.TestFunction;
import org.coag.core.theory.PdeGeometry;
import org.coag.core.theory.TheoryProblem;

/**
 * What a study is, from its config alone: the tasks (every N of {@code [study] particles} with
 * {@code seeds} seeds each, index i = (position of N) x seeds + seed offset), the observation times,
 * the density grid and the test functions. Read from the user's config when a study starts and from
 * the study directory's {@code study.toml} (the resolved config) by every later command, so a task
 * on a cluster node needs nothing but the directory. A lattice study's tasks are the sides L of
 * {@code [study] sides} instead, each its own config in Brownian scaling ({@link LatticeStudy}); its
 * observation times are those of the config's own side, and every side observes at the same steps. A config
 * with fragmentation sweeps N like any continuum study; only its limit differs ({@link FragmentationStudy}).
 */
public final class StudyPlan {
    private final String text;
    private final RunConfig config;
    private final List<StudyTask> tasks;
    private final double[] times;
    private final String backend;
    private final double tEnd;

    private StudyPlan(String text, RunConfig config, List<StudyTask> tasks, double[] times, String backend, double tEnd) {
        this.text = text;
        this.config = config;
        this.tasks = tasks;
        this.times = times;
        this.backend = backend;
        this.tEnd = tEnd;
    }

    /**
     * @param configText a TOML config with a [study] table (or a study directory's study.toml)
     * @param overrides --set overrides
     * @return the plan
     * @throws ModelException when the config is not a valid study (one line)
     */
    public static StudyPlan of(String configText, List<String> overrides) {
        RunConfig cfg = ConfigReader.read(configText, overrides);
        StudySettings st = cfg.study();
        if (cfg.run().stopFraction() > 0) {
            throw new ModelException("study: time.stop_at_survivor_fraction cannot be used in a study (its observations are at fixed "
                    + "times up to t_end); drop it");
        }
        String resolved = cfg.resolvedToml();
        boolean lattice = cfg.model().isLattice();
        if (lattice) {
            LatticeStudy.check(cfg);
        } else {
            checkFixedLimit(resolved, st);
            if (cfg.model().fragmentation().enabled()) {
                FragmentationStudy.check(cfg);
            }
        }
        double tEnd = tEnd(resolved);
        double[] times = new double[st.observations() + 1];
        for (int k = 1; k <= st.observations(); k++) {
            times[k] = tEnd * k / st.observations();
        }
        List<StudyTask> tasks = new ArrayList<>();
        List<String> largest = List.of("model.particles=" + java.util.Arrays.stream(st.particles()).max().orElseThrow());
        if (lattice) {
            for (int side : st.sides()) {
                long walkers = ConfigReader.read(resolved, LatticeStudy.overrides(cfg, tEnd, side)).model().particles();
                for (int s = 0; s < st.seeds(); s++) {
                    tasks.add(new StudyTask(tasks.size(), walkers, cfg.run().seed() + s, side));
                }
            }
            largest = LatticeStudy.overrides(cfg, tEnd, java.util.Arrays.stream(st.sides()).max().orElseThrow());
        } else {
            for (long n : st.particles()) {
                for (int s = 0; s < st.seeds(); s++) {
                    tasks.add(new StudyTask(tasks.size(), n, cfg.run().seed() + s, 0));
                }
            }
        }
        return new StudyPlan(resolved, cfg, List.copyOf(tasks), times, backend(st.backend(), resolved, largest), tEnd);
    }

    /** @return true for a lattice study (over the side L: {@link LatticeStudy}) */
    public boolean lattice() {
        return config.model().isLattice();
    }

    /** @return true for a study with [model.fragmentation] (its limit: {@link FragmentationStudy}) */
    public boolean fragmentation() {
        return config.model().fragmentation().enabled();
    }

    /** @return the resolved config of the study (what study.toml holds) */
    public String resolvedToml() {
        return text;
    }

    /** @return the config at its own N */
    public RunConfig config() {
        return config;
    }

    /** @return the tasks, by index */
    public List<StudyTask> tasks() {
        return tasks;
    }

    /**
     * @param index a task index
     * @return the task
     * @throws ModelException when the index is out of range
     */
    public StudyTask task(int index) {
        if (index < 0 || index >= tasks.size()) {
            throw new ModelException("study: task " + index + " is out of range: this study has " + tasks.size() + " tasks (0.."
                    + (tasks.size() - 1) + ")");
        }
        return tasks.get(index);
    }

    /** @return the observation times, t = 0 first */
    public double[] times() {
        return times.clone();
    }

    /** @return the backend the tasks run on */
    public String backend() {
        return backend;
    }

    /**
     * @param task a task
     * @return the run config of that task: the study's config at its N and seed, on the study's backend
     */
    public RunConfig taskConfig(StudyTask task) {
        List<String> o = new ArrayList<>(task.side() > 0 ? LatticeStudy.overrides(config, tEnd, task.side())
                : List.of("model.particles=" + task.particles()));
        o.add("run.seed=" + task.seed());
        o.add("run.backend=\"" + backend + "\"");
        return ConfigReader.read(text, o);
    }

    /** @return the observation steps of every task: round(t / dt) of the config's dt (in a lattice study, the same at every L) */
    long[] steps() {
        long[] steps = new long[times.length];
        for (int t = 0; t < times.length; t++) {
            steps[t] = Math.round(times[t] / config.model().dt());
        }
        return steps;
    }

    /** @return the density grid shared by the observations and the theory */
    public PdeGeometry grid() {
        return TheoryProblem.of(config).geometry();
    }

    /** @return the test functions of the weak errors */
    public List<TestFunction> tests() {
        return StudyGrid.tests(config.model());
    }

    /** @return SHA-256 of the config without [study], [run], [checkpoint] and model.particles: what the limit depends on */
    public String key() {
        return key(text);
    }

    static String key(String resolvedToml) {
        try {
            ObjectNode tree = (ObjectNode) new TomlMapper().readTree(resolvedToml);
            tree.remove("study");
            tree.remove("run");
            tree.remove("checkpoint");
            JsonNode model = tree.get("model");
            if (model instanceof ObjectNode) {
                ((ObjectNode) model).remove("particles");
            }
            byte[] bytes = Json.MAPPER.writeValueAsBytes(tree);
            return Hex.of(Checkpoint.sha256(bytes, bytes.length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The study's end time, time.t_end: the same physical time at every N. Each task takes
     * ceil(t_end / dt) steps of its own dt, so its last observation step round(t_end / dt) is
     * among them; time.steps would end each N at another time and is refused.
     */
    private static double tEnd(String resolvedToml) {
        try {
            JsonNode time = new TomlMapper().readTree(resolvedToml).path("time");
            if (!time.has("t_end")) {
                throw new ModelException("study: give time.t_end, the same end time at every N (time.steps would end each N at "
                        + "another time)");
            }
            return time.get("t_end").asDouble();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A named backend, or for "auto" the one {@link AutoBackend} chooses for the study's largest task (its overrides). */
    private static String backend(String name, String resolved, List<String> largest) {
        if (!name.equals(AutoBackend.AUTO)) {
            Backends.find(name);
            return name;
        }
        return AutoBackend.resolve(name, ConfigReader.read(resolved, largest).model()).backend().name();
    }

    private static void checkFixedLimit(String resolved, StudySettings st) {
        double reference = Double.NaN;
        for (long n : st.particles()) {
            double f0 = ConfigReader.read(resolved, List.of("model.particles=" + n)).model().initialDensity();
            if (Double.isNaN(reference)) {
                reference = f0;
            } else if (Math.abs(f0 / reference - 1) > 1e-9) {
                throw new ModelException("study: the macroscopic limit must not depend on N; give model.Z (N eps^(d-2) = Z, "
                        + "d = 2: N / |log eps| = Z) instead of model.eps or model.volume_fraction");
            }
        }
    }
}
