package org.coag.cli;

import static org.coag.cli.CliTest.coag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coag.cli.CliTest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coag theory transient} as a user runs it. */
class TheoryTransientCommandTest {
    @TempDir
    Path tmp;

    /**
     * Doi kernel, d = 3, alpha = 2, D = 2: c = 1, k(0+) = c |B| = 4 pi / 3; at tau = 1e-4 the short-time
     * expansion k = c|B| - c^2 |B| tau + (2/3) c^2 |S| tau^(3/2) / sqrt(pi) + O(tau^2) (see PairTransientTest),
     * K = c|B| tau - c^2 |B| tau^2 / 2 + (4/15) c^2 |S| tau^(5/2) / sqrt(pi) + O(tau^3); k decreases towards g = 4 pi (1 - tanh 1).
     */
    @Test
    void writesTheCurveAndPrintsItsLimits() throws IOException {
        Path csv = tmp.resolve("k.csv");
        Outcome o = coag("theory", "transient", "--kernel", "doi", "--alpha", "2", "--D", "2", "--dim", "3",
                "--tau-min", "1e-4", "--tau-max", "1e4", "--points", "17", "--out", csv.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("k(0+) = c * integral V           4.18879020479"), o.out());
        double g = 4 * Math.PI * (1 - Math.tanh(1));
        assertTrue(o.out().contains(String.format("k(inf) = g(c) = beta / D       %.12g", g)), o.out());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("tau,k,K", lines.get(0));
        assertEquals(18, lines.size());
        double[] first = parse(lines.get(1));
        assertEquals(1e-4, first[0], 1e-16);
        double tau = 1e-4;
        double k0 = 4 * Math.PI / 3;
        assertEquals(k0 * (1 - tau) + 2.0 / 3 * 4 * Math.PI * Math.pow(tau, 1.5) / Math.sqrt(Math.PI), first[1], 1e-7);
        assertEquals(k0 * (tau - tau * tau / 2) + 4.0 / 15 * 4 * Math.PI * Math.pow(tau, 2.5) / Math.sqrt(Math.PI), first[2], 1e-12);
        double previous = Double.POSITIVE_INFINITY;
        for (String line : lines.subList(1, lines.size())) {
            double[] row = parse(line);
            assertTrue(row[1] < previous && row[1] > g, line);
            previous = row[1];
        }
        assertEquals(1e4, parse(lines.get(17))[0], 1e-6);
        Outcome again = coag("theory", "transient", "--alpha", "2", "--out", csv.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already exists"), again.err());
        assertEquals(0, coag("theory", "transient", "--alpha", "2", "--points", "3", "--out", csv.toString(), "--force").code());
        assertEquals(4, Files.readAllLines(csv).size());
    }

    @Test
    void planarRunAndBadOptions() {
        Outcome o = coag("theory", "transient", "--kernel", "bump", "--alpha", "1", "--D", "1", "--dim", "2", "--points", "4");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("k(inf) = 0 in d = 2"), o.out());
        Outcome bad = coag("theory", "transient", "--kernel", "gauss", "--alpha", "2");
        assertEquals(1, bad.code());
        assertEquals(1, bad.err().trim().split("\n").length, bad.err());
        assertTrue(bad.err().startsWith("coag: error: --kernel: unknown kernel 'gauss'"), bad.err());
        Outcome range = coag("theory", "transient", "--alpha", "2", "--tau-min", "10", "--tau-max", "1");
        assertEquals(1, range.code());
        assertTrue(range.err().contains("--tau-min and --tau-max"), range.err());
    }

    private static double[] parse(String line) {
        String[] f = line.split(",");
        double[] v = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            v[i] = Double.parseDouble(f[i]);
        }
        return v;
    }
}
