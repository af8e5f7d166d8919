package org.coag.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coag.core.config.ConfigReader;
import org.coag.core.model.ModelSpec;
import org.junit.jupiter.api.Test;

class AutoBackendTest {
    private static ModelSpec spec(int particles) {
        return ConfigReader.read(ConfigReader.defaultConfigText(), List.of("model.particles=" + particles)).model();
    }

    /** A stand-in with a name and an optional reason it cannot run. */
    private static Backend fake(String name, String unavailable) {
        return new Backend() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return name;
            }

            @Override
            public Simulation create(ModelSpec spec, long seed, ParticleState state, long firstStep, BackendOptions options) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String unavailableReason() {
                return unavailable;
            }
        };
    }

    private static final List<Backend> ALL = List.of(fake("reference", null), fake("cpu", null), fake("opencl", null));

    @Test
    void belowTheCrossoverTheReferenceRuns() {
        AutoBackend.Choice c = AutoBackend.choose(spec(AutoBackend.CPU_MIN_PARTICLES - 1), ALL);
        assertEquals("reference", c.backend().name());
        assertTrue(c.reason().contains("thread hand-off"), c.reason());
    }

    @Test
    void fromTheCrossoverTheCpuBackendRunsAndOpenClIsNeverChosen() {
        assertEquals("cpu", AutoBackend.choose(spec(AutoBackend.CPU_MIN_PARTICLES), ALL).backend().name());
        assertEquals("cpu", AutoBackend.choose(spec(1_000_000), ALL).backend().name());
    }

    @Test
    void aCpuBackendThatCannotRunFallsBackToTheReferenceAndSaysWhy() {
        AutoBackend.Choice c = AutoBackend.choose(spec(100_000), List.of(fake("reference", null), fake("cpu", "no Vector API")));
        assertEquals("reference", c.backend().name());
        assertTrue(c.reason().contains("no Vector API"), c.reason());
        assertEquals("reference", AutoBackend.choose(spec(100_000), List.of(fake("reference", null))).backend().name());
    }

    @Test
    void theDefaultConfigAsksForAutoAndANamedBackendIsTakenAsNamed() {
        assertEquals(AutoBackend.AUTO, ConfigReader.read(ConfigReader.defaultConfigText(), List.of()).run().backend());
        assertEquals("reference", AutoBackend.resolve("reference", spec(1_000_000)).backend().name());
    }
}
