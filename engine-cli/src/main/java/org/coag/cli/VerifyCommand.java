package org.coag.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.coag.core.backend.Backend;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;
import org.coag.core.model.InitialStates;
import org.coag.core.model.ModelException;
import org.coag.core.observe.EventRecorder;
import org.coag.core.observe.StateHash;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coag verify}: one config on several backends; equal hashes or exit 1. */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Run one config on several backends from the "
        + "same initial state and compare their event logs and final states bit for bit (DESIGN.md contract 1). "
        + "Prints each backend's hashes; exits 1 when any differ. Writes no files.")
final class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "TOML config (default: the embedded default run)")
    private Path config;

    @Option(names = "--backends", paramLabel = "A,B,...", split = ",", description = "backends to compare (default: all that can run here)")
    private List<String> backends = new ArrayList<>();

    @Option(names = "--steps", paramLabel = "K", description = "steps to run (default: the config's, at most 1000)")
    private Long steps;

    @Option(names = "--set", paramLabel = "key=value", description = "override a config value")
    private List<String> overrides = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "no progress")
    private boolean quiet;

    @Mixin
    private BackendOptionsMixin backendOptions = new BackendOptionsMixin();

    @Override
    public Integer call() throws IOException {
        BackendOptions options = backendOptions.options();
        String text = config == null ? ConfigReader.defaultConfigText() : ConfigFiles.read(config);
        RunConfig cfg = ConfigReader.read(text, overrides);
        long k = steps != null ? steps : Math.min(cfg.run().steps(), 1000);
        if (k < 1) {
            throw new ModelException("--steps must be >= 1, got " + k);
        }
        List<Backend> list = BackendChoice.of(backends, cfg.model(), "verify");
        if (list.size() < 2) {
            throw new ModelException("--backends needs at least two backends to compare, got " + list.size());
        }
        System.out.printf("verify %s: N = %d, d = %d, %d steps, seed %d%n", config == null ? "default config" : config,
                cfg.model().particles(), cfg.model().dim(), k, cfg.run().seed());
        System.out.printf("%-10s %8s %8s %9s  %-64s  %s%n", "backend", "events", "live", "seconds", "event_log_sha256", "final_state_sha256");
        String firstLog = null;
        String firstState = null;
        boolean same = true;
        for (Backend b : list) {
            long t0 = System.nanoTime();
            EventRecorder rec = new EventRecorder(null);
            ParticleState end = new ParticleState(cfg.model().dim(), cfg.model().particles());
            try (Simulation sim = b.create(cfg.model(), cfg.run().seed(), InitialStates.generate(cfg.model(), cfg.run().seed()), 0, options)) {
                advance(sim, k, rec, b.name());
                sim.readState(end);
            }
            double seconds = (System.nanoTime() - t0) * 1e-9;
            String log = rec.sha256();
            String state = StateHash.of(end);
            System.out.printf("%-10s %8d %8d %9.2f  %s  %s%n", b.name(), rec.events(), end.count(), seconds, log, state);
            if (firstLog == null) {
                firstLog = log;
                firstState = state;
            } else {
                same &= log.equals(firstLog) && state.equals(firstState);
            }
        }
        if (!same) {
            System.err.println("coag: error: the backends differ (DESIGN.md contract 1 is broken; please report with this config)");
            return 1;
        }
        System.out.println("identical: every backend gave the same event log and final state");
        return 0;
    }

    private void advance(Simulation sim, long k, EventRecorder rec, String name) {
        boolean terminal = System.console() != null && !quiet;
        long chunk = Math.max(1, k / 100);
        for (long done = 0; done < k; ) {
            long n = Math.min(chunk, k - done);
            sim.advance(n, rec);
            done += n;
            if (terminal) {
                System.err.printf("\r%s: step %d/%d ", name, done, k);
            }
        }
        if (terminal) {
            System.err.print("\r" + " ".repeat(40) + "\r");
        }
    }
}
