package org.coag.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.coag.core.io.AtomicFiles;
import org.coag.core.model.ModelSpec;
import org.coag.core.study.LatticeStudy;
import org.coag.core.study.PowerLawFit;
import org.coag.core.study.Study;
import org.coag.core.study.StudyAnalysis;
import org.coag.core.study.StudyRunData;
import org.coag.core.study.StudyTheoryData;

/**
 * The report of a lattice study (docs/lattice.md, "Studies over the side L"): at every side L and scaled
 * time tau = t / L^2, the survivor fraction h over seeds against the constant-kernel ODE with the lattice
 * recipe's beta from each run's own start density, the relative error e = h_ODE / h - 1 and its exponent
 * of L; {@code report.md}, {@code summary.csv}, {@code tasks.csv} and {@code plots/lattice-error}.
 */
final class LatticeStudyReport {
    /**
     * One side L, pooled over its seeds, at the observation times after t = 0.
     *
     * @param side L
     * @param seeds the finished seeds
     * @param walkers mean walkers at t = 0
     * @param wall mean wall seconds per run
     * @param h survivor fraction, mean over seeds [k]
     * @param hSe its standard error (NaN for one seed) [k]
     * @param ode the ODE with the lattice recipe's beta, mean over the seeds' start densities [k]
     * @param naive the ODE with the comparison rate [k]
     * @param error e = ode / h - 1 [k]
     * @param errorSe its standard error, (1 + e) hSe / h [k]
     */
    record Side(int side, int seeds, double walkers, double wall, double[] h, double[] hSe, double[] ode, double[] naive,
                double[] error, double[] errorSe) {
    }

    private LatticeStudyReport() {
    }

    static void write(Study.Result r) throws IOException {
        System.setProperty("java.awt.headless", "true");
        ModelSpec spec = r.config().model();
        StudyTheoryData t = r.theory();
        double[] tau = new double[t.times().length - 1];
        int side0 = spec.lattice().side();
        for (int k = 0; k < tau.length; k++) {
            tau[k] = t.times()[k + 1] / ((double) side0 * side0);
        }
        List<Side> sides = Arrays.stream(r.config().study().sides()).distinct().sorted().mapToObj(l -> side(r, spec, t, l))
                .filter(s -> s.seeds() > 0).toList();
        PowerLawFit[] fits = new PowerLawFit[tau.length];
        long[] ls = sides.stream().mapToLong(Side::side).toArray();
        for (int k = 0; k < tau.length; k++) {
            int kk = k;
            fits[k] = PowerLawFit.of(ls, sides.stream().mapToDouble(s -> Math.abs(s.error()[kk])).toArray());
        }
        Path dir = r.dir();
        Files.createDirectories(dir.resolve("plots"));
        StudyPlots.latticeError(sides, tau, fits, dir.resolve("plots/lattice-error"));
        writeSummary(sides, tau, dir.resolve("summary.csv"));
        StringBuilder tasks = new StringBuilder("L,seed,backend,wall_seconds,event_log_sha256,final_state_sha256\n");
        for (StudyRunData d : r.runs()) {
            tasks.append(d.side()).append(',').append(d.seed()).append(',').append(d.backend()).append(',').append(d.wallSeconds())
                    .append(',').append(d.eventLogSha256()).append(',').append(d.finalStateSha256()).append('\n');
        }
        AtomicFiles.write(dir.resolve("tasks.csv"), tasks.toString());
        AtomicFiles.write(dir.resolve("report.md"), markdown(r, spec, t, sides, tau, fits));
    }

    private static Side side(Study.Result r, ModelSpec spec, StudyTheoryData t, int l) {
        List<StudyRunData> runs = r.runs().stream().filter(d -> d.side() == l).toList();
        int outputs = t.times().length - 1;
        double[][] h = new double[runs.size()][outputs];
        double[] ode = new double[outputs];
        double[] naive = new double[outputs];
        double sites = Math.pow(l, spec.dim());
        for (int i = 0; i < runs.size(); i++) {
            StudyRunData d = runs.get(i);
            double n0 = d.survivors()[0] / sites;
            for (int k = 0; k < outputs; k++) {
                h[i][k] = (double) d.survivors()[k + 1] / d.survivors()[0];
                ode[k] += LatticeStudy.odeFraction(spec, t.beta11(), n0, d.times()[k + 1]) / runs.size();
                naive[k] += LatticeStudy.odeFraction(spec, t.naive11(), n0, d.times()[k + 1]) / runs.size();
            }
        }
        double[] mean = new double[outputs];
        double[] se = new double[outputs];
        double[] error = new double[outputs];
        double[] errorSe = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            int kk = k;
            double[] v = Arrays.stream(h).mapToDouble(x -> x[kk]).toArray();
            mean[k] = Arrays.stream(v).average().orElse(Double.NaN);
            double ss = Arrays.stream(v).map(x -> (x - mean[kk]) * (x - mean[kk])).sum();
            se[k] = v.length < 2 ? Double.NaN : Math.sqrt(ss / (v.length - 1) / v.length);
            error[k] = ode[k] / mean[k] - 1;
            errorSe[k] = (1 + error[k]) * se[k] / mean[k];
        }
        double walkers = runs.stream().mapToDouble(d -> d.survivors()[0]).average().orElse(0);
        double wall = runs.stream().mapToDouble(StudyRunData::wallSeconds).average().orElse(0);
        return new Side(l, runs.size(), walkers, wall, mean, se, ode, naive, error, errorSe);
    }

    private static void writeSummary(List<Side> sides, double[] tau, Path file) throws IOException {
        StringBuilder s = new StringBuilder("L,seeds,tau,h,h_se,h_ode,h_naive,error,error_se\n");
        for (Side d : sides) {
            for (int k = 0; k < tau.length; k++) {
                s.append(d.side()).append(',').append(d.seeds()).append(',').append(tau[k]);
                for (double v : new double[] {d.h()[k], d.hSe()[k], d.ode()[k], d.naive()[k], d.error()[k], d.errorSe()[k]}) {
                    s.append(',').append(Double.isFinite(v) ? String.valueOf(v) : "");
                }
                s.append('\n');
            }
        }
        AtomicFiles.write(file, s.toString());
    }

    private static String markdown(Study.Result r, ModelSpec spec, StudyTheoryData t, List<Side> sides, double[] tau,
                                   PowerLawFit[] fits) {
        int last = tau.length - 1;
        boolean instantaneous = spec.lattice().instantaneous();
        StringBuilder m = new StringBuilder("# coag study: lattice walkers over the side L\n\n");
        m.append(String.format(Locale.ROOT, "Model: d = %d torus T_L^d, %s, coalescence %s, start %s; side L runs to t = tau_end L^2 "
                + "with tau_end = %.4g (Brownian scaling: the same scaled times tau = t / L^2 at every L).%n%n", spec.dim(),
                spec.mode().name().toLowerCase(Locale.ROOT), instantaneous ? "on arrival" : "at rate alpha per pair on a site",
                spec.lattice().start().name().toLowerCase(Locale.ROOT), tau[last]));
        m.append("Theory: ").append(t.solver()).append(", from each run's own start density. The error e = h_ODE / h - 1 at a "
                + "fixed tau should vanish as L grows (about like 1 / L in d = 3); the comparison rate (")
                .append(instantaneous ? "no depletion around a walker" : "the naive kappa").append(") stays off.\n\n");
        if (!r.missing().isEmpty()) {
            m.append(String.format("**Incomplete: %d of %d tasks are not done** and are left out of everything below:%n%n",
                    r.missing().size(), r.missing().size() + r.runs().size()));
            r.missing().forEach(s -> m.append(String.format("- task %d (%s): %s%n", s.task().index(), s.task().name(), s.state())));
            m.append('\n');
        }
        m.append(String.format(Locale.ROOT, "## At tau_end = %.4g%n%n| L | seeds | walkers at t = 0 | t_end | wall (s, per run) | "
                + "h measured | ODE, lattice recipe | ODE, %s | e = h_ODE / h - 1 |%n|---|---|---|---|---|---|---|---|---|%n", tau[last],
                instantaneous ? "no depletion" : "naive kappa"));
        for (Side d : sides) {
            m.append(String.format(Locale.ROOT, "| %d | %d | %.0f | %.6g | %.2f | %s | %.5f | %.5f | %s |%n", d.side(), d.seeds(),
                    d.walkers(), tau[last] * d.side() * d.side(), d.wall(), StudyAnalysis.withError(d.h()[last], d.hSe()[last],
                            d.seeds(), "%.5f"), d.ode()[last], d.naive()[last],
                    StudyAnalysis.withError(d.error()[last], d.errorSe()[last], d.seeds(), "%.4f")));
        }
        m.append("\n## The error against the lattice recipe's ODE, by L\n\ne = h_ODE / h - 1 at each scaled time (mean over seeds "
                + "+- standard error), and the exponent of |e| in L: a least-squares fit with its standard error from three or more L, "
                + "a two-point slope (no fit, no error) from two.\n\n![error](plots/lattice-error.png)\n\n| tau = t / L^2 |");
        sides.forEach(d -> m.append(" L = ").append(d.side()).append(" |"));
        m.append(" exponent of L |\n|---|").append("---|".repeat(sides.size())).append("---|\n");
        for (int k = 0; k < tau.length; k++) {
            m.append(String.format(Locale.ROOT, "| %.4g |", tau[k]));
            for (Side d : sides) {
                m.append(' ').append(StudyAnalysis.withError(d.error()[k], d.errorSe()[k], d.seeds(), "%.4f")).append(" |");
            }
            m.append(' ').append(fits[k].describe("L")).append(" |\n");
        }
        m.append("\n<details><summary>Tasks: wall time and hashes (also in tasks.csv)</summary>\n\n"
                + "| L | seed | wall (s) | event_log_sha256 | final_state_sha256 |\n|---|---|---|---|---|\n");
        for (StudyRunData d : r.runs()) {
            m.append(String.format(Locale.ROOT, "| %d | %d | %.2f | `%s` | `%s` |%n", d.side(), d.seed(), d.wallSeconds(),
                    d.eventLogSha256(), d.finalStateSha256()));
        }
        return m.append("\n</details>\n").toString();
    }
}
