package org.coag.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.coag.core.io.AtomicFiles;
import org.coag.core.theory.TheoryProblem;
import org.coag.core.theory.fragmentation.CoagFragOde;
import org.coag.core.theory.fragmentation.CoagFragProblem;

/**
 * {@code coag theory ode} for a config with {@code [model.fragmentation]}: the coagulation-fragmentation
 * ODE ({@link CoagFragProblem}) from the config's uniform start, the densities f_n per mass over time
 * (the CSV of the pure coagulation ODE, with lost = 0: the truncated ODE conserves the mass), and on
 * standard error, for the dual rule, the equilibrium f_n = f*_n theta^n of the same mass density with
 * its intensities c_n = f_n / sigma (particles per unit volume) beside the densities reached at the end.
 */
final class TheoryOdeFragmentation {
    /** Masses listed in the comparison with the equilibrium. */
    private static final int LISTED = 8;

    private TheoryOdeFragmentation() {
    }

    /**
     * @param p the problem (fragmentation enabled)
     * @param times output times, 0 first
     * @param out the CSV file, or null for standard output
     * @throws IOException when the CSV cannot be written
     */
    static void solve(TheoryProblem p, double[] times, Path out) throws IOException {
        CoagFragProblem frag = CoagFragProblem.of(p);
        double[] f0 = p.odeInitial();
        double[][] f = frag.ode().solve(f0, times, p.settings().relTol(), 1e-30 * Arrays.stream(f0).sum());
        if (out == null) {
            writeCsv(System.out, p.maxMass(), times, f);
        } else {
            AtomicFiles.write(out, raw -> writeCsv(new PrintStream(raw, false, "UTF-8"), p.maxMass(), times, f));
        }
        int last = times.length - 1;
        double rho = CoagFragOde.mass(f0);
        System.err.printf("t = %.6g: number %.10g (from %.10g), mass %.15g (from %.15g; the truncated ODE conserves it)%s%n", times[last],
                sum(f[last]), sum(f0), CoagFragOde.mass(f[last]), rho, out == null ? "" : "; written to " + out);
        if (!frag.hasEquilibrium()) {
            System.err.println("given split rates (rule = \"rate\"): the stationary state is not known in closed form");
            return;
        }
        double[] eq = frag.equilibrium(rho);
        double sigma = frag.densityScale();
        System.err.printf("equilibrium of the dual rule at mass density %.10g: f_n = f*_n theta^n, intensities c_n = f_n / sigma "
                + "(sigma = %.6g)%n", rho, sigma);
        System.err.printf("%4s %16s %16s %16s %12s%n", "n", "f_n(t_end)", "f_n equilibrium", "c_n equilibrium", "relative");
        for (int n = 1; n <= Math.min(LISTED, p.maxMass()); n++) {
            System.err.printf("%4d %16.9g %16.9g %16.9g %+12.3e%n", n, f[last][n - 1], eq[n - 1], eq[n - 1] / sigma,
                    f[last][n - 1] / eq[n - 1] - 1);
        }
    }

    private static double sum(double[] f) {
        double s = 0;
        for (double v : f) {
            s += v;
        }
        return s;
    }

    private static void writeCsv(PrintStream csv, int maxMass, double[] times, double[][] f) {
        StringBuilder head = new StringBuilder("t,number,mass,lost");
        for (int n = 1; n <= maxMass; n++) {
            head.append(",f_").append(n);
        }
        csv.println(head);
        for (int k = 0; k < times.length; k++) {
            StringBuilder row = new StringBuilder(String.format("%.10g,%.15g,%.15g,%.15g", times[k], sum(f[k]), CoagFragOde.mass(f[k]), 0.0));
            for (double v : f[k]) {
                row.append(',').append(String.format("%.15g", v));
            }
            csv.println(row);
        }
        csv.flush();
    }
}
