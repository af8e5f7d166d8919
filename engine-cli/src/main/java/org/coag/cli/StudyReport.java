package org.coag.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coag.core.io.AtomicFiles;
import org.coag.core.model.ModelSpec;
import org.coag.core.study.Study;
import org.coag.core.study.StudyAnalysis;
import org.coag.core.study.StudyPrediction;
import org.coag.core.study.StudyRunData;
import org.coag.core.study.StudyTheoryData;

/** Writes a study's {@code report.md}, its figures and {@code summary.csv}. */
final class StudyReport {
    private StudyReport() {
    }

    /** Writes the report; a lattice study's is {@link LatticeStudyReport}'s, a fragmentation
     * study's {@link FragmentationStudyReport}'s. */
    static void write(Study.Result r) throws IOException {
        if (r.config().model().isLattice()) {
            LatticeStudyReport.write(r);
        } else if (r.config().model().fragmentation().enabled()) {
            FragmentationStudyReport.write(r);
        } else {
            writeContinuum(r);
        }
    }

    private static StudyAnalysis writeContinuum(Study.Result r) throws IOException {
        System.setProperty("java.awt.headless", "true");
        StudyAnalysis a = StudyAnalysis.of(r.theory(), r.runs(), r.config().study());
        StudyPrediction p = StudyPrediction.of(r.config(), a.times(), r.runs());
        List<StudyReference> refs = StudyReference.of(a, p, r.config().model());
        Path dir = r.dir();
        Files.createDirectories(dir.resolve("plots"));
        ModelSpec spec = r.config().model();
        boolean radial = spec.freeSpace();
        StudyPlots.survivors(a, refs, dir.resolve("plots/survivors"));
        StudyPlots.spectrum(a, spec.b() < 1, dir.resolve("plots/spectrum"));
        StudyPlots.profile(a, r.theory(), radial, dir.resolve("plots/profile"));
        StudyPlots.pairs(a, r.theory(), dir.resolve("plots/pair-correlation"));
        StudyPlots.weak(a, dir.resolve("plots/weak-error"));
        StudyPlots.beta(p, dir.resolve("plots/beta"));
        writeSummary(a, p, refs, dir.resolve("summary.csv"));
        writeTasks(r, dir.resolve("tasks.csv"));
        AtomicFiles.write(dir.resolve("report.md"), markdown(r, a, p, refs));
        return a;
    }

    /** One row per N; a value that cannot be computed (a standard error from one seed, say) is an empty cell. */
    private static void writeSummary(StudyAnalysis a, StudyPrediction p, List<StudyReference> refs, Path file) throws IOException {
        StringBuilder s = new StringBuilder("N,seeds,eps,h_final,h_final_se,h_limit,h_naive,h_finite_n,beta_at_eps,beta_in_window,"
                + "beta_limit,beta_measured,beta_measured_se");
        for (String j : a.testNames()) {
            s.append(",weak_").append(j).append(",weak_se_").append(j);
        }
        s.append('\n');
        int last = a.times().length - 1;
        StudyReference finite = refs.stream().filter(StudyReference::finiteN).findFirst().orElse(null);
        for (int i = 0; i < a.particles().length; i++) {
            s.append(a.particles()[i]).append(',').append(a.seeds()[i]);
            cells(s, p.eps()[i], a.survivorFraction()[i][last], a.survivorSe()[i][last], refs.get(0).shared()[last],
                    a.naiveFraction()[last], finite == null ? Double.NaN : finite.at(i, last), p.betaAtEps()[i], p.betaInWindow()[i],
                    p.betaLimit(), p.betaMeasured()[i], p.betaMeasuredSe()[i]);
            for (int j = 0; j < a.testNames().length; j++) {
                cells(s, a.weakError()[i][j], a.weakErrorSe()[i][j]);
            }
            s.append('\n');
        }
        AtomicFiles.write(file, s.toString());
    }

    /** One row per finished task: where it ran, how long, and the hashes of its run (as in its summary.json). */
    private static void writeTasks(Study.Result r, Path file) throws IOException {
        StringBuilder s = new StringBuilder("N,seed,backend,wall_seconds,event_log_sha256,final_state_sha256\n");
        for (StudyRunData d : r.runs()) {
            s.append(d.particles()).append(',').append(d.seed()).append(',').append(d.backend()).append(',').append(d.wallSeconds())
                    .append(',').append(d.eventLogSha256()).append(',').append(d.finalStateSha256()).append('\n');
        }
        AtomicFiles.write(file, s.toString());
    }

    private static void cells(StringBuilder s, double... values) {
        for (double v : values) {
            s.append(',').append(Double.isFinite(v) ? String.valueOf(v) : "");
        }
    }

    private static String markdown(Study.Result r, StudyAnalysis a, StudyPrediction p, List<StudyReference> refs) {
        ModelSpec spec = r.config().model();
        StudyTheoryData t = r.theory();
        int last = a.times().length - 1;
        StringBuilder m = new StringBuilder("# coag study\n\n");
        m.append(String.format("Model: d = %d, %s, %s kernel, %s, %s start, b = %.4g; t_end = %.6g; Z = N eps^(d-2) = %.6g.%n%n",
                spec.dim(), spec.mode().name().toLowerCase(), spec.kernel().name(), spec.domain().type().name().toLowerCase(),
                spec.initial().shape().name().toLowerCase(), spec.b(), a.times()[last], spec.initialDensity() * spec.domain().volume(spec.dim())));
        m.append(String.format("Limit (eps -> 0, the same for every N): %s, beta(1,1) = %.6g; the naive beta(1,1) = %.6g.%n%n",
                t.solver(), p.betaLimit(), p.betaNaive()));
        m.append("The study config is `study.toml`; every (N, seed) is a task, a resumable run in `tasks/N{N}-seed{S}/` whose "
                + "`result.json` holds its observations; `coag study tasks` lists them, and running the study again resumes what "
                + "is not done; more seeds or N extend it.\n\n");
        if (!r.missing().isEmpty()) {
            m.append(String.format("**Incomplete: %d of %d tasks are not done** and are left out of everything below:%n%n",
                    r.missing().size(), r.missing().size() + r.runs().size()));
            for (var s : r.missing()) {
                m.append(String.format("- task %d (%s): %s%n", s.task().index(), s.task().name(), s.state()));
            }
            m.append('\n');
        }
        m.append("| N | seeds | eps | dt | wall (s, per run) | h(t_end) measured |");
        refs.forEach(ref -> m.append(' ').append(ref.label()).append(" |"));
        m.append("\n|---|---|---|---|---|---|").append("---|".repeat(refs.size())).append('\n');
        for (int i = 0; i < a.particles().length; i++) {
            StudyRunData any = first(r, a.particles()[i]);
            double wall = r.runs().stream().filter(x -> x.particles() == any.particles()).mapToDouble(StudyRunData::wallSeconds).average().orElse(0);
            m.append(String.format("| %d | %d | %.4g | %.4g | %.1f | %s |", a.particles()[i], a.seeds()[i], any.eps(), any.dt(), wall,
                    StudyAnalysis.withError(a.survivorFraction()[i][last], a.survivorSe()[i][last], a.seeds()[i], "%.4f")));
            for (StudyReference ref : refs) {
                m.append(String.format(" %.4f |", ref.at(i, last)));
            }
            m.append('\n');
        }
        m.append(taskTable(r));
        m.append("\n## Survivor fraction\n\n![survivors](plots/survivors.png)\n\n");
        m.append(StudyReportBeta.section(p, refs, a));
        m.append("## Mass spectrum against the limit\n\n![spectrum](plots/spectrum.png)\n\n");
        m.append("## Density profile against the limit\n\nCandidate densities (4.2) with eta the normalised indicator of a grid cell "
                + "(the PDE's cells), averaged over seeds.\n\n![profile](plots/profile.png)\n\n");
        m.append(String.format("## Pair correlation against 1 - u (Claim 3.11)%n%nPairs of survivors pooled over the %d observations "
                + "at t >= %.4g (s(1,1) eps^b)^2 (`study.pair_after`; Claim 3.11 is for t >> eps^2) and all seeds of the largest N, "
                + "divided by a Poisson cloud of the same local density.%n%n![pairs](plots/pair-correlation.png)%n%n",
                a.pairObservations(), r.config().study().pairAfter()));
        m.append(pairTable(a, t));
        m.append("## Weak errors (Corollary 1.3)\n\n|integral over [0, t_end] of integral J (mu_N,1 - f_1)|, mean over seeds "
                + "+- standard error, and the exponent of N: a least-squares fit with its standard error from three or more N, "
                + "a two-point slope (no fit, no error) from two, none from one.\n\n![weak](plots/weak-error.png)\n\n| N |");
        for (String j : a.testNames()) {
            m.append(" J = ").append(j).append(" |");
        }
        m.append("\n|---|").append("---|".repeat(a.testNames().length)).append('\n');
        for (int i = 0; i < a.particles().length; i++) {
            m.append("| ").append(a.particles()[i]).append(" |");
            for (int j = 0; j < a.testNames().length; j++) {
                m.append(' ').append(StudyAnalysis.withError(a.weakError()[i][j], a.weakErrorSe()[i][j], a.seeds()[i], "%.3g")).append(" |");
            }
            m.append('\n');
        }
        m.append("| exponent of N |");
        for (int j = 0; j < a.testNames().length; j++) {
            m.append(' ').append(a.weakRate()[j].describe()).append(" |");
        }
        m.append("\n\n## Collision propensity (Proposition 4.1, J = 1), time average at the largest N\n\n"
                + "| n, m | eps^(d-2) sum alpha V_eps | beta(n,m) integral f_n f_m |\n|---|---|---|\n");
        for (int n = 0; n < Math.min(3, a.propensity().length); n++) {
            for (int k = n; k < Math.min(3, a.propensity().length); k++) {
                m.append(String.format("| %d, %d | %.4g | %.4g |%n", n + 1, k + 1, a.propensity()[n][k], a.propensityTheory()[n][k]));
            }
        }
        if (a.propensity().length > 0 && a.propensity()[0][0] == 0) {
            m.append("\nNo pair of masses 1, 1 was within interaction range in any observation at the largest N, so the left "
                    + "side reads 0: it is a sum over the pairs in range (about N phi / 2 per snapshot, phi the volume "
                    + "fraction), which at this density is almost always empty. It cannot be estimated from snapshots here; "
                    + "a denser run can (the validation suite asserts it at phi = 0.02).\n");
        }
        return m.toString();
    }

    /** Every finished task: its wall time (all sessions) and the hashes of its run, as in its summary.json. */
    private static String taskTable(Study.Result r) {
        StringBuilder m = new StringBuilder("\n<details><summary>Tasks: wall time and hashes (also in tasks.csv)</summary>\n\n"
                + "| N | seed | wall (s) | event_log_sha256 | final_state_sha256 |\n|---|---|---|---|---|\n");
        for (StudyRunData d : r.runs()) {
            m.append(String.format("| %d | %d | %.1f | `%s` | `%s` |%n", d.particles(), d.seed(), d.wallSeconds(),
                    d.eventLogSha256(), d.finalStateSha256()));
        }
        return m.append("\n</details>\n").toString();
    }

    private static String pairTable(StudyAnalysis a, StudyTheoryData t) {
        if (t.pairY().length == 0) {
            return "(No 1 - u for this model: d = 2 or b < 1.)\n\n";
        }
        StudyAnalysis.PairPool p = a.pairsWithin(t, 1.0);
        if (p.pairs() == 0) {
            return "No pair inside the range was observed late enough: lower `study.pair_after` or run longer.\n\n";
        }
        return String.format("Inside the range (y < 1), all bins pooled: %.0f pairs, measured %.4f +- %.4f (Poisson standard error), "
                + "1 - u %.4f (same weights).%n%n", p.pairs(), p.measured(), p.se(), p.theory());
    }

    private static StudyRunData first(Study.Result r, long n) {
        return r.runs().stream().filter(x -> x.particles() == n).findFirst().orElseThrow();
    }
}
