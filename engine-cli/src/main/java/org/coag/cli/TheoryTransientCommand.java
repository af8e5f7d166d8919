package org.coag.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.coag.core.io.AtomicFiles;
import org.coag.core.io.OutputFile;
import org.coag.core.model.DoiKernel;
import org.coag.core.model.ModelException;
import org.coag.core.model.RadialKernel;
import org.coag.core.theory.BetaRecipe;
import org.coag.core.theory.PairTransient;
import org.coag.core.theory.RadialBetaSolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code coag theory transient}: the time-dependent rate k(tau) of a pair that starts uncorrelated
 * ({@link PairTransient}), dimensionless: tau = D t / range^2, c = alpha / D, k per unit pair
 * diffusivity (the rate is D k for a unit range).
 */
@Command(name = "transient", mixinStandardHelpOptions = true,
        description = "The transient pair rate k(tau) = c * integral V rho of d rho/d tau = Lap rho - c V rho, rho(0) = 1, "
                + "and K(tau) = integral_0^tau k, for a kernel V of unit range, c = alpha / D and tau = D t / range^2 "
                + "(dimensionless, per unit diffusivity). k(0+) = c * integral V; for d >= 3, k -> beta / D of the recipe; "
                + "in d = 2, k -> 0 like 4 pi / ln tau.")
final class TheoryTransientCommand implements Callable<Integer> {
    @Mixin
    private PairProblemMixin pair = new PairProblemMixin();

    @Option(names = "--tau-min", defaultValue = "1e-3", description = "first tau (default: ${DEFAULT-VALUE})")
    private double tauMin;

    @Option(names = "--tau-max", defaultValue = "1e6", description = "last tau (default: ${DEFAULT-VALUE})")
    private double tauMax;

    @Option(names = "--points", defaultValue = "50", description = "log-spaced points from --tau-min to --tau-max "
            + "(default: ${DEFAULT-VALUE})")
    private int points;

    @Option(names = "--out", paramLabel = "FILE", description = "write tau,k,K as CSV")
    private Path out;

    @Option(names = "--force", description = "replace an existing --out file")
    private boolean force;

    @Override
    public Integer call() throws IOException {
        RadialKernel v = pair.kernel();
        double alpha = pair.alpha();
        double diffusivity = pair.diffusivity();
        int dim = pair.dim();
        if (!(tauMin > 0) || !(tauMax > tauMin) || Double.isInfinite(tauMax)) {
            throw new ModelException("--tau-min and --tau-max must satisfy 0 < tau-min < tau-max < infinity (got "
                    + tauMin + ", " + tauMax + ")");
        }
        if (points < 2 || points > 100000) {
            throw new ModelException("--points must lie in 2..100000 (got " + points + ")");
        }
        if (out != null) {
            OutputFile.check(out, force, "--out");
        }
        double c = alpha / diffusivity;
        PairTransient pair = new PairTransient(v, dim, c);
        double[][] rows = new double[points][];
        for (int i = 0; i < points; i++) {
            double tau = tauMin * Math.pow(tauMax / tauMin, (double) i / (points - 1));
            rows[i] = new double[] {tau, pair.rate(tau), pair.integral(tau)};
        }
        System.out.printf("kernel %s, d = %d, alpha = %s, D = %s, c = alpha / D = %s (dimensionless: tau = D t / range^2, "
                + "rates per unit D)%n", v.name(), dim, alpha, diffusivity, c);
        System.out.printf("k(0+) = c * integral V           %.12g%n", pair.rate(0));
        if (dim >= 3) {
            double g = dim == 3 && v instanceof DoiKernel ? BetaRecipe.doi3(c) : new RadialBetaSolver(v, dim).solve(c).perDiffusivity();
            System.out.printf("k(inf) = g(c) = beta / D       %.12g%n", g);
        } else {
            System.out.println("k(inf) = 0 in d = 2 (k ~ 4 pi / ln tau)");
        }
        System.out.printf("%14s %20s %20s%n", "tau", "k(tau)", "K(tau)");
        int shown = Math.min(points, 6);
        for (int j = 0; j < shown; j++) {
            double[] row = rows[(int) Math.round((double) j * (points - 1) / (shown - 1))];
            System.out.printf("%14.6g %20.12g %20.12g%n", row[0], row[1], row[2]);
        }
        if (out != null) {
            AtomicFiles.write(out, raw -> {
                PrintWriter w = new PrintWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8));
                w.println("tau,k,K");
                for (double[] row : rows) {
                    w.println(String.format(Locale.ROOT, "%.10g,%.15g,%.15g", row[0], row[1], row[2]));
                }
                w.flush();
            });
            System.out.printf("%d rows written to %s%n", points, out);
        }
        return 0;
    }
}
