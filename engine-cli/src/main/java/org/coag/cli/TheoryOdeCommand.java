package org.coag.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.coag.core.config.RunConfig;
import org.coag.core.io.AtomicFiles;
import org.coag.core.io.OutputFile;
import org.coag.core.model.Mode;
import org.coag.core.theory.SmoluchowskiOde;
import org.coag.core.theory.TheoryProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coag theory ode CONFIG}: the Smoluchowski ODE for a homogeneous config. */
@Command(name = "ode", mixinStandardHelpOptions = true,
        description = "Solve the Smoluchowski ODE for a torus config with a uniform start, beta from the recipe, "
                + "to the config's t_end (or theory.t_end). CSV columns: t, number, mass, lost (coagulation: mass gone past the "
                + "truncation M, so mass + lost is conserved; annihilation: 0, as nothing is conserved), "
                + "f_1..f_M, in the units of the PDE (docs/theory.md). With [model.fragmentation], the coagulation-fragmentation "
                + "ODE (lost = 0), and for the dual rule the equilibrium densities and intensities beside the final ones (docs/fragmentation.md).")
final class TheoryOdeCommand implements Callable<Integer> {
    @Mixin
    private ConfigMixin configArgs = new ConfigMixin();

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "CSV file (default: standard output)")
    private Path out;

    @Option(names = "--force", description = "replace an existing -o file")
    private boolean force;

    @Option(names = {"-q", "--quiet"}, description = "no progress")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        RunConfig cfg = configArgs.read();
        if (out != null) {
            OutputFile.check(out, force, "-o");
        }
        TheoryProblem p = TheoryProblem.of(cfg);
        System.err.println(p.describe());
        if (p.spec().fragmentation().enabled()) {
            TheoryOdeFragmentation.solve(p, withZero(p.outputTimes()), out);
            return 0;
        }
        double[] f0 = p.odeInitial();
        ProgressBar bar = new ProgressBar(quiet);
        double[] times = withZero(p.outputTimes());
        SmoluchowskiOde.Solution s = new SmoluchowskiOde(p.kernel(), p.maxMass(), p.spec().mode())
                .solve(f0, times, p.settings().relTol(), 1e-30 * java.util.Arrays.stream(f0).sum(),
                        t -> bar.update(t / p.tEnd(), String.format("t = %.4g", t)));
        bar.finish();
        if (out == null) {
            writeCsv(System.out, p.maxMass(), times, s);
        } else {
            AtomicFiles.write(out, raw -> {
                PrintStream csv = new PrintStream(raw, false, "UTF-8");
                writeCsv(csv, p.maxMass(), times, s);
            });
        }
        int last = times.length - 1;
        String balance = p.spec().mode() == Mode.ANNIHILATION
                ? annihilated(s.number(last), s.number(0))
                : String.format("mass + lost %.15g (from %.15g), lost %.3g (mass past M)", s.mass(last) + s.lost()[last], s.mass(0), s.lost()[last]);
        System.err.printf("t = %.6g: number %.10g (from %.10g), %s; %d evaluations%s%n", times[last], s.number(last), s.number(0),
                balance, s.evaluations(), out == null ? "" : "; written to " + out);
        return 0;
    }

    private static void writeCsv(PrintStream csv, int maxMass, double[] times, SmoluchowskiOde.Solution s) {
        StringBuilder head = new StringBuilder("t,number,mass,lost");
        for (int n = 1; n <= maxMass; n++) {
            head.append(",f_").append(n);
        }
        csv.println(head);
        for (int k = 0; k < times.length; k++) {
            StringBuilder row = new StringBuilder(String.format("%.10g,%.15g,%.15g,%.15g", times[k], s.number(k), s.mass(k), s.lost()[k]));
            for (double v : s.densities()[k]) {
                row.append(',').append(String.format("%.15g", v));
            }
            csv.println(row);
        }
        csv.flush();
    }

    /**
     * @param number the number density now
     * @param initial the number density at t = 0
     * @return what annihilation's balance says: nothing is conserved, the share annihilated
     */
    static String annihilated(double number, double initial) {
        return String.format("%.2f %% of the particles annihilated in pairs (annihilation conserves neither number nor mass)",
                100 * (1 - number / initial));
    }

    static double[] withZero(double[] times) {
        double[] t = new double[times.length + 1];
        System.arraycopy(times, 0, t, 1, times.length);
        return t;
    }
}
