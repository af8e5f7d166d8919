package org.coag.cli;

import static org.coag.cli.CliTest.coag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.coag.cli.CliTest.Outcome;
import org.coag.core.config.ConfigReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coag theory ode} with {@code [model.fragmentation]}: the coagulation-fragmentation ODE
 * from a monodisperse start. With the dual rule and f*_n = a = rho / 2 (rho the mass density, here
 * f_1(0)), the equilibrium f_n = a theta^n with sum_n n a theta^n = a theta / (1 - theta)^2 = rho
 * has theta = 1/2 (up to the truncation at M = 32, theta^32 ~ 1e-10): f_1 = rho / 4, f_2 = rho / 8.
 */
class TheoryOdeFragmentationTest {
    private static final String BASE = """
            [model]
            dim = 3
            particles = 2000
            volume_fraction = 0.1
            [time]
            dt_over_eps2 = 0.01
            steps = 20000
            [theory]
            t_end = 0.3
            outputs = 4
            """;

    @TempDir
    Path tmp;

    private static double[] parse(String line) {
        return Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    @Test
    void theDualRuleRelaxesToItsGeometricEquilibriumAndConservesMass() throws IOException {
        double rho = ConfigReader.read(BASE, List.of()).model().initialDensity();
        Path config = tmp.resolve("dual.toml");
        Files.writeString(config, BASE + "[model.fragmentation]\nrule = \"dual\"\nequilibrium = { value = " + rho / 2 + " }\n");
        Outcome o = coag("theory", "ode", "-q", config.toString());
        assertEquals(0, o.code(), o.err());
        String[] lines = o.out().trim().split("\n");
        assertTrue(lines[0].startsWith("t,number,mass,lost,f_1,f_2,"), lines[0]);
        assertEquals(6, lines.length, "header, t = 0 and 4 outputs");
        double[] first = parse(lines[1]);
        double[] last = parse(lines[5]);
        assertEquals(rho, first[4], 1e-12 * rho, "monodisperse start: f_1(0) = rho");
        assertEquals(first[2], last[2], 1e-9 * rho, "the truncated ODE conserves the mass");
        assertEquals(rho / 4, last[4], 1e-4 * rho, "f_1 at equilibrium");
        assertEquals(rho / 8, last[5], 1e-4 * rho, "f_2 at equilibrium");
        assertTrue(o.err().contains("equilibrium of the dual rule"), o.err());
        String mass1 = o.err().lines().filter(l -> l.trim().startsWith("1 ")).findFirst().orElse("");
        assertEquals(rho / 4, Double.parseDouble(mass1.trim().split("\\s+")[2]), 1e-8 * rho, "the listed equilibrium f_1: " + mass1);
    }

    @Test
    void givenRatesSolveWithoutAnEquilibriumAndAClassicalKernelIsRefused() throws IOException {
        Path config = tmp.resolve("rate.toml");
        Files.writeString(config, BASE + "[model.fragmentation]\nrule = \"rate\"\nrate = { type = \"constant\", value = 10.0 }\n");
        Outcome o = coag("theory", "ode", "-q", config.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("not known in closed form"), o.err());
        String[] lines = o.out().trim().split("\n");
        assertEquals(parse(lines[1])[2], parse(lines[lines.length - 1])[2], 1e-9 * parse(lines[1])[2], "mass conserved");
        Outcome bad = coag("theory", "ode", "-q", config.toString(), "--set", "theory.kernel=\"constant\"");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("theory.kernel"), bad.err());
    }
}
