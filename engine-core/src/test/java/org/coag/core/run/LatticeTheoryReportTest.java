package org.coag.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coag.core.config.ConfigReader;
import org.coag.core.model.ModelSpec;
import org.coag.core.theory.lattice.LatticeGreen;
import org.coag.core.theory.lattice.TorusMeeting;
import org.junit.jupiter.api.Test;

/** The lattice theory's summary fields: when they are given, and that they are the theory's numbers. */
class LatticeTheoryReportTest {
    private static ModelSpec spec(String mode, int dim, int side, String boundary, String coalescence, String extra) {
        String toml = String.join("\n", "[model]", "space = \"lattice\"", "dim = " + dim, "mode = \"" + mode + "\"",
                "[model.lattice]", "side = " + side, "boundary = \"" + boundary + "\"", "coalescence = \"" + coalescence + "\"",
                "start = \"one_per_site\"", extra, "[time]", "dt = 1.0", "steps = 10");
        return ConfigReader.read(toml, List.of()).model();
    }

    private static Map<String, Object> report(ModelSpec s, long walkers, double time) {
        Map<String, Object> m = new LinkedHashMap<>();
        LatticeTheoryReport.add(m, s, walkers, time);
        return m;
    }

    /**
     * Rate-1 walkers coalescing on arrival in d = 3: beta = D / G_3 with D = 2 (the escape-rate form),
     * the ODE from density 1 gives h = 1 / (1 + beta t / 2) in coagulation, the no-depletion ODE the same
     * with beta = 2, and on T_4^3 the Kingman rate is one over the exact mean meeting time
     * (the report's spectral sum against the linear system).
     */
    @Test
    void instantaneousCoagulationOnASmallTorusGetsTheRecipeTheOdeAndKingman() {
        ModelSpec s = spec("coagulation", 3, 4, "torus", "instantaneous", "");
        double t = 10;
        Map<String, Object> m = report(s, 64, t);
        double beta = 2 / LatticeGreen.atOrigin(3);
        assertEquals(beta, (Double) m.get("lattice_beta"), 1e-12 * beta);
        assertFalse(m.containsKey("lattice_kappa"), "kappa is infinite for coalescence on arrival");
        assertEquals(1 / (1 + beta * t / 2), (Double) m.get("lattice_survivor_fraction_predicted"), 1e-12);
        assertEquals(1 / (1 + t), (Double) m.get("lattice_survivor_fraction_no_depletion"), 1e-12);
        double meeting = TorusMeeting.of(3, 4, 2, Double.POSITIVE_INFINITY).fromStationary();
        assertEquals(1 / meeting, (Double) m.get("lattice_kingman_pair_rate"), 1e-9 / meeting);
        assertTrue(m.containsKey("lattice_kingman_mean_walkers"));
    }

    /**
     * Annihilation at rate kappa = 1 on T_16^3, from half the sites: beta = 1 / (1 + G_3 / 2), n' = -beta n^2,
     * so h = 1 / (1 + beta n(0) t); the naive ODE has kappa; Kingman's count is for coagulation only.
     */
    @Test
    void rateAnnihilationGetsTheNaiveKappaBeside() {
        ModelSpec s = spec("annihilation", 3, 16, "torus", "rate", "[model.alpha]\nvalue = 1.0");
        double t = 7;
        Map<String, Object> m = report(s, 2048, t);
        double beta = 1 / (1 + LatticeGreen.atOrigin(3) / 2);
        assertEquals(beta, (Double) m.get("lattice_beta"), 1e-12);
        assertEquals(1.0, (Double) m.get("lattice_kappa"));
        assertEquals(1 / (1 + beta * 0.5 * t), (Double) m.get("lattice_survivor_fraction_predicted"), 1e-12);
        assertEquals(1 / (1 + 0.5 * t), (Double) m.get("lattice_survivor_fraction_naive"), 1e-12);
        assertTrue(m.containsKey("lattice_kingman_pair_rate"));
        assertFalse(m.containsKey("lattice_kingman_mean_walkers"));
    }

    @Test
    void runsOutsideTheTheoryGetANoteInstead() {
        assertNote(spec("coagulation", 3, 8, "reflecting", "instantaneous", ""), "torus");
        assertNote(spec("coagulation", 2, 8, "torus", "instantaneous", ""), "d >= 3");
        assertNote(spec("coagulation", 3, 8, "torus", "instantaneous", "[model.diffusion]\ntype = \"power\"\ncoefficient = 1.0\nexponent = -1.0"),
                "jump rate");
        assertNote(spec("coagulation", 3, 8, "torus", "rate", "[model.alpha]\ntype = \"formula\"\nexpression = \"n + m\""), "coalescence rate");
    }

    private static void assertNote(ModelSpec s, String reason) {
        Map<String, Object> m = report(s, 100, 1);
        assertFalse(m.containsKey("lattice_beta"));
        assertTrue(((String) m.get("lattice_theory_note")).contains(reason), (String) m.get("lattice_theory_note"));
    }
}
