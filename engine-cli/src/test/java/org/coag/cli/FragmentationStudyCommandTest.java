package org.coag.cli;

import static org.coag.cli.CliTest.coag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coag.cli.CliTest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coag study} with {@code [model.fragmentation]}: the example config end to end at its two smaller N with two
 * seeds, the report's ODE column against the study's theory.json, the equilibrium column against the closed form
 * f_n = a theta^n (a = 10, Z = 20: theta = 1/2), the measured totals near the ODE, and a second run resuming nothing.
 */
class FragmentationStudyCommandTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "frag-study.toml");

    @TempDir
    Path tmp;

    @Test
    void theExampleRunsAgainstTheCoagulationFragmentationOde() throws IOException {
        Path dir = tmp.resolve("study");
        String[] args = {"study", EXAMPLE.toString(), "-o", dir.toString(), "-q", "--set", "study.seeds=2", "--set",
            "study.particles=[500, 1000]"};
        Outcome first = coag(args);
        assertEquals(0, first.code(), first.err());
        assertEquals(4, first.err().lines().filter(l -> l.startsWith("task ")).count(), first.err());
        for (String f : List.of("report.md", "summary.csv", "tasks.csv", "theory.json", "plots/densities.png", "plots/densities.svg",
                "tasks/N500-seed1/result.json")) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
        JsonNode theory = new ObjectMapper().readTree(dir.resolve("theory.json").toFile());
        List<String> rows = Files.readAllLines(dir.resolve("summary.csv"));
        assertEquals("N,seeds,t,mass,measured,measured_se,ode,ode_naive,error,error_se,equilibrium", rows.get(0));
        assertEquals(1 + 2 * 7 * 4, rows.size(), "two N, seven times (t = 0 included), masses 1, 2, 3 and all");
        int finals = 0;
        for (int r = 1; r < rows.size(); r++) {
            String[] c = rows.get(r).split(",", -1);
            int k = (r - 1) / 4 % 7;
            JsonNode totals = theory.get("totals").get(k);
            double ode = 0;
            if (c[3].equals("all")) {
                for (JsonNode v : totals) {
                    ode += v.asDouble();
                }
            } else {
                ode = totals.get(Integer.parseInt(c[3]) - 1).asDouble();
            }
            assertEquals(ode, Double.parseDouble(c[6]), 1e-12 * ode, rows.get(r));
            double measured = Double.parseDouble(c[4]);
            if (ode > 0) {
                assertEquals(measured / ode - 1, Double.parseDouble(c[8]), 1e-12, rows.get(r));
            } else {
                assertEquals("", c[8], "no relative error against an ODE value of 0 (masses 2 and 3 at t = 0): " + rows.get(r));
            }
            double theta = 0.5;
            double eq = c[3].equals("all") ? 10 * theta / (1 - theta) : 10 * Math.pow(theta, Integer.parseInt(c[3]));
            assertEquals(eq, Double.parseDouble(c[10]), 1e-5 * eq, "the dual equilibrium a theta^n, a theta / (1 - theta)^2 = Z");
            if (k == 6 && c[3].equals("all")) {
                finals++;
                assertTrue(Math.abs(Double.parseDouble(c[8])) < 0.06, "all masses at t_end within 6 % of the ODE (about 5 "
                        + "standard errors at N = 500, 2 seeds): " + rows.get(r));
            }
        }
        assertEquals(2, finals);
        String report = Files.readString(dir.resolve("report.md"));
        assertTrue(report.contains("# coag study: coagulation with fragmentation") && report.contains("| t | ODE | N = 500 | N = 1000 |")
                && report.contains("(two-point slope, not a fit)") && !report.contains("NaN"), report);
        Outcome again = coag(args);
        assertEquals(0, again.code(), again.err());
        assertEquals(0, again.err().lines().filter(l -> l.startsWith("task ")).count(), "nothing left to run: " + again.err());
    }

    @Test
    void refusesAFreeSpaceStartInOneLine() throws IOException {
        Path cfg = tmp.resolve("free.toml");
        Files.writeString(cfg, Files.readString(EXAMPLE) + "\n[domain]\ntype = \"free\"\nside = 2.0\n[initial]\ntype = \"gaussian\"\n"
                + "sigma = 0.1\n");
        Outcome o = coag("study", cfg.toString(), "-o", tmp.resolve("free").toString(), "-q");
        assertEquals(1, o.code());
        assertTrue(o.err().startsWith("coag: error: study: a study with [model.fragmentation] compares with the homogeneous")
                && o.err().lines().count() == 1, o.err());
    }
}
