package org.coag.cli;

import static org.coag.cli.CliTest.coag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coag.cli.CliTest.Outcome;
import org.coag.core.theory.lattice.LatticeRecipe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coag study} over the lattice side L: the example config end to end (two seeds), its report against
 * the lattice recipe's ODE, resume, the tasks listing, and the one-line refusals of what it does not run.
 */
class LatticeStudyTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "lattice-study.toml");

    @TempDir
    Path tmp;

    @Test
    void theExampleRunsReportsAndResumes() throws IOException {
        Path dir = tmp.resolve("study");
        Outcome first = coag("study", EXAMPLE.toString(), "-o", dir.toString(), "-q", "--set", "study.seeds=2");
        assertEquals(0, first.code(), first.err());
        assertEquals(6, first.err().lines().filter(l -> l.startsWith("task ")).count(), first.err());
        for (String f : List.of("report.md", "summary.csv", "tasks.csv", "theory.json", "plots/lattice-error.png",
                "plots/lattice-error.svg", "tasks/L8-seed1/result.json", "tasks/L32-seed2/summary.json")) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
        List<String> rows = Files.readAllLines(dir.resolve("summary.csv"));
        assertEquals("L,seeds,tau,h,h_se,h_ode,h_naive,error,error_se", rows.get(0));
        assertEquals(1 + 3 * 4, rows.size(), "three sides, four scaled times each");
        double beta = LatticeRecipe.rate(3, Double.POSITIVE_INFINITY, 1, 1);
        double[] error = new double[3];
        int i = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",");
            int side = Integer.parseInt(c[0]);
            double tau = Double.parseDouble(c[2]);
            double t = tau * side * side;
            assertEquals(1 / (1 + beta * t / 2), Double.parseDouble(c[5]), 1e-12, "one walker per site: h_ODE = 1 / (1 + beta t / 2)");
            assertEquals(1 / (1 + 2 * t / 2), Double.parseDouble(c[6]), 1e-12, "no depletion: beta = 2 d(1) = 2");
            double h = Double.parseDouble(c[3]);
            assertEquals(Double.parseDouble(c[5]) / h - 1, Double.parseDouble(c[7]), 1e-12);
            if (tau == 0.125) {
                error[i++] = Double.parseDouble(c[7]);
            }
        }
        assertEquals(3, i, "tau_end = t_end / L0^2 = 32 / 16^2 at every L");
        assertTrue(error[0] > error[1] && error[1] > error[2] && error[2] > 0, "the error falls with L towards the recipe's ODE: "
                + java.util.Arrays.toString(error));
        String report = Files.readString(dir.resolve("report.md"));
        assertTrue(report.contains("| tau = t / L^2 | L = 8 | L = 16 | L = 32 | exponent of L |") && report.contains("(3 L) |")
                && !report.contains("NaN"), report);
        assertTrue(Files.readAllLines(dir.resolve("tasks.csv")).get(6).matches("32,2,reference,[^,]+,[0-9a-f]{64},[0-9a-f]{64}"));

        Outcome again = coag("study", EXAMPLE.toString(), "-o", dir.toString(), "-q", "--set", "study.seeds=2");
        assertEquals(0, again.code(), again.err());
        assertEquals(0, again.err().lines().filter(l -> l.startsWith("task ")).count(), "nothing left to run: " + again.err());
        Outcome tasks = coag("study", "tasks", dir.toString());
        assertTrue(tasks.out().contains("L = 32") && tasks.out().contains("6 tasks: {done=6}"), tasks.out());
        Outcome extended = coag("study", EXAMPLE.toString(), "-o", dir.toString(), "-q", "--set", "study.seeds=2",
                "--set", "study.sides=[8, 16, 32, 12]");
        assertEquals(0, extended.code(), extended.err());
        assertEquals(2, extended.err().lines().filter(l -> l.startsWith("task ")).count(), "only the new side runs: " + extended.err());
        assertEquals(1 + 4 * 4, Files.readAllLines(dir.resolve("summary.csv")).size());
    }

    @Test
    void refusesWhatItDoesNotRunInOneLine() throws IOException {
        String text = Files.readString(EXAMPLE);
        for (String[] c : new String[][] {
            {"model.lattice.boundary=\"reflecting\"", "there is none for this config: it is for the torus"},
            {"study.particles=[100]", "study.particles: does not apply to a lattice study"},
            {"model.lattice.start=\"one_site\"", "a start spread over the sites", "model.particles=100"}}) {
            Path cfg = tmp.resolve("bad.toml");
            Files.writeString(cfg, text);
            List<String> args = new java.util.ArrayList<>(List.of("study", cfg.toString(), "-o", tmp.resolve("bad").toString(), "-q",
                    "--set", c[0]));
            if (c.length > 2) {
                args.addAll(List.of("--set", c[2]));
            }
            Outcome o = coag(args.toArray(String[]::new));
            assertEquals(1, o.code(), c[0]);
            assertTrue(o.err().startsWith("coag: error: ") && o.err().contains(c[1]) && o.err().lines().count() == 1, o.err());
        }
    }
}
