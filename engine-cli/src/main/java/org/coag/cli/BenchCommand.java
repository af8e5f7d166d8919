package org.coag.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.coag.core.backend.Backend;
import org.coag.core.backend.BackendOptions;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;
import org.coag.core.config.Workloads;
import org.coag.core.io.AtomicFiles;
import org.coag.core.io.OutputFile;
import org.coag.core.model.ModelException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coag bench}: the workstation benchmark (no Maven, no JMH), and {@code coag bench compare}. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = BenchCompareCommand.class,
        description = {"Benchmark whole steps on this machine: for every backend and N, a warm-up, then every step timed. "
                + "Prints particle-steps/s (median of the measurement windows), collisions/s, step-time percentiles "
                + "(HdrHistogram), memory per particle and the machine; --json writes it all with the raw samples, "
                + "which 'coag bench compare' tests for regressions.",
            "Workload (default): the d = 3 unit torus, Doi kernel, alpha = 2, annihilation, phi = 1e-3, dt = 0.01 eps^2, "
                + "uniform start (BENCHMARKS.md); --dim and --mode vary it, CONFIG replaces it."})
final class BenchCommand implements Callable<Integer> {
    @Mixin
    private ConfigMixin configArgs = new ConfigMixin();

    @Option(names = "--backends", paramLabel = "A,B,...", split = ",", description = "backends (default: every one that can run here)")
    private List<String> backends = new ArrayList<>();

    @Option(names = "--particles", paramLabel = "N,N,...", split = ",", description = "values of N, e.g. 1e5,1e6 (default: 1e5,1e6)")
    private List<Double> particles = new ArrayList<>(List.of(1e5, 1e6));

    @Option(names = "--seconds", paramLabel = "S", description = "measured seconds per case (default: ${DEFAULT-VALUE})")
    private double seconds = 10;

    @Option(names = "--warmup", paramLabel = "S", description = "warm-up seconds per case (default: ${DEFAULT-VALUE})")
    private double warmup = 5;

    @Option(names = "--dim", paramLabel = "D", description = "dimension of the default workload: 2, 3 or 4 (default: ${DEFAULT-VALUE})")
    private int dim = 3;

    @Option(names = "--mode", paramLabel = "MODE", description = "annihilation or coagulation (default workload; default: ${DEFAULT-VALUE})")
    private String mode = "annihilation";

    @Option(names = "--json", paramLabel = "FILE", description = "also write the results, raw samples and machine as JSON")
    private Path json;

    @Option(names = "--force", description = "replace an existing --json file")
    private boolean force;

    @Option(names = {"-q", "--quiet"}, description = "no progress")
    private boolean quiet;

    @Mixin
    private BackendOptionsMixin backendOptions = new BackendOptionsMixin();

    @Override
    public Integer call() throws IOException {
        if (!(seconds > 0) || !(warmup >= 0)) {
            throw new ModelException("--seconds must be > 0 and --warmup >= 0 (got " + seconds + ", " + warmup + ")");
        }
        BackendOptions options = backendOptions.options();
        if (json != null) {
            OutputFile.check(json, force, "--json");
        }
        Path config = configArgs.file();
        String text = configArgs.text(Workloads.TORUS_3D);
        List<String> base = new ArrayList<>();
        if (config == null) {
            base.add("model.dim=" + dim);
            base.add("model.mode=\"" + mode + "\"");
        }
        base.addAll(configArgs.overrides());
        List<Backend> list = BackendChoice.of(backends, ConfigReader.read(text, base).model(), "bench");
        MachineInfo machine = MachineInfo.here();
        System.out.print(machine.describe());
        String workload = config == null ? String.format("default workload, d = %d, %s (Workloads.TORUS_3D)", dim, mode) : config.toString();
        System.out.printf("workload: %s; warm-up %.0f s, %.0f s measured per case%n%n", workload, warmup, seconds);
        System.out.printf("%-10s %10s %7s %16s %11s %9s %9s %9s %7s %8s %8s%n", "backend", "N", "threads", "particle-steps/s",
                "events/s", "p50 ms", "p99 ms", "max ms", "steps", "B/part.", "peak");
        List<BenchReport.Case> cases = new ArrayList<>();
        ProgressBar bar = new ProgressBar(quiet || System.console() == null);
        for (Backend b : list) {
            for (double n : particles) {
                List<String> o = new ArrayList<>(base);
                o.add("model.particles=" + particleCount(n));
                RunConfig cfg = ConfigReader.read(text, o);
                String label = BenchRunner.name(b.name(), cfg);
                BenchReport.Case c = BenchRunner.run(b, cfg, options, warmup, seconds, (phase, f) -> bar.update(Math.min(1, f),
                        label + " " + phase));
                bar.finish();
                cases.add(c);
                System.out.printf("%-10s %10d %7d %16.3e %11.3e %9.3f %9.3f %9.3f %7d %8.1f %8.1f%n", c.backend(), c.particles(),
                        c.threads(), c.particleStepsPerSecond(), c.eventsPerSecond(), c.stepMillis().p50(), c.stepMillis().p99(),
                        c.stepMillis().max(), c.steps(), c.retainedBytesPerParticle(), c.peakLiveBytesPerParticle());
            }
        }
        System.out.println("\nparticle-steps/s: median over windows of at least " + seconds / 20 + " s; B/part.: heap the "
                + "simulation holds after a full GC, per particle; peak: the largest heap in use after any GC during the case, "
                + "per particle (host memory only: device buffers are not counted)");
        if (json != null) {
            BenchReport r = new BenchReport(BenchReport.FORMAT, BenchReport.VERSION, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                    machine, workload, warmup, seconds, cases);
            AtomicFiles.write(json, BenchReport.JSON.writeValueAsBytes(r));
            System.out.println("written " + json);
        }
        return 0;
    }

    private static long particleCount(double n) {
        if (n != Math.rint(n) || n < 2 || n > Integer.MAX_VALUE - 8) {
            throw new ModelException("--particles: " + n + " is not an integer N >= 2");
        }
        return (long) n;
    }
}
