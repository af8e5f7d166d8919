package org.coag.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.coag.core.backend.Backend;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.Backends;
import org.coag.core.backend.RunFingerprint;
import org.coag.core.config.RunConfig;
import org.coag.core.model.ModelException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coag verify}: one config on several backends; equal hashes or exit 1. */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Run one config on several backends from the "
        + "same initial state and compare their event logs and final states bit for bit (docs/reproducibility.md). "
        + "Prints each backend's hashes; exits 1 when any differ. Without --backends it runs every backend that can run the "
        + "config here and lists the others as refused, with their reason (with one left, it says that nothing was compared). "
        + "Writes no files.")
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    private ConfigMixin configArgs = new ConfigMixin();

    @Option(names = "--backends", paramLabel = "A,B,...", split = ",", description = "backends to compare (default: all that can run here)")
    private List<String> backends = new ArrayList<>();

    @Option(names = "--steps", paramLabel = "K", description = "steps to run (default: the config's, at most 1000)")
    private Long steps;

    @Option(names = {"-q", "--quiet"}, description = "no progress")
    private boolean quiet;

    @Mixin
    private BackendOptionsMixin backendOptions = new BackendOptionsMixin();

    @Override
    public Integer call() throws IOException {
        BackendOptions options = backendOptions.options();
        RunConfig cfg = configArgs.read();
        long k = steps != null ? steps : Math.min(cfg.run().steps(), 1000);
        if (k < 1) {
            throw new ModelException("--steps must be >= 1, got " + k);
        }
        List<Backend> list = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        if (backends.isEmpty()) {
            for (Backend b : Backends.all()) {
                String why = BackendChoice.reason(b, cfg.model());
                if (why == null) {
                    list.add(b);
                } else {
                    refused.add(String.format("%-10s refused: %s", b.name(), why));
                }
            }
        } else {
            list = BackendChoice.of(backends, cfg.model(), "verify");
            if (list.size() < 2) {
                throw new ModelException("--backends needs at least two backends to compare, got " + list.size());
            }
        }
        if (list.isEmpty()) {
            throw new ModelException("verify: no backend can run this config here: " + String.join("; ", refused));
        }
        System.out.printf("verify %s: N = %d, d = %d, %d steps, seed %d%n", configArgs.file() == null ? "default config" : configArgs.file(),
                cfg.model().particles(), cfg.model().dim(), k, cfg.run().seed());
        System.out.printf("%-10s %8s %8s %9s  %-64s  %s%n", "backend", "events", "live", "seconds", "event_log_sha256", "final_state_sha256");
        refused.forEach(System.out::println);
        String firstLog = null;
        String firstState = null;
        boolean same = true;
        for (Backend b : list) {
            long t0 = System.nanoTime();
            boolean terminal = System.console() != null && !quiet;
            String name = b.name();
            RunFingerprint f = RunFingerprint.of(b, cfg.model(), cfg.run().seed(), k, options,
                    done -> {
                        if (terminal) {
                            System.err.printf("\r%s: step %d/%d ", name, done, k);
                        }
                    });
            if (terminal) {
                System.err.print("\r" + " ".repeat(40) + "\r");
            }
            double seconds = (System.nanoTime() - t0) * 1e-9;
            String log = f.eventLog();
            String state = f.finalState();
            System.out.printf("%-10s %8d %8d %9.2f  %s  %s%n", name, f.events(), f.live(), seconds, log, state);
            if (firstLog == null) {
                firstLog = log;
                firstState = state;
            } else {
                same &= log.equals(firstLog) && state.equals(firstState);
            }
        }
        if (!same) {
            System.err.println("coag: error: the backends differ (every backend must give the same bits; please report this with the config)");
            return 1;
        }
        if (list.size() == 1) {
            System.out.println("not compared: only " + list.get(0).name() + " can run this config here (the others refuse it, "
                    + "listed above); its hashes are the ones every backend that runs it must give");
            return 0;
        }
        System.out.println(refused.isEmpty() ? "identical: every backend gave the same event log and final state"
                : "identical: every backend that can run this config gave the same event log and final state (" + refused.size()
                + " refused it, listed above)");
        return 0;
    }
}
