package org.coag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.coag.core.model.DoiKernel;
import org.coag.core.io.AtomicFiles;
import org.coag.core.io.OutputFile;
import org.coag.core.model.ModelException;
import org.coag.core.model.RadialKernel;
import org.coag.core.theory.BetaRecipe;
import org.coag.core.theory.RadialBetaSolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coag theory beta}: beta for one kernel, alpha and pair diffusivity D. */
@Command(name = "beta", mixinStandardHelpOptions = true,
        description = "The corrected macroscopic rate beta = alpha * integral V (1 - u) for a kernel V of unit range, "
                + "strength alpha and pair diffusivity D = d(n) + d(m), u the two-particle profile (D Lap u = alpha V (1 - u)); "
                + "d = 2 uses its own formula, beta = 2 pi D a / (2 pi D + a), a = alpha * integral V (docs/theory.md).")
final class TheoryBetaCommand implements Callable<Integer> {
    @Mixin
    private PairProblemMixin pair = new PairProblemMixin();

    @Option(names = "--profile", paramLabel = "FILE", description = "write u(r) as CSV (r in units of the range, to r = 4)")
    private Path profile;

    @Option(names = "--force", description = "replace an existing --profile file")
    private boolean force;

    @Override
    public Integer call() throws IOException {
        RadialKernel v = pair.kernel();
        double alpha = pair.alpha();
        double diffusivity = pair.diffusivity();
        int dim = pair.dim();
        if (profile != null) {
            OutputFile.check(profile, force, "--profile");
        }
        double naive = alpha * v.integral(dim);
        System.out.printf("kernel %s, d = %d, alpha = %s, D = %s%n", v.name(), dim, alpha, diffusivity);
        if (dim == 2) {
            if (profile != null) {
                throw new ModelException("--profile: in d = 2 beta comes from its own formula, not from a profile u");
            }
            double beta = 2 * Math.PI * diffusivity * naive / (2 * Math.PI * diffusivity + naive);
            System.out.printf("beta (d = 2 formula)            %.12g%n", beta);
            System.out.printf("naive alpha * integral V        %.12g%n", naive);
            return 0;
        }
        RadialBetaSolver solver = new RadialBetaSolver(v, dim);
        double c = alpha / diffusivity;
        RadialBetaSolver.Result r = solver.solve(c);
        if (!Double.isFinite(r.perDiffusivity()) || !Double.isFinite(r.relativeError())) {
            throw new ModelException(String.format(java.util.Locale.ROOT, "--alpha / --D = %.3g is beyond what the radial solver of "
                    + "the profile equation resolves (its boundary layer is thinner than the grid); at such strengths beta is the diffusion limit "
                    + "(d-2)|S|D = %.12g to within O((D/alpha)^(1/2))", c, (dim - 2) * RadialKernel.unitSphereArea(dim) * diffusivity));
        }
        System.out.printf("beta (recipe)                   %.12g   (relative error estimate %.1e, %d RK4 steps)%n",
                diffusivity * r.perDiffusivity(), r.relativeError(), r.steps());
        if (dim == 3 && v instanceof DoiKernel) {
            System.out.printf("closed form 4 pi D (1 - tanh k/k) %.12g%n", diffusivity * BetaRecipe.doi3(c));
        }
        System.out.printf("naive alpha * integral V        %.12g   (the small-alpha limit)%n", naive);
        System.out.printf("diffusion limit (d-2)|S|D       %.12g   (the large-alpha limit)%n",
                (dim - 2) * RadialKernel.unitSphereArea(dim) * diffusivity);
        if (profile != null) {
            double[][] rows = solver.profile(c, 4 * v.support(), 300);
            AtomicFiles.write(profile, raw -> {
                PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(raw, java.nio.charset.StandardCharsets.UTF_8));
                out.println("r,u");
                for (double[] row : rows) {
                    out.printf("%.10g,%.15g%n", row[0], row[1]);
                }
                out.flush();
            });
            System.out.printf("u(0) = %.10g; profile (%d points) written to %s%n", rows[0][1], rows.length, profile);
        }
        return 0;
    }
}
