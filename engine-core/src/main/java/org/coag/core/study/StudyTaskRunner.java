package org.coag.core.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.coag.core.backend.BackendOptions;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;
import org.coag.core.io.AtomicFiles;
import org.coag.core.io.Json;
import org.coag.core.model.ModelException;
import org.coag.core.run.RunControl;
import org.coag.core.run.RunDirectory;
import org.coag.core.run.RunDriver;
import org.coag.core.run.RunListener;
import org.coag.core.run.RunResult;

/**
 * Runs one study task as an ordinary resumable run (RunDriver: one writer, periodic checkpoints,
 * hashes) with its observations taken at the study's times, and writes its result.json once it is
 * done. A task with a checkpoint resumes from it; one that never reached a checkpoint starts over;
 * one that is done is left alone.
 */
public final class StudyTaskRunner {
    private StudyTaskRunner() {
    }

    /**
     * @param study the study directory
     * @param task the task
     * @param options threads and vector width
     * @param control stop requests (signals)
     * @param listener progress of the run
     * @return "done" (now or before) or "interrupted"
     * @throws IOException on file-system failure
     */
    public static String run(StudyDirectory study, StudyTask task, BackendOptions options, RunControl control, RunListener listener)
            throws IOException {
        Path dir = study.taskDir(task);
        if (Files.isRegularFile(dir.resolve(StudyDirectory.RESULT))) {
            return "done";
        }
        StudyPlan plan = study.plan();
        StudyTheoryData theory = study.theory();
        int maxMass = theory.totals()[0].length;
        boolean resume = Files.isRegularFile(dir.resolve("checkpoint.bin"));
        RunDirectory runDir;
        RunConfig cfg;
        if (resume) {
            runDir = RunDirectory.open(dir);
            cfg = ConfigReader.read(runDir.readConfig(), List.of());
        } else {
            cfg = plan.taskConfig(task);
            runDir = RunDirectory.create(dir, true);
        }
        if (plan.lattice()) {
            LatticeSurvivors survivors = new LatticeSurvivors(plan.steps());
            RunResult r = driver(study, task, cfg, runDir, options, control, listener).withObservable(survivors).run(resume);
            if (!r.status().equals("completed")) {
                return r.status();
            }
            StudyRunData data = LatticeStudy.result(task, cfg, runDir.readJson("summary.json"), plan.steps(), survivors.survivors());
            AtomicFiles.write(dir.resolve(StudyDirectory.RESULT), Json.MAPPER.writeValueAsBytes(data));
            return "done";
        }
        StudyObservations observations = new StudyObservations(dir.resolve(StudyObservations.FILE), cfg, plan.times(), plan.grid(), maxMass);
        RunResult r = driver(study, task, cfg, runDir, options, control, listener).withObservable(observations).run(resume);
        if (!r.status().equals("completed")) {
            return r.status();
        }
        Map<String, Object> summary = runDir.readJson("summary.json");
        List<StudyObservations.Line> lines = StudyObservations.read(dir.resolve(StudyObservations.FILE));
        if (lines.size() != plan.times().length) {
            throw new ModelException("study: task " + task.index() + " (" + task.name() + ") ended with " + lines.size()
                    + " observations of " + plan.times().length + "; its run directory " + dir + " does not match the study");
        }
        StudyRunData data = StudyRunData.of(task, cfg, summary, observations.weight(), lines);
        AtomicFiles.write(dir.resolve(StudyDirectory.RESULT), Json.MAPPER.writeValueAsBytes(data));
        return "done";
    }

    private static RunDriver driver(StudyDirectory study, StudyTask task, RunConfig cfg, RunDirectory runDir, BackendOptions options,
                                    RunControl control, RunListener listener) {
        return new RunDriver(cfg, runDir, control, listener).withOptions(options)
                .withResumeHint("coag study run " + study.path() + " --task " + task.index());
    }
}
