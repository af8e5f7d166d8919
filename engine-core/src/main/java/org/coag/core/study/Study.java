package org.coag.core.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.coag.core.backend.Backends;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;
import org.coag.core.config.StudySettings;
import org.coag.core.io.Checkpoint;
import org.coag.core.io.Json;
import org.coag.core.io.OwnedDirectory;
import org.coag.core.model.ModelException;
import org.coag.core.observe.Hex;
import org.coag.core.observe.TestFunction;
import org.coag.core.theory.PdeGeometry;
import org.coag.core.theory.TheoryProblem;

/**
 * A convergence study (coag study): the config's model at every N of [study] with several seeds,
 * and its macroscopic limit once. Layout of the study directory:
 * <pre>
 *   study.toml                   the resolved config (the study's identity)
 *   theory.json                  {@link StudyTheoryData}
 *   runs/N{N}-seed{S}.json       one {@link StudyRunData} per run
 * </pre>
 * A run whose file exists is not rerun, so a study resumes after an interruption and extends
 * (more seeds, more N) without repeating work; a directory made for another model is refused.
 * The model must fix Z (model.Z), so that every N has the same limit.
 */
public final class Study {
    private static final ObjectMapper JSON = Json.MAPPER;

    /** Progress of a study. */
    public interface Listener {
        /** @param line a message */
        void message(String line);

        /**
         * @param done fraction of this session's runs done
         * @param detail what runs now
         */
        void progress(double done, String detail);
    }

    /**
     * Everything a report needs.
     *
     * @param config the config (at its own N)
     * @param theory the macroscopic side
     * @param runs all runs of the study's N and seeds
     * @param dir the study directory
     */
    public record Result(RunConfig config, StudyTheoryData theory, List<StudyRunData> runs, Path dir) {
    }

    private Study() {
    }

    /**
     * @param configText the TOML config
     * @param overrides --set overrides
     * @param dir the study directory (created, or resumed)
     * @param listener progress
     * @return all data of the study
     * @throws IOException on file-system failure
     */
    public static Result run(String configText, List<String> overrides, Path dir, Listener listener) throws IOException {
        RunConfig cfg = ConfigReader.read(configText, overrides);
        StudySettings st = cfg.study();
        checkFixedLimit(configText, overrides, st);
        String key = key(cfg.resolvedToml());
        OwnedDirectory.open(dir, OwnedDirectory.Kind.STUDY, "study.toml", "-o");
        Files.createDirectories(dir.resolve("runs"));
        Path identity = dir.resolve("study.toml");
        if (Files.exists(identity)) {
            if (!key(Files.readString(identity)).equals(key)) {
                throw new ModelException("study: " + dir + " holds a study of another model (study.toml differs outside [study]); "
                        + "use a new directory");
            }
        }
        double tEnd = cfg.run().steps() * cfg.model().dt();
        double[] times = new double[st.observations() + 1];
        for (int k = 1; k <= st.observations(); k++) {
            times[k] = tEnd * k / st.observations();
        }
        checkRunFiles(dir.resolve("runs"), times.length, st.pairBins());
        Files.writeString(identity, cfg.resolvedToml(), StandardCharsets.UTF_8);
        PdeGeometry grid = TheoryProblem.of(cfg).geometry();
        List<TestFunction> tests = StudyGrid.tests(cfg.model());
        StudyTheoryData theory = theory(cfg, key, times, grid, tests, dir, listener);
        String backend = backend(st.backend());
        List<StudyRunData> runs = new ArrayList<>();
        double[] cost = new double[st.particles().length];
        double total = 0;
        for (int i = 0; i < cost.length; i++) {
            cost[i] = (double) st.particles()[i] * ConfigReader.read(configText, particlesOverride(overrides, st.particles()[i])).run().steps();
            total += cost[i] * st.seeds();
        }
        double done = 0;
        for (int i = 0; i < cost.length; i++) {
            long n = st.particles()[i];
            for (int s = 0; s < st.seeds(); s++) {
                long seed = cfg.run().seed() + s;
                Path file = dir.resolve("runs").resolve("N" + n + "-seed" + seed + ".json");
                listener.progress(done / total, "N = " + n + ", seed " + seed);
                if (Files.exists(file)) {
                    runs.add(JSON.readValue(file.toFile(), StudyRunData.class));
                } else {
                    List<String> o = particlesOverride(overrides, n);
                    o.add("run.seed=" + seed);
                    StudyRunData r = StudyRunner.run(ConfigReader.read(configText, o), backend, times, grid, tests,
                            theory.totals()[0].length);
                    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                    JSON.writeValue(tmp.toFile(), r);
                    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    listener.message(String.format("N = %d, seed %d: %d -> %d survivors, %.1f s (%s)", n, seed, n,
                            r.survivors()[r.survivors().length - 1], r.wallSeconds(), backend));
                    runs.add(r);
                }
                done += cost[i];
            }
        }
        listener.progress(1, "done");
        return new Result(cfg, theory, runs, dir);
    }

    private static StudyTheoryData theory(RunConfig cfg, String key, double[] times, PdeGeometry grid, List<TestFunction> tests,
                                          Path dir, Listener listener) throws IOException {
        Path file = dir.resolve("theory.json");
        if (Files.exists(file)) {
            StudyTheoryData t = JSON.readValue(file.toFile(), StudyTheoryData.class);
            double[] y = t.pairY();
            if (t.key().equals(key) && t.times().length == times.length
                    && (y.length == 0 || Math.abs(y[y.length - 1] - cfg.study().pairMax()) <= 1e-12 * cfg.study().pairMax())) {
                return t;
            }
        }
        listener.message("solving the macroscopic limit once (recipe and naive beta) ...");
        StudyTheoryData t = StudyTheory.compute(cfg, key, times, grid, tests, cfg.study().pairMax());
        JSON.writeValue(file.toFile(), t);
        listener.message("theory: " + t.solver());
        return t;
    }

    private static String backend(String name) {
        if (!name.equals("auto")) {
            Backends.find(name);
            return name;
        }
        return Backends.all().stream().anyMatch(b -> b.name().equals("cpu")) ? "cpu" : "reference";
    }

    private static void checkFixedLimit(String text, List<String> overrides, StudySettings st) {
        double reference = Double.NaN;
        for (long n : st.particles()) {
            List<String> o = new ArrayList<>(overrides);
            o.add("model.particles=" + n);
            double f0 = ConfigReader.read(text, o).model().initialDensity();
            if (Double.isNaN(reference)) {
                reference = f0;
            } else if (Math.abs(f0 / reference - 1) > 1e-9) {
                throw new ModelException("study: the macroscopic limit must not depend on N; give model.Z (N eps^(d-2) = Z, "
                        + "d = 2: N / |log eps| = Z) instead of model.eps or model.volume_fraction");
            }
        }
    }

    /** Every run file already there was observed at the study's times with its pair bins, else a one-line refusal. */
    private static void checkRunFiles(Path runs, int outputs, int pairBins) throws IOException {
        try (var files = Files.list(runs)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".json")).sorted()::iterator) {
                StudyRunData r = JSON.readValue(file.toFile(), StudyRunData.class);
                if (r.times().length != outputs || r.pairCounts()[0].length != pairBins) {
                    throw new ModelException("study: " + file + " was observed at " + (r.times().length - 1) + " times with "
                            + r.pairCounts()[0].length + " pair bins, this study asks for " + (outputs - 1) + " and " + pairBins
                            + " (study.observations or study.pair_bins changed); use a new directory");
                }
            }
        }
    }

    private static List<String> particlesOverride(List<String> overrides, long n) {
        List<String> o = new ArrayList<>(overrides);
        o.add("model.particles=" + n);
        return o;
    }

    /** SHA-256 of the config tree without [study], [run] and [checkpoint] (what the results depend on). */
    static String key(String resolvedToml) throws IOException {
        ObjectNode tree = (ObjectNode) new TomlMapper().readTree(resolvedToml);
        tree.remove("study");
        tree.remove("run");
        tree.remove("checkpoint");
        JsonNode model = tree.get("model");
        if (model instanceof ObjectNode) {
            ((ObjectNode) model).remove("particles");
        }
        byte[] bytes = JSON.writeValueAsBytes(tree);
        return Hex.of(Checkpoint.sha256(bytes, bytes.length));
    }
}
