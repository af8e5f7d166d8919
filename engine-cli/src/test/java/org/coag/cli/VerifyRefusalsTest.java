package org.coag.cli;

import static org.coag.cli.CliTest.coag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coag.cli.CliTest.Outcome;
import org.coag.core.backend.Backend;
import org.coag.core.backend.Backends;
import org.coag.core.config.ConfigReader;
import org.coag.core.model.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coag verify} on the models some backends refuse (the lattice walkers, fragmentation): every backend
 * whose {@code unsupported} is null runs, the others are listed as refused with their own reason, and with
 * only one left it says that nothing was compared.
 */
class VerifyRefusalsTest {
    static final String LATTICE = String.join("\n", "[model]", "space = \"lattice\"", "dim = 3", "mode = \"coagulation\"",
            "[model.lattice]", "side = 6", "coalescence = \"instantaneous\"", "[time]", "dt = 1.0", "t_end = 8.0");
    static final String FRAGMENTATION = String.join("\n", "[model]", "dim = 3", "particles = 300", "volume_fraction = 0.1",
            "[model.fragmentation]", "rule = \"dual\"", "equilibrium = { type = \"constant\", value = 22.9 }",
            "[time]", "dt_over_eps2 = 0.01", "steps = 20");

    @TempDir
    Path tmp;

    @Test
    void latticeRunsWhereItCanAndListsTheRefusals() throws IOException {
        check(LATTICE);
    }

    @Test
    void fragmentationRunsWhereItCanAndListsTheRefusals() throws IOException {
        check(FRAGMENTATION);
    }

    private void check(String config) throws IOException {
        Path cfg = tmp.resolve("model.toml");
        Files.writeString(cfg, config);
        ModelSpec spec = ConfigReader.read(config, List.of()).model();
        Outcome o = coag("verify", cfg.toString(), "-q");
        assertEquals(0, o.code(), o.out() + o.err());
        int ran = 0;
        for (Backend b : Backends.all()) {
            String why = BackendChoice.reason(b, spec);
            List<String> rows = o.out().lines().filter(l -> l.startsWith(b.name() + " ")).toList();
            assertEquals(1, rows.size(), b.name() + " has one row: " + o.out());
            if (why == null) {
                ran++;
                assertTrue(rows.get(0).matches(".*[0-9a-f]{64}  [0-9a-f]{64}"), rows.get(0));
            } else {
                assertTrue(rows.get(0).contains("refused: " + why), rows.get(0));
            }
        }
        assertTrue(ran >= 1 && o.out().contains("reference "), "the reference runs every model: " + o.out());
        assertEquals(ran == 1, o.out().contains("not compared: only reference can run this config here"), o.out());
        int refused = Backends.all().size() - ran;
        String identical = refused == 0 ? "identical: every backend gave the same event log and final state"
                : "identical: every backend that can run this config gave the same event log and final state (" + refused
                + " refused it, listed above)";
        assertEquals(ran >= 2, o.out().contains(identical), o.out());
    }
}
