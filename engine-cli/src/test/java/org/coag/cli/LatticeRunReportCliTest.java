package org.coag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coag run} on a lattice torus prints the lattice theory beside the measurement (docs/lattice.md, "Outputs"). */
class LatticeRunReportCliTest {
    private static final String TORUS = """
            [model]
            space = "lattice"
            dim = 3
            mode = "coagulation"
            [model.lattice]
            side = 6
            boundary = "%s"
            coalescence = "instantaneous"
            start = "one_per_site"
            [time]
            dt = 1.0
            t_end = 20.0
            """;

    @TempDir
    Path tmp;

    @Test
    void torusRunPrintsTheRecipeTheOdeAndKingmanAndWritesThemToTheSummary() throws IOException {
        Path config = tmp.resolve("torus.toml");
        Files.writeString(config, TORUS.formatted("torus"));
        Path out = tmp.resolve("run");
        CliTest.Outcome o = CliTest.coag("run", config.toString(), "--out", out.toString(), "-q", "--backend", "reference");
        assertEquals(0, o.code(), o.err());
        Map<String, Object> s = CliTest.json(out.resolve("summary.json"));
        double h = ((Number) s.get("survivor_fraction")).doubleValue();
        double predicted = ((Number) s.get("lattice_survivor_fraction_predicted")).doubleValue();
        assertFalse(s.containsKey("lattice_kappa"), "kappa is infinite on arrival: no number in JSON");
        for (String key : new String[] {"lattice_beta", "lattice_survivor_fraction_no_depletion", "lattice_kingman_pair_rate"}) {
            assertTrue(s.containsKey(key), key);
        }
        assertTrue(o.out().contains("lattice recipe beta"), o.out());
        assertTrue(o.out().matches("(?s).*naive kappa\\s+inf.*"), o.out());
        assertTrue(o.out().contains(String.format(Locale.ROOT, "%+11.2f%%", 100 * (h / predicted - 1))), o.out());
        assertTrue(o.out().contains("Kingman pair rate"), o.out());
    }

    @Test
    void boxRunSaysWhyThereIsNoPrediction() throws IOException {
        Path config = tmp.resolve("box.toml");
        Files.writeString(config, TORUS.formatted("reflecting"));
        Path out = tmp.resolve("box");
        CliTest.Outcome o = CliTest.coag("run", config.toString(), "--out", out.toString(), "-q", "--backend", "reference");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("no lattice theory prediction: it is for the torus"), o.out());
        assertFalse(CliTest.json(out.resolve("summary.json")).containsKey("lattice_beta"));
    }
}
