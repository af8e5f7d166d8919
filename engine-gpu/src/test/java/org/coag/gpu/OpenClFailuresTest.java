package org.coag.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coag.core.backend.Backend;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.Simulation;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;
import org.coag.core.model.InitialStates;
import org.coag.core.model.ModelException;
import org.coag.core.observe.EventRecorder;
import org.coag.core.reference.ReferenceBackend;
import org.junit.jupiter.api.Test;

/**
 * Runs that must stop fail on the device exactly as on the reference: the same error message
 * after the same events. The device learns of these conditions from its step status (a live mass
 * beyond the d(n) table, a live mass pair beyond the alpha table, a range beyond half the box, a
 * particle at the seam) and the
 * host must throw before it uses a step the reference would not have finished.
 */
class OpenClFailuresTest {
    private static final String COAG = String.join("\n", "[model]", "dim = 3", "mode = \"coagulation\"", "particles = 3000",
            "volume_fraction = 0.01", "[model.kernel]", "type = \"bump\"", "[initial.mass]", "type = \"table\"", "weights = [3, 2, 1]",
            "[time]", "dt_over_eps2 = 0.05", "steps = 3000", "");

    @Test
    void aMassBeyondTheDiffusionTable() {
        same(COAG + "[model.diffusion]\ntype = \"table\"\nvalues = [1.0, 0.8, 0.7, 0.6]\n", "model.diffusion.values: mass 5 exceeds");
    }

    /**
     * With radii the reference computes every live mass's range in id order, so the first particle
     * whose mass pair (m, m) the alpha table lacks is named, on every backend. (Without radii it
     * fails at the first candidate pair it tests that the table lacks: which pair, and in which
     * step, depends on its grid; the device then fails at the first such pair within reach.)
     */
    @Test
    void aMassPairBeyondTheAlphaTableWithRadii() {
        same(COAG + "[model.alpha]\ntype = \"table\"\nvalues = [[20.0, 18.0, 16.0, 14.0], [18.0, 16.0, 14.0, 12.0], "
                + "[16.0, 14.0, 12.0, 10.0], [14.0, 12.0, 10.0, 9.0]]\n[model.radii]\ntype = \"power\"\ncoefficient = 0.5\n"
                + "exponent = 0.3333333333333333\n", "model.alpha.values: mass pair (6, 6)");
    }

    /**
     * Without radii a pair within the search reach whose mass pair the alpha table lacks stops the
     * run: the device raises a flag and the host names the pair from the step's pair list, with the
     * reference's message for that pair.
     */
    @Test
    void aMassPairBeyondTheAlphaTableWithoutRadii() {
        OpenClTests.devicesOrSkip();
        RunConfig cfg = ConfigReader.read(COAG + "[model.alpha]\ntype = \"table\"\nvalues = [[20.0, 18.0, 16.0, 14.0], "
                + "[18.0, 16.0, 14.0, 12.0], [16.0, 14.0, 12.0, 10.0], [14.0, 12.0, 10.0, 9.0]]\n", List.of());
        Outcome ref = run(new ReferenceBackend(), cfg);
        Outcome dev = run(new OpenClBackend(), cfg);
        assertTrue(ref.message().startsWith("model.alpha.values: mass pair ("), ref.message());
        assertTrue(dev.message().startsWith("model.alpha.values: mass pair ("), dev.message());
        System.out.printf("reference: %s after %d events; opencl: %s after %d events%n", ref.message(), ref.events(), dev.message(),
                dev.events());
    }

    /** Radii growing with the mass: the run stops when a live mass's range reaches half the box. */
    @Test
    void aRangeThatOutgrowsTheBox() {
        same(String.join("\n", "[model]", "dim = 2", "mode = \"coagulation\"", "particles = 400", "eps = 0.01", "[model.radii]",
                "type = \"power\"", "coefficient = 5.0", "exponent = 1.0", "[time]", "dt = 1e-5", "steps = 20000", ""),
                "model.radii: the interaction range of mass");
    }

    @Test
    void aParticleAtTheSeam() throws IOException {
        same(Files.readString(Path.of("..", "engine-core", "src", "test", "resources", "configs", "free-space-reaches-seam.toml")),
                "came within one interaction range and one step of the seam");
    }

    private static void same(String toml, String expected) {
        OpenClTests.devicesOrSkip();
        RunConfig cfg = ConfigReader.read(toml, List.of());
        Outcome ref = run(new ReferenceBackend(), cfg);
        Outcome dev = run(new OpenClBackend(), cfg);
        assertTrue(ref.message().contains(expected), ref.message());
        assertEquals(ref.message(), dev.message());
        assertEquals(ref.events(), dev.events(), "events before the failure");
        assertEquals(ref.log(), dev.log(), "event log before the failure");
        System.out.printf("%s after %d events, on both backends%n", ref.message(), ref.events());
    }

    private record Outcome(String message, long events, String log) {
    }

    private static Outcome run(Backend backend, RunConfig cfg) {
        long seed = cfg.run().seed();
        EventRecorder rec = new EventRecorder(null);
        ModelException e = assertThrows(ModelException.class, () -> {
            try (Simulation sim = backend.create(cfg.model(), seed, InitialStates.generate(cfg.model(), seed), 0,
                    new BackendOptions(1, 0))) {
                for (long s = 0; s < cfg.run().steps(); s += 7) {
                    sim.advance(Math.min(7, cfg.run().steps() - s), rec);
                }
            }
        }, backend.name() + " should stop");
        return new Outcome(e.getMessage(), rec.events(), rec.sha256());
    }
}
