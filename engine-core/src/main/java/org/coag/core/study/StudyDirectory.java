package org.coag.core.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.coag.core.io.AtomicFiles;
import org.coag.core.io.Json;
import org.coag.core.io.OwnedDirectory;
import org.coag.core.model.ModelException;

/**
 * A study directory, the one source of truth about a study (never a scheduler's accounting):
 * <pre>
 *   .coag                 marker (OwnedDirectory, kind study)
 *   study.toml            the resolved config: the study's identity and plan (StudyPlan)
 *   theory.json           the macroscopic limit at the observation times (StudyTheoryData)
 *   tasks/N{N}-seed{S}/   one run directory per task (RunDriver: config.toml, checkpoint.bin,
 *                         events.bin, meta.json, summary.json, ...), plus observations.jsonl
 *                         written as taken and result.json (StudyRunData) once it is done
 *   slurm/                the scripts and logs of `coag study submit`
 *   report.md, summary.csv, plots/   the report, assembled from the tasks that are done
 * </pre>
 */
public final class StudyDirectory {
    static final String IDENTITY = "study.toml";
    static final String THEORY = "theory.json";
    static final String RESULT = "result.json";
    /** The [study] keys a study may change between sessions (it then extends); the others fix its observations. */
    private static final List<String> EXTENSIBLE = List.of("particles", "sides", "seeds", "backend");

    private final Path dir;
    private final StudyPlan plan;

    private StudyDirectory(Path dir, StudyPlan plan) {
        this.dir = dir;
        this.plan = plan;
    }

    /**
     * Makes (or extends) a study directory for a plan: marks it, refuses one of another model or
     * other observations, writes study.toml and, unless it is there for this model, the theory.
     *
     * @param dir the directory (created when missing)
     * @param plan the study
     * @param listener messages
     * @return the directory
     * @throws IOException on file-system failure
     * @throws ModelException when the directory is not this study's (one line)
     */
    public static StudyDirectory init(Path dir, StudyPlan plan, Study.Listener listener) throws IOException {
        checkCompatible(dir, plan);
        if (Files.isDirectory(dir.resolve("runs")) && !Files.isDirectory(dir.resolve("tasks"))) {
            throw new ModelException("study: " + dir + " was made by an older coag (runs/*.json, no tasks/); use a new directory");
        }
        OwnedDirectory.open(dir, OwnedDirectory.Kind.STUDY, IDENTITY, "-o");
        Files.createDirectories(dir.resolve("tasks"));
        AtomicFiles.write(dir.resolve(IDENTITY), plan.resolvedToml());
        StudyDirectory sd = new StudyDirectory(dir, plan);
        sd.theory(listener);
        return sd;
    }

    /** Refuses, before anything is written, a directory that holds a study of another model or other observations. */
    private static void checkCompatible(Path dir, StudyPlan plan) throws IOException {
        Path identity = dir.resolve(IDENTITY);
        if (!Files.isRegularFile(identity)) {
            return;
        }
        String old = Files.readString(identity, StandardCharsets.UTF_8);
        if (!StudyPlan.key(old).equals(plan.key())) {
            throw new ModelException("study: " + dir + " holds a study of another model (study.toml differs outside [study]); "
                    + "use a new directory");
        }
        JsonNode before = new TomlMapper().readTree(old).path("study");
        JsonNode now = new TomlMapper().readTree(plan.resolvedToml()).path("study");
        for (var it = now.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!EXTENSIBLE.contains(k) && !same(now.get(k), before.get(k))) {
                throw new ModelException("study: study." + k + " changed from " + before.get(k) + " to " + now.get(k) + " since "
                        + dir + " was made, so its tasks were observed differently; use a new directory");
            }
        }
    }

    private static boolean same(JsonNode a, JsonNode b) {
        return a.equals(b) || b != null && a.isNumber() && b.isNumber() && a.asDouble() == b.asDouble();
    }

    /**
     * @param dir an initialized study directory
     * @return it, with its plan read from study.toml
     * @throws IOException on read failure
     * @throws ModelException when it is not a study directory
     */
    public static StudyDirectory open(Path dir) throws IOException {
        if (dir.toString().isBlank()) {
            throw new ModelException("study: empty directory path");
        }
        if (!Files.isRegularFile(dir.resolve(IDENTITY)) || !Files.isRegularFile(dir.resolve(THEORY))) {
            throw new ModelException("study: " + dir + " is not a study directory (no study.toml and theory.json); "
                    + "start one with coag study CONFIG -o " + dir + " or coag study submit CONFIG -o " + dir);
        }
        return new StudyDirectory(dir, StudyPlan.of(Files.readString(dir.resolve(IDENTITY), StandardCharsets.UTF_8), List.of()));
    }

    /** @return the directory */
    public Path path() {
        return dir;
    }

    /** @return the plan */
    public StudyPlan plan() {
        return plan;
    }

    /**
     * @param task a task
     * @return its run directory
     */
    public Path taskDir(StudyTask task) {
        return dir.resolve("tasks").resolve(task.name());
    }

    /** @return the theory (computed by {@link #init}) */
    public StudyTheoryData theory() throws IOException {
        return StudyJson.read(dir.resolve(THEORY), StudyTheoryData.class);
    }

    private void theory(Study.Listener listener) throws IOException {
        Path file = dir.resolve(THEORY);
        double[] times = plan.times();
        if (Files.exists(file)) {
            StudyTheoryData t = theory();
            double[] y = t.pairY();
            double pairMax = plan.config().study().pairMax();
            if (t.key().equals(plan.key()) && t.times().length == times.length
                    && (y.length == 0 || Math.abs(y[y.length - 1] - pairMax) <= 1e-12 * pairMax)) {
                return;
            }
        }
        listener.message("solving the macroscopic limit once (recipe and naive beta) ...");
        StudyTheoryData t = plan.lattice() ? LatticeStudy.theory(plan.config(), plan.key(), times)
                : plan.fragmentation() ? FragmentationStudy.theory(plan.config(), plan.key(), times)
                : StudyTheory.compute(plan.config(), plan.key(), times, plan.grid(), plan.tests(), plan.config().study().pairMax());
        AtomicFiles.write(file, Json.MAPPER.writeValueAsBytes(t));
        listener.message("theory: " + t.solver());
    }

    /**
     * @param task a task
     * @return its state, from its directory alone
     * @throws IOException on read failure
     */
    public StudyTaskState state(StudyTask task) throws IOException {
        return StudyTaskState.of(task, taskDir(task));
    }

    /**
     * @return the results of the tasks that are done, in task order
     * @throws IOException on read failure
     */
    public List<StudyRunData> results() throws IOException {
        List<StudyRunData> runs = new ArrayList<>();
        for (StudyTask t : plan.tasks()) {
            Path r = taskDir(t).resolve(RESULT);
            if (Files.isRegularFile(r)) {
                runs.add(StudyJson.read(r, StudyRunData.class));
            }
        }
        return runs;
    }
}
