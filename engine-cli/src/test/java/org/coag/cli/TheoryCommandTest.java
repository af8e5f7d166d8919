package org.coag.cli;

import static org.coag.cli.CliTest.coag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coag.cli.CliTest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coag theory beta|ode|pde} as a user runs them. */
class TheoryCommandTest {
    @TempDir
    Path tmp;

    @Test
    void betaPrintsTheRecipeItsClosedFormAndLimitsAndWritesTheProfile() throws IOException {
        Path profile = tmp.resolve("u.csv");
        Outcome o = coag("theory", "beta", "--kernel", "doi", "--alpha", "2", "--D", "2", "--dim", "3", "--profile", profile.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("beta (recipe)                   5.99179238578"), o.out());
        assertTrue(o.out().contains("closed form 4 pi D (1 - tanh k/k) 5.99179238578"), o.out());
        List<String> lines = Files.readAllLines(profile);
        assertEquals("r,u", lines.get(0));
        String[] first = lines.get(1).split(",");
        assertEquals(1 - 1 / Math.cosh(1), Double.parseDouble(first[1]), 1e-9, "u(0) for k = 1");
        Outcome bad = coag("theory", "beta", "--kernel", "gauss", "--alpha", "2");
        assertEquals(1, bad.code());
        assertTrue(bad.err().startsWith("coag: error: --kernel: unknown kernel 'gauss'"), bad.err());
    }

    /** The default run is annihilation to about one half-life: the ODE gives f(t) = f0 / (1 + beta f0 t). */
    @Test
    void odeOfTheDefaultConfigFollowsTheAnnihilationLaw() {
        Outcome o = coag("theory", "ode", "-q", "--set", "theory.outputs=3");
        assertEquals(0, o.code(), o.err());
        String[] lines = o.out().trim().split("\n");
        assertEquals("t,number,mass,lost,f_1", lines[0]);
        assertEquals(5, lines.length, "header, t = 0 and 3 outputs");
        double[] first = parse(lines[1]);
        double[] last = parse(lines[4]);
        double beta = 4 * Math.PI * 2 * (1 - Math.tanh(1) / 1);
        assertEquals(first[4] / (1 + beta * first[4] * last[0]), last[4], 1e-9 * last[4]);
        String summary = o.err().lines().reduce((a, b) -> b).orElse("");
        assertTrue(!summary.contains("mass + lost") && !summary.contains("relative change"), "annihilation conserves nothing: " + summary);
        assertTrue(summary.contains(String.format("%.2f %% of the particles annihilated in pairs", 100 * (1 - last[1] / first[1]))), summary);
        Outcome bad = coag("theory", "ode", "-q", "--set", "initial.type=\"ball\"", "--set", "initial.radius=0.2");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("spatially homogeneous"), bad.err());
    }

    /** theory.kernel = "constant": the number density obeys N' = -K N^2 / 2, N = N0 / (1 + K N0 t / 2). */
    @Test
    void odeWithAClassicalKernel() {
        Outcome o = coag("theory", "ode", "-q", "--set", "model.mode=\"coagulation\"", "--set", "theory.kernel=\"constant\"",
                "--set", "theory.kernel_coefficient=3.0", "--set", "theory.masses=400", "--set", "theory.outputs=2");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("kernel: K = 3.0 (constant) (theory.kernel), not beta"), o.err());
        String[] lines = o.out().trim().split("\n");
        double n0 = parse(lines[1])[1];
        double[] last = parse(lines[3]);
        assertEquals(n0 / (1 + 3 * n0 * last[0] / 2), last[1], 1e-9 * last[1]);
        assertTrue(o.err().contains("mass + lost"), "coagulation keeps its mass balance: " + o.err());
    }

    @Test
    void pdeWritesTotalsFieldsAndMetadata() throws IOException {
        Path out = tmp.resolve("pde");
        Outcome o = coag("theory", "pde", "-q", "-o", out.toString(), "--set", "model.mode=\"coagulation\"",
                "--set", "theory.grid=8", "--set", "theory.masses=6", "--set", "theory.outputs=4",
                "--set", "initial.type=\"ball\"", "--set", "initial.radius=0.3");
        assertEquals(0, o.code(), o.err());
        List<String> totals = Files.readAllLines(out.resolve("totals.csv"));
        assertEquals("t,mass,lost,number,N_1,N_2,N_3,N_4,N_5,N_6", totals.get(0));
        assertEquals(6, totals.size());
        double m0 = parse(totals.get(1))[1];
        double[] end = parse(totals.get(5));
        assertEquals(m0, end[1] + end[2], 1e-12 * m0, "mass + lost conserved");
        byte[] npy = Files.readAllBytes(out.resolve("fields_0004.npy"));
        int headerLength = (npy[8] & 0xFF) | (npy[9] & 0xFF) << 8;
        String header = new String(npy, 10, headerLength, StandardCharsets.US_ASCII);
        assertTrue(header.contains("'shape': (7, 8, 8, 8)"), header);
        assertEquals(0, (10 + headerLength) % 64);
        assertEquals(7 * 512 * 8, npy.length - 10 - headerLength);
        double v = ByteBuffer.wrap(npy, 10 + headerLength, 8).order(ByteOrder.LITTLE_ENDIAN).getDouble();
        assertTrue(v >= 0 && Double.isFinite(v));
        assertTrue(Files.readString(out.resolve("theory.json")).contains("\"beta_11\""));
        Outcome bad = coag("theory", "pde", "-q", "-o", out.toString(), "--force", "--set", "domain.type=\"free\"",
                "--set", "domain.side=3.0", "--set", "initial.type=\"box\"", "--set", "initial.half_width=0.2");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("not radially symmetric"), bad.err());
    }

    private static double[] parse(String line) {
        String[] parts = line.split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Double.parseDouble(parts[i]);
        }
        return v;
    }
}
