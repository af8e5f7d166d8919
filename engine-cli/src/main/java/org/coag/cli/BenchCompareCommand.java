package org.coag.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.coag.core.model.ModelException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coag bench compare}: has a benchmark got slower than its baseline, beyond threshold and noise? */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two benchmark results files (JMH -rf json, or coag bench --json) benchmark by benchmark: "
                + "a one-sided Mann-Whitney U test on the raw samples of whether CURRENT is slower than BASELINE by more "
                + "than the threshold. Prints a table; exits 1 when any benchmark regressed (or a file cannot be read), "
                + "0 otherwise; a file with no results, unknown fields or non-numeric samples, or two files with nothing in common, "
                + "is an error (exit 1).",
            "Only benchmarks present in both files are compared (same name, same parameters, same mode); the rest are "
                + "listed. Fewer than " + SlowdownCheck.MIN_SAMPLES + " samples on a side cannot be tested and never fail."})
final class BenchCompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BASELINE", description = "results of the reference build")
    private Path baseline;

    @Parameters(index = "1", paramLabel = "CURRENT", description = "results of the build under test")
    private Path current;

    @Option(names = "--threshold", paramLabel = "PCT", description = "tolerated slowdown in percent (default: ${DEFAULT-VALUE})")
    private double thresholdPercent = 5;

    @Option(names = "--alpha", paramLabel = "P", description = "significance level of the one-sided test (default: ${DEFAULT-VALUE})")
    private double alpha = 0.01;

    @Override
    public Integer call() throws IOException {
        if (!(thresholdPercent >= 0 && thresholdPercent < 100) || !(alpha > 0 && alpha < 1)) {
            throw new ModelException("--threshold must lie in [0, 100) and --alpha in (0, 1) (got " + thresholdPercent + ", " + alpha + ")");
        }
        BenchSamples b = BenchSamples.read(baseline);
        BenchSamples c = BenchSamples.read(current);
        if (!b.kind().equals(c.kind())) {
            throw new ModelException("bench compare: " + baseline + " is " + b.kind() + " output but " + current + " is "
                    + c.kind() + " output; compare like with like");
        }
        double threshold = thresholdPercent / 100;
        System.out.printf("baseline %s, current %s (%s); slower by more than %.1f %% at one-sided p < %.3g is a regression%n%n",
                baseline, current, b.kind(), thresholdPercent, alpha);
        int width = Math.max(9, b.series().keySet().stream().mapToInt(String::length).max().orElse(9));
        System.out.printf("%-" + width + "s %-16s %12s %12s %7s %7s %9s  %s%n", "benchmark", "unit", "baseline", "current", "n", "ratio",
                "p", "verdict");
        int regressions = 0;
        int compared = 0;
        for (Map.Entry<String, BenchSamples.Series> e : b.series().entrySet()) {
            BenchSamples.Series cs = c.series().get(e.getKey());
            if (cs == null) {
                continue;
            }
            BenchSamples.Series bs = e.getValue();
            if (!bs.unit().equals(cs.unit())) {
                System.out.printf("%-" + width + "s units differ (%s, %s): not compared%n", e.getKey(), bs.unit(), cs.unit());
                continue;
            }
            SlowdownCheck.Verdict v = SlowdownCheck.test(bs.values(), cs.values(), bs.higherIsBetter(), threshold, alpha);
            compared++;
            regressions += v.regression() ? 1 : 0;
            String verdict = !v.tested() ? "too few samples" : v.regression() ? "REGRESSION" : "ok";
            System.out.printf("%-" + width + "s %-16s %12.4g %12.4g %3d/%-3d %7.3f %9.2g  %s%n", e.getKey(), bs.unit(),
                    BenchRunner.median(bs.values()), BenchRunner.median(cs.values()), bs.values().length, cs.values().length, v.ratio(),
                    v.p(), verdict);
        }
        for (String k : b.series().keySet()) {
            if (!c.series().containsKey(k)) {
                System.out.println("only in baseline: " + k);
            }
        }
        for (String k : c.series().keySet()) {
            if (!b.series().containsKey(k)) {
                System.out.println("only in current:  " + k);
            }
        }
        if (compared == 0) {
            throw new ModelException("bench compare: no benchmark is in both " + baseline + " and " + current
                    + " with the same unit, so nothing was compared");
        }
        System.out.printf("%n%d compared, %d regression%s (baseline, current: medians of the samples; ratio: Hodges-Lehmann "
                + "estimate of current / baseline speed, below 1 is slower; p: one-sided)%n", compared, regressions,
                regressions == 1 ? "" : "s");
        return regressions > 0 ? 1 : 0;
    }
}
