package org.coag.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.coag.core.backend.Backend;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.AutoBackend;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;
import org.coag.core.model.ModelException;
import org.coag.core.run.Diagnostics;
import org.coag.core.run.MemoryBudget;
import org.coag.core.run.RunControl;
import org.coag.core.run.RunDirectory;
import org.coag.core.run.RunDriver;
import org.coag.core.run.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coag run}: one simulation into a run directory. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run one simulation. Without CONFIG, runs the "
        + "embedded default: torus annihilation in d = 3 (docs/getting-started.md), about a minute on 2 cores, and compares the "
        + "measured beta with theory. Progress goes to stderr; Ctrl-C writes a checkpoint that --resume continues.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    private ConfigMixin configArgs = new ConfigMixin();

    @Option(names = "--backend", paramLabel = "NAME", description = "backend: reference, cpu, opencl or auto (default: run.backend, else auto: the reference backend below "
            + AutoBackend.CPU_MIN_PARTICLES + " particles, else cpu; see docs/command-line.md)")
    private String backend;

    @Option(names = "--seed", paramLabel = "S", description = "seed (default: run.seed, else 1)")
    private Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "run directory (default: runs/<time>-<config name>)")
    private Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "continue an interrupted run from its last checkpoint")
    private Path resume;

    @Option(names = "--force", description = "replace coag's earlier run in the --out directory (only a directory coag "
            + "made, holding only coag's files, and not in use)")
    private boolean force;

    @Option(names = "--dry-run", description = "check the config, the backend and the memory, print the run's diagnostics and "
            + "warnings, and stop: nothing is written")
    private boolean dryRun;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    private boolean quiet;

    @Mixin
    private BackendOptionsMixin backendOptions = new BackendOptionsMixin();

    @Override
    public Integer call() throws IOException {
        BackendOptions options = backendOptions.options();
        RunDirectory dir = null;
        RunConfig cfg;
        boolean resuming = resume != null;
        if (resuming) {
            if (configArgs.file() != null || !configArgs.overrides().isEmpty() || backend != null || seed != null || out != null) {
                throw new ModelException("--resume continues a run exactly as configured: CONFIG, --set, --backend, --seed and --out cannot be combined with it (--threads and --vector-bits can)");
            }
            if (java.nio.file.Files.exists(resume.resolve("observations.jsonl"))) {
                throw new ModelException("--resume: " + resume + " is a study task; resume it with coag study run STUDY_DIR --task I "
                        + "(coag study tasks STUDY_DIR lists them), which also takes its observations");
            }
            dir = RunDirectory.open(resume);
            cfg = ConfigReader.read(dir.readConfig(), List.of());
        } else {
            List<String> all = new ArrayList<>(configArgs.overrides());
            if (backend != null) {
                all.add("run.backend=\"" + backend + "\"");
            }
            if (seed != null) {
                all.add("run.seed=" + seed);
            }
            cfg = ConfigReader.read(readConfig(), all);
        }
        AutoBackend.Choice choice = AutoBackend.resolve(cfg.run().backend(), cfg.model());
        Backend chosen = choice.backend();
        if (cfg.run().backend().equals(AutoBackend.AUTO)) {
            System.out.println("backend auto -> " + chosen.name() + ": " + choice.reason());
        }
        String unsupported = chosen.unsupported(cfg.model());
        if (unsupported != null) {
            throw new ModelException("backend " + chosen.name() + ": " + unsupported);
        }
        MemoryBudget.check(cfg.model(), chosen, options);
        String refusal = chosen.unsupported(cfg.model());
        if (refusal != null && !dryRun) {
            throw new ModelException("backend " + chosen.name() + ": " + refusal);
        }
        if (dryRun) {
            return dryRun(cfg, chosen, options);
        }
        if (!resuming) {
            dir = RunDirectory.create(out != null ? out : defaultOut(), force);
        }
        RunControl control = new RunControl();
        ProgressPrinter progress = new ProgressPrinter(quiet);
        RunDriver driver = new RunDriver(cfg, dir, control, progress).withOptions(options);
        System.out.println("coag run -> " + dir.path());
        RunResult result;
        try (StopOnSignal stop = new StopOnSignal(control, driver::abandon)) {
            result = driver.run(resuming);
            progress.finish();
        }
        if (!result.status().equals("completed")) {
            return CoagMain.EXIT_INTERRUPTED;
        }
        printSummary(result.summary(), dir.path());
        return 0;
    }

    private static int dryRun(RunConfig cfg, Backend backend, BackendOptions options) {
        Diagnostics d = cfg.model().isLattice() ? null : Diagnostics.of(cfg.model());
        ProgressPrinter printer = new ProgressPrinter(true);
        printer.started(d, 0, cfg.run().steps());
        if (d != null) {
            d.warnings(cfg.model()).forEach(printer::message);
        }
        System.out.printf("backend %s; about %.0f MiB of heap (this JVM may use %d MiB); dry run: nothing written%n",
                backend.name(), MemoryBudget.heapBytes(cfg.model(), backend, options) / 1048576.0, Runtime.getRuntime().maxMemory() >> 20);
        return 0;
    }

    private String readConfig() throws IOException {
        return configArgs.text(ConfigReader.defaultConfigText());
    }

    private Path defaultOut() {
        String name = configArgs.file() == null ? "default" : configArgs.file().getFileName().toString().replaceAll("\\.toml$", "");
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of("runs", time + "-" + name);
    }

    private static void printSummary(Map<String, Object> s, Path dir) {
        System.out.printf("%-28s %s%n", "backend", s.get("backend"));
        System.out.printf("%-28s %s -> %s survivors (h = %.4f)%n", "particles", s.get("particles"), s.get("survivors"), (Double) s.get("survivor_fraction"));
        String step = "adaptive".equals(s.get("scheme")) ? "macro step" : "step";
        System.out.printf("%-28s %s (t = %.6g)%n", step + "s", s.get("steps"), (Double) s.get("time"));
        System.out.printf("%-28s %s%n", "collision events", s.get("events"));
        System.out.printf("%-28s %.1f s, %.3g particle-%ss/s%n", "wall time", (Double) s.get("wall_seconds"),
                (Double) s.get("particle_steps_per_second"), step.replace(' ', '-'));
        System.out.printf("%-28s %s%n", "event_log_sha256", s.get("event_log_sha256"));
        System.out.printf("%-28s %s%n", "final_state_sha256", s.get("final_state_sha256"));
        if (s.containsKey("beta_fit_note")) {
            System.out.printf("%n%-28s not measured: %s%n", "beta", s.get("beta_fit_note"));
        }
        if (s.get("beta_measured") instanceof Double measured) {
            boolean planar = Integer.valueOf(2).equals(s.get("dim"));
            double naive = (Double) s.get("beta_naive");
            System.out.println();
            System.out.printf("%-34s %10s %12s%n", "beta (macroscopic rate)", "value", "measured/x-1");
            System.out.printf("%-34s %10.4f %12s%n", "measured (fit of 1/h - 1 vs t)", measured,
                    String.format("+/- %.1f%%", 100 * (Double) s.get("beta_relative_error")));
            if (s.containsKey("beta_theory")) {
                double theory = (Double) s.get("beta_theory");
                System.out.printf("%-34s %10.4f %+11.2f%%%n", planar ? "limit as |log eps| -> infinity" : "corrected theory (beta recipe)", theory, 100 * (measured / theory - 1));
                if (s.get("beta_limit") instanceof Double limit && !limit.equals(theory)) {
                    System.out.printf("%-34s %10.4f %+11.2f%%%n", "its limit as eps -> 0", limit, 100 * (measured / limit - 1));
                }
            }
            System.out.printf("%-34s %10.4f %+11.2f%%%n", "naive alpha * integral(V)", naive, 100 * (measured / naive - 1));
            if (s.get("beta_expected_in_fit") instanceof Double expected) {
                System.out.printf("%-34s %10.4f %+11.2f%%%n", planar ? "finite-|log eps| value in this fit" : "expected in this fit (transient)", expected, 100 * (measured / expected - 1));
                if (s.get("beta_measured_without_transient") instanceof Double without) {
                    System.out.printf("%-34s %10.4f %+11.2f%%%n", "measured, transient taken out", without,
                            100 * (without / (Double) s.get("beta_theory") - 1));
                }
                double z = (measured / expected - 1) / (Double) s.get("beta_relative_error");
                System.out.printf("the measurement is %.1f standard errors from the value expected in this fit%s%n", Math.abs(z),
                        Math.abs(z) < 2 ? " (statistical scatter: |z| < 2 in about 95 % of runs)"
                                : Math.abs(z) < 3 ? " (unusual: |z| >= 2 in about 5 % of runs)" : " (more than scatter explains: check dt and the tolerance)");
            }
        }
        printLatticeTheory(s);
        System.out.println();
        String snapshots = s.get("snapshot_count") instanceof Number count
                ? ", snapshots/ with " + count + " H5MD snapshot" + (count.longValue() == 1 ? "" : "s") : "";
        System.out.println("outputs in " + dir + " (summary.json, timeseries.csv, meta.json" + snapshots + ")");
    }

    /** The lattice theory's lines (docs/lattice.md, "Outputs"): the measured survivor fraction against the ODE and Kingman. */
    private static void printLatticeTheory(Map<String, Object> s) {
        if (s.get("lattice_theory_note") instanceof String note) {
            System.out.printf("%n%s%n", note);
        }
        if (!(s.get("lattice_beta") instanceof Double beta)) {
            return;
        }
        double h = (Double) s.get("survivor_fraction");
        System.out.println();
        System.out.printf("%-40s %12s %12s%n", "lattice theory", "value", "measured/x-1");
        System.out.printf("%-40s %12.6g%n", "lattice recipe beta", beta);
        System.out.printf("%-40s %12s%n", "naive kappa", s.get("lattice_kappa") instanceof Double kappa ? String.format("%.6g", kappa) : "inf");
        System.out.printf("%-40s %12.6g%n", "survivor fraction, measured", h);
        double predicted = (Double) s.get("lattice_survivor_fraction_predicted");
        System.out.printf("%-40s %12.6g %+11.2f%%%n", "  ODE with the lattice recipe beta", predicted, 100 * (h / predicted - 1));
        if (s.get("lattice_survivor_fraction_naive") instanceof Double naive) {
            System.out.printf("%-40s %12.6g %+11.2f%%%n", "  ODE with the naive kappa", naive, 100 * (h / naive - 1));
        }
        if (s.get("lattice_survivor_fraction_no_depletion") instanceof Double arrival) {
            System.out.printf("%-40s %12.6g %+11.2f%%%n", "  ODE without depletion (beta = D)", arrival, 100 * (h / arrival - 1));
        }
        if (s.get("lattice_kingman_pair_rate") instanceof Double rate) {
            System.out.printf("%-40s %12.6g%n", "Kingman pair rate (exact meeting time)", rate);
        }
        if (s.get("lattice_kingman_mean_walkers") instanceof Double walkers) {
            long survivors = ((Number) s.get("survivors")).longValue();
            System.out.printf("%-40s %12.6g %+11.2f%%%n", "  Kingman mean walkers at the end", walkers, 100 * (survivors / walkers - 1));
        }
        System.out.println("(the ODE holds in the dilute Smoluchowski regime, Kingman at times of order L^d; docs/lattice.md)");
    }
}
