package org.coag.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.coag.core.config.RunConfig;
import org.coag.core.io.AtomicFiles;
import org.coag.core.io.Json;
import org.coag.core.io.Npy;
import org.coag.core.io.OwnedDirectory;
import org.coag.core.model.Mode;
import org.coag.core.theory.PdeGeometry;
import org.coag.core.theory.RadialGeometry;
import org.coag.core.theory.SmoluchowskiPde;
import org.coag.core.theory.TheoryProblem;
import org.coag.core.theory.TorusGeometry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coag theory pde CONFIG}: the Smoluchowski coagulation-diffusion PDE for a config. */
@Command(name = "pde", mixinStandardHelpOptions = true,
        description = "Solve the Smoluchowski coagulation-diffusion PDE for a config: on its torus, or radially about the start's centre "
                + "in free space; beta from the recipe, f_n(x, 0) from the initial law. Writes totals.csv (t, mass, lost, "
                + "number, N_1..N_M: integrals of f_n), fields_KKKK.npy (shape [M+1, cells...]: f_1..f_M, then the lost "
                + "mass density) and theory.json to the output directory.")
final class TheoryPdeCommand implements Callable<Integer> {
    @Mixin
    private ConfigMixin configArgs = new ConfigMixin();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "theory-pde", description = "output directory (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--force", description = "replace coag's earlier PDE output in the -o directory (only a directory coag made, "
            + "holding only coag's files)")
    private boolean force;

    @Option(names = {"-q", "--quiet"}, description = "no progress")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        RunConfig cfg = configArgs.read();
        TheoryProblem p = TheoryProblem.of(cfg);
        PdeGeometry g = p.geometry();
        double[][] f0 = p.pdeInitial(g);
        double dt = p.pdeStep(f0);
        OwnedDirectory.create(out, OwnedDirectory.Kind.PDE, force, "-o");
        System.err.println(p.describe());
        System.err.printf("grid: %s; dt = %.4g%n", g.describe(), dt);
        int[] shape = shape(g, p.maxMass() + 1);
        String fields = p.settings().fields();
        double[] times = p.outputTimes();
        List<double[]> rows = new ArrayList<>();
        ProgressBar bar = new ProgressBar(quiet);
        long start = System.nanoTime();
        SmoluchowskiPde pde = new SmoluchowskiPde(g, p.diffusion(), p.kernel(), p.maxMass(), p.spec().mode());
        rows.add(row(0, pde.totals(withLost(f0, g.cells()))));
        int[] index = {0};
        double mass0 = rows.get(0)[1];
        double number0 = rows.get(0)[3];
        boolean annihilation = p.spec().mode() == Mode.ANNIHILATION;
        pde.run(f0, times, dt, (t, f, totals) -> {
            rows.add(row(t, totals));
            index[0]++;
            if (!quiet) {
                bar.finish();
                double[] r = row(t, totals);
                if (annihilation) {
                    System.err.printf("t = %-11.5g number %.10g, %s%n", t, r[3], TheoryOdeCommand.annihilated(r[3], number0));
                } else {
                    double m = SmoluchowskiPde.mass(totals);
                    System.err.printf("t = %-11.5g mass + lost %.15g (relative change %+.1e), lost %.4g%n", t, m, m / mass0 - 1,
                            totals[p.maxMass()]);
                }
            }
            if (fields.equals("all") || fields.equals("last") && index[0] == times.length) {
                try {
                    Npy.write(out.resolve(String.format("fields_%04d.npy", index[0])), shape, f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }, t -> bar.update(t / p.tEnd(), String.format("t = %.4g", t)));
        bar.finish();
        double wall = (System.nanoTime() - start) * 1e-9;
        writeTotals(out.resolve("totals.csv"), p.maxMass(), rows);
        writeMeta(out.resolve("theory.json"), p, g, dt, times, wall);
        double[] first = rows.get(0);
        double[] last = rows.get(rows.size() - 1);
        if (annihilation) {
            System.err.printf("t = %.6g: number %.10g (from %.10g), %s; %.1f s; written to %s%n", last[0], last[3], first[3],
                    TheoryOdeCommand.annihilated(last[3], first[3]), wall, out);
        } else {
            System.err.printf("t = %.6g: mass + lost %.15g (from %.15g, relative change %.1e), lost %.3g, number %.10g; %.1f s; "
                    + "written to %s%n", last[0], last[1] + last[2], first[1], (last[1] + last[2]) / first[1] - 1, last[2], last[3], wall, out);
        }
        return 0;
    }

    private static double[][] withLost(double[][] f0, int cells) {
        double[][] all = new double[f0.length + 1][];
        System.arraycopy(f0, 0, all, 0, f0.length);
        all[f0.length] = new double[cells];
        return all;
    }

    private static int[] shape(PdeGeometry g, int rows) {
        if (g instanceof TorusGeometry) {
            TorusGeometry t = (TorusGeometry) g;
            int[] s = new int[t.dim() + 1];
            java.util.Arrays.fill(s, t.side());
            s[0] = rows;
            return s;
        }
        return new int[] {rows, g.cells()};
    }

    /** {t, mass (sum n N_n), lost, number, N_1..N_M}. */
    private static double[] row(double t, double[] totals) {
        int mm = totals.length - 1;
        double[] r = new double[4 + mm];
        r[0] = t;
        r[1] = SmoluchowskiPde.mass(totals) - totals[mm];
        r[2] = totals[mm];
        for (int n = 1; n <= mm; n++) {
            r[3] += totals[n - 1];
            r[3 + n] = totals[n - 1];
        }
        return r;
    }

    private static void writeTotals(Path file, int maxMass, List<double[]> rows) throws IOException {
        try (PrintStream csv = new PrintStream(Files.newOutputStream(file), false, "UTF-8")) {
            StringBuilder head = new StringBuilder("t,mass,lost,number");
            for (int n = 1; n <= maxMass; n++) {
                head.append(",N_").append(n);
            }
            csv.println(head);
            for (double[] r : rows) {
                StringBuilder line = new StringBuilder(String.format("%.10g", r[0]));
                for (int i = 1; i < r.length; i++) {
                    line.append(',').append(String.format("%.15g", r[i]));
                }
                csv.println(line);
            }
        }
    }

    private static void writeMeta(Path file, TheoryProblem p, PdeGeometry g, double dt, double[] times, double wall)
            throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("problem", p.describe());
        m.put("grid", g.describe());
        m.put("cells", g.cells());
        if (g instanceof TorusGeometry) {
            TorusGeometry t = (TorusGeometry) g;
            m.put("cell_centres", "x_i = -L/2 + (i + 1/2) h per axis, h = " + t.spacing() + "; last axis fastest");
        } else {
            m.put("shell_centres", "r_i = (i + 1/2) dr about initial.center, dr = " + ((RadialGeometry) g).spacing());
        }
        m.put("dt", dt);
        m.put("masses", p.maxMass());
        m.put("output_times", times);
        m.put("beta_11", p.beta().at(1, 1));
        m.put("wall_seconds", wall);
        AtomicFiles.write(file, Json.MAPPER.writeValueAsBytes(m));
    }
}
