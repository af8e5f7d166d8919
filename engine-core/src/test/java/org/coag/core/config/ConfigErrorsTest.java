package org.coag.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every config error path gives one line that names the field. */
class ConfigErrorsTest {
    private static final String BASE = """
            [model]
            particles = 1000
            eps = 0.001
            [time]
            steps = 10
            """;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "model.particles=-5 | model.particles",
        "time.tolerance=1e-3 | time.tolerance: belongs to the adaptive scheme",
        "time.scheme=\"implicit\" | time.scheme",
        "time.scheme=\"adaptive\";time.tolerance=2 | time.tolerance",
        "time.scheme=\"adaptive\";time.macro_dt=1e-3;time.dt=1e-16 | shorten the macro step",
        "model.particles=0 | model.particles",
        "model.particles=2.5 | model.particles",
        "model.particles=\"many\" | model.particles",
        "model.dim=5 | model.dim",
        "model.mode=\"fusion\" | model.mode",
        "model.eps=0.7 | model.eps",
        "model.eps=-1 | model.eps",
        "model.b=1.5 | model.b",
        "model.kernel.type=\"gauss\" | model.kernel.type",
        "model.kernel.type=\"table\" | model.kernel.r",
        "model.alpha.value=-2 | model.alpha.value",
        "model.alpha.type=\"formula\" | model.alpha.expression",
        "model.alpha.type=\"table\" | model.alpha.values",
        "model.diffusion.value=0 | model.diffusion.value",
        "model.diffusion.type=\"power\" | model.diffusion.exponent",
        "model.radii.type=\"cube\" | model.radii.type",
        "model.kernal.type=\"doi\" | model.kernal",
        "domain.side=0 | domain.side",
        "domain.type=\"sphere\" | domain.type",
        "domain.type=\"free\" | initial.type",
        "initial.type=\"box\" | initial.half_width",
        "initial.type=\"ball\" | initial.radius",
        "initial.mass.value=0 | initial.mass.value",
        "initial.mass.type=\"table\" | initial.mass.weights",
        "time.t_end=-1.0 | time.t_end",
        "time.dt=1.0 | time.dt",
        "time.dt_over_eps2=-1 | time.dt_over_eps2",
        "time.stop_at_survivor_fraction=2 | time.stop_at_survivor_fraction",
        "observe.every_steps=0 | observe.every_steps",
        "checkpoint.every_seconds=-1 | checkpoint.every_seconds",
        "run.seed=\"abc\" | run.seed",
        "analysis.fit_from=1.5 | analysis.fit_from",
        "bogus.key=1 | bogus"})
    void oneLineNamingTheField(String override, String field) { // several overrides are separated by ';'
        ModelException e = assertThrows(ModelException.class, () -> ConfigReader.read(BASE, List.of(override.split(";"))));
        assertTrue(e.getMessage().contains(field), "message should name " + field + ": " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void alphaTableAndFormulaErrors() {
        String table = BASE + "[model.alpha]\ntype = \"table\"\nvalues = [[1.0, 2.0], [3.0, 1.0]]\n";
        assertTrue(assertThrows(ModelException.class, () -> ConfigReader.read(table, List.of())).getMessage().contains("symmetric"));
        String formula = BASE + "[model.alpha]\ntype = \"formula\"\nexpression = \"n + * m\"\n";
        assertTrue(assertThrows(ModelException.class, () -> ConfigReader.read(formula, List.of())).getMessage().contains("position"));
        String negative = BASE + "[model.alpha]\ntype = \"formula\"\nexpression = \"1 - n\"\n";
        assertTrue(assertThrows(ModelException.class, () -> ConfigReader.read(negative, List.of())).getMessage().contains("model.alpha.expression"));
    }

    @Test
    void freeSpaceSupportMustStayAwayFromTheSeam() {
        String cfg = BASE + "[domain]\ntype = \"free\"\nside = 1.0\n[initial]\ntype = \"ball\"\nradius = 0.4995\n";
        ModelException e = assertThrows(ModelException.class, () -> ConfigReader.read(cfg, List.of()));
        assertTrue(e.getMessage().contains("seam") && e.getMessage().startsWith("initial"), e.getMessage());
    }

    @Test
    void invalidTomlIsOneLine() {
        ModelException e = assertThrows(ModelException.class, () -> ConfigReader.read("[model\nparticles = 3", List.of()));
        assertTrue(e.getMessage().startsWith("config is not valid TOML"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void epsFromZVolumeFractionAndTheTwoDimensionalRule() {
        ModelSpec z3 = ConfigReader.read("[model]\nparticles = 1000\nZ = 2.0\n[time]\nsteps = 1\n", List.of()).model();
        assertEquals(2.0 / 1000, z3.eps(), 1e-18);
        ModelSpec z4 = ConfigReader.read("[model]\ndim = 4\nparticles = 1000\nZ = 2.0\n[time]\nsteps = 1\n", List.of()).model();
        assertEquals(Math.sqrt(2.0 / 1000), z4.eps(), 1e-15);
        ModelSpec z2 = ConfigReader.read("[model]\ndim = 2\nparticles = 100\nZ = 10.0\n[time]\nsteps = 1\n", List.of()).model();
        assertEquals(Math.exp(-10), z2.eps(), 1e-18);
        ModelSpec phi = ConfigReader.read("[model]\nparticles = 1000\nvolume_fraction = 1e-3\n[time]\nsteps = 1\n", List.of()).model();
        assertEquals(1e-3, phi.volumeFraction(), 1e-15);
    }

    @Test
    void resolvedConfigReadsBackToTheSameModel() {
        RunConfig a = ConfigReader.read(ConfigReader.defaultConfigText(), List.of("model.particles=1234"));
        RunConfig b = ConfigReader.read(a.resolvedToml(), List.of());
        RunConfig c = ConfigReader.read(b.resolvedToml(), List.of());
        assertEquals(b.resolvedToml(), c.resolvedToml(), "resolving is idempotent");
        assertEquals(a.model().eps(), b.model().eps());
        assertEquals(a.model().dt(), b.model().dt());
        assertEquals(a.run(), b.run());
    }
}
