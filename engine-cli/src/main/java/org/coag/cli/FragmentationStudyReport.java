package org.coag.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.coag.core.io.AtomicFiles;
import org.coag.core.model.ModelSpec;
import org.coag.core.study.FragmentationStudy;
import org.coag.core.study.PowerLawFit;
import org.coag.core.study.Study;
import org.coag.core.study.StudyAnalysis;
import org.coag.core.study.StudyRunData;
import org.coag.core.study.StudyTheoryData;

/**
 * The report of a study with {@code [model.fragmentation]} (docs/fragmentation.md, "Studies"): at every N and
 * observation time, the densities integral mu_N,n = weight x (particles of mass n) of masses 1, 2, 3 and of all
 * masses (PDE units, so the same limit at every N), mean over seeds +- standard error, against the
 * coagulation-fragmentation ODE with the recipe's beta and the corrected split kernel; the error
 * e = measured / ODE - 1 with its exponent of N; at the final time, for the dual rule, the equilibrium of the
 * same mass beside them. Writes {@code report.md}, {@code summary.csv}, {@code tasks.csv} and {@code plots/densities}.
 */
final class FragmentationStudyReport {
    /** Masses reported one by one; a fourth column is all masses together. */
    static final int MASSES = 3;

    /**
     * One N, pooled over its seeds, at the study's times (t = 0 first); index q is mass q + 1 for q &lt; MASSES, all masses for q = MASSES.
     *
     * @param particles N
     * @param seeds the finished seeds
     * @param wall mean wall seconds per run
     * @param weight the weight of one particle, eps^(d-2)
     * @param measured mean density [t][q]
     * @param se its standard error (NaN for one seed) [t][q]
     * @param error measured / ODE - 1 [t][q]
     * @param errorSe its standard error, se / ODE [t][q]
     */
    record Row(long particles, int seeds, double wall, double weight, double[][] measured, double[][] se, double[][] error,
               double[][] errorSe) {
    }

    private FragmentationStudyReport() {
    }

    static void write(Study.Result r) throws IOException {
        StudyTheoryData t = r.theory();
        double[][] ode = columns(t.totals());
        double[][] naive = columns(t.naiveTotals());
        List<Row> rows = Arrays.stream(r.config().study().particles()).distinct().sorted()
                .mapToObj(n -> row(r, n, ode)).filter(x -> x.seeds() > 0).toList();
        int outputs = t.times().length;
        PowerLawFit[][] fits = new PowerLawFit[outputs][MASSES + 1];
        long[] ns = rows.stream().mapToLong(Row::particles).toArray();
        for (int k = 1; k < outputs; k++) {
            for (int q = 0; q <= MASSES; q++) {
                int kk = k;
                int qq = q;
                fits[k][q] = PowerLawFit.of(ns, rows.stream().mapToDouble(x -> Math.abs(x.error()[kk][qq])).toArray());
            }
        }
        double[] eq = FragmentationStudy.equilibriumTotals(r.config(), t);
        double[] eqColumns = eq == null ? null : columns(new double[][] {eq})[0];
        Path dir = r.dir();
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir.resolve("plots"));
        StudyPlots.fragmentation(t.times(), new String[] {"mass 1", "mass 2", "mass 3", "all"}, ode, naive, ns,
                rows.stream().map(Row::measured).toArray(double[][][]::new), dir.resolve("plots/densities"));
        writeSummary(rows, t.times(), ode, naive, eqColumns, dir.resolve("summary.csv"));
        StringBuilder tasks = new StringBuilder("N,seed,backend,wall_seconds,event_log_sha256,final_state_sha256\n");
        for (StudyRunData d : r.runs()) {
            tasks.append(d.particles()).append(',').append(d.seed()).append(',').append(d.backend()).append(',').append(d.wallSeconds())
                    .append(',').append(d.eventLogSha256()).append(',').append(d.finalStateSha256()).append('\n');
        }
        AtomicFiles.write(dir.resolve("tasks.csv"), tasks.toString());
        AtomicFiles.write(dir.resolve("report.md"), markdown(r, rows, ode, naive, eqColumns, fits));
    }

    /** @return [t][q]: masses 1..MASSES, then the sum over all masses */
    static double[][] columns(double[][] totals) {
        double[][] c = new double[totals.length][MASSES + 1];
        for (int k = 0; k < totals.length; k++) {
            for (int n = 0; n < totals[k].length; n++) {
                if (n < MASSES) {
                    c[k][n] = totals[k][n];
                }
                c[k][MASSES] += totals[k][n];
            }
        }
        return c;
    }

    private static Row row(Study.Result r, long n, double[][] ode) {
        List<StudyRunData> runs = r.runs().stream().filter(d -> d.particles() == n).toList();
        int outputs = ode.length;
        double[][] mean = new double[outputs][MASSES + 1];
        double[][] se = new double[outputs][MASSES + 1];
        double[][] error = new double[outputs][MASSES + 1];
        double[][] errorSe = new double[outputs][MASSES + 1];
        for (int k = 0; k < outputs; k++) {
            for (int q = 0; q <= MASSES; q++) {
                int kk = k;
                int qq = q;
                double[] v = runs.stream().mapToDouble(d -> d.weight() * (qq < MASSES ? d.byMass()[kk][qq] : d.survivors()[kk])).toArray();
                double m = Arrays.stream(v).average().orElse(Double.NaN);
                double ss = Arrays.stream(v).map(x -> (x - m) * (x - m)).sum();
                mean[k][q] = m;
                se[k][q] = v.length < 2 ? Double.NaN : Math.sqrt(ss / (v.length - 1) / v.length);
                error[k][q] = m / ode[k][q] - 1;
                errorSe[k][q] = se[k][q] / ode[k][q];
            }
        }
        double wall = runs.stream().mapToDouble(StudyRunData::wallSeconds).average().orElse(0);
        double weight = runs.isEmpty() ? Double.NaN : runs.get(0).weight();
        return new Row(n, runs.size(), wall, weight, mean, se, error, errorSe);
    }

    private static void writeSummary(List<Row> rows, double[] times, double[][] ode, double[][] naive, double[] eq, Path file)
            throws IOException {
        StringBuilder s = new StringBuilder("N,seeds,t,mass,measured,measured_se,ode,ode_naive,error,error_se,equilibrium\n");
        for (Row x : rows) {
            for (int k = 0; k < times.length; k++) {
                for (int q = 0; q <= MASSES; q++) {
                    s.append(x.particles()).append(',').append(x.seeds()).append(',').append(times[k]).append(',')
                            .append(q < MASSES ? String.valueOf(q + 1) : "all");
                    for (double v : new double[] {x.measured()[k][q], x.se()[k][q], ode[k][q], naive[k][q], x.error()[k][q],
                            x.errorSe()[k][q], eq == null ? Double.NaN : eq[q]}) {
                        s.append(',').append(Double.isFinite(v) ? String.valueOf(v) : "");
                    }
                    s.append('\n');
                }
            }
        }
        AtomicFiles.write(file, s.toString());
    }

    private static String markdown(Study.Result r, List<Row> rows, double[][] ode, double[][] naive, double[] eq, PowerLawFit[][] fits) {
        ModelSpec spec = r.config().model();
        StudyTheoryData t = r.theory();
        double[] times = t.times();
        int last = times.length - 1;
        StringBuilder m = new StringBuilder("# coag study: coagulation with fragmentation\n\n");
        m.append(String.format(Locale.ROOT, "Model: d = %d torus, %s kernel, %s fragmentation rule, uniform start; t_end = %.6g; "
                + "Z = N eps^(d-2) = %.6g.%n%n", spec.dim(), spec.kernel().name(), spec.fragmentation().rule().name().toLowerCase(Locale.ROOT),
                times[last], spec.initialDensity() * spec.domain().volume(spec.dim())));
        m.append("Limit (the same for every N): ").append(t.solver()).append(String.format(Locale.ROOT, "; beta(1,1) = %.6g, the naive "
                + "beta(1,1) = %.6g. The comparison ODE has the naive beta with the bare split kernel (no depletion).%n%n", t.beta11(),
                t.naive11()));
        m.append("Densities are integral mu_N,n = eps^(d-2) x (particles of mass n) over the torus, in the PDE's units (the same limit "
                + "at every N), mean over seeds +- standard error; e = measured / ODE - 1.\n\n");
        if (!r.missing().isEmpty()) {
            m.append(String.format("**Incomplete: %d of %d tasks are not done** and are left out of everything below:%n%n",
                    r.missing().size(), r.missing().size() + r.runs().size()));
            r.missing().forEach(s -> m.append(String.format("- task %d (%s): %s%n", s.task().index(), s.task().name(), s.state())));
            m.append('\n');
        }
        m.append(String.format(Locale.ROOT, "## At t_end = %.6g%n%n| N | seeds | eps | wall (s, per run) | mass | measured | ODE | "
                + "ODE, naive | e | equilibrium | particles measured | particles, equilibrium |%n|---|---|---|---|---|---|---|---|---|---|---|---|%n",
                times[last]));
        for (Row x : rows) {
            for (int q = 0; q <= MASSES; q++) {
                m.append(String.format(Locale.ROOT, "| %d | %d | %.4g | %.2f | %s | %s | %.5g | %.5g | %s | %s | %.1f | %s |%n",
                        x.particles(), x.seeds(), x.weight(), x.wall(), mass(q),
                        StudyAnalysis.withError(x.measured()[last][q], x.se()[last][q], x.seeds(), "%.5g"), ode[last][q], naive[last][q],
                        StudyAnalysis.withError(x.error()[last][q], x.errorSe()[last][q], x.seeds(), "%.4f"),
                        eq == null ? "(none: given rates)" : String.format(Locale.ROOT, "%.5g", eq[q]),
                        x.measured()[last][q] / x.weight(), eq == null ? "" : String.format(Locale.ROOT, "%.1f", eq[q] / x.weight())));
            }
        }
        m.append(String.format(Locale.ROOT, "%nThe equilibrium is that of the dual rule with the start's mass (f_n = f*_n theta^n); "
                + "its particles per unit volume, the intensities c_n = f_n / eps^(d-2), are the last column over |L| = %.6g.%n",
                spec.domain().volume(spec.dim())));
        m.append("\n## Densities over time\n\nThe ODE (solid), the naive ODE (dashed) and the mean over seeds at each N "
                + "(markers).\n\n![densities](plots/densities.png)\n");
        m.append("\n## The error against the ODE, by N\n\ne = measured / ODE - 1 at each time (mean over seeds +- standard error), "
                + "and the exponent of |e| in N: a least-squares fit with its standard error from three or more N, a two-point slope "
                + "from two. Where |e| is within its errors the exponent measures noise, not a bias.\n");
        for (int q = 0; q <= MASSES; q++) {
            m.append("\n### ").append(q < MASSES ? "Mass " + (q + 1) : "All masses").append("\n\n| t | ODE |");
            rows.forEach(x -> m.append(" N = ").append(x.particles()).append(" |"));
            m.append(" exponent of N |\n|---|---|").append("---|".repeat(rows.size())).append("---|\n");
            for (int k = 1; k <= last; k++) {
                m.append(String.format(Locale.ROOT, "| %.4g | %.5g |", times[k], ode[k][q]));
                for (Row x : rows) {
                    m.append(' ').append(StudyAnalysis.withError(x.error()[k][q], x.errorSe()[k][q], x.seeds(), "%.4f")).append(" |");
                }
                m.append(' ').append(fits[k][q].describe()).append(" |\n");
            }
        }
        m.append("\n<details><summary>Tasks: wall time and hashes (also in tasks.csv)</summary>\n\n"
                + "| N | seed | wall (s) | event_log_sha256 | final_state_sha256 |\n|---|---|---|---|---|\n");
        for (StudyRunData d : r.runs()) {
            m.append(String.format(Locale.ROOT, "| %d | %d | %.2f | `%s` | `%s` |%n", d.particles(), d.seed(), d.wallSeconds(),
                    d.eventLogSha256(), d.finalStateSha256()));
        }
        return m.append("\n</details>\n").toString();
    }

    private static String mass(int q) {
        return q < MASSES ? String.valueOf(q + 1) : "all";
    }
}
