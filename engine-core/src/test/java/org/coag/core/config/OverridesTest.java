package org.coag.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coag.core.model.ModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --set} of one of several alternative keys replaces the others; {@code --unset} removes a key. */
class OverridesTest {
    private static final String DEFAULT = ConfigReader.defaultConfigText();

    @Test
    void stepsReplacesTheDefaultConfigsEndTime() {
        RunConfig c = ConfigReader.read(DEFAULT, List.of("time.steps=3000"));
        assertEquals(3000, c.run().steps());
        assertTrue(!c.resolvedToml().contains("t_end"), c.resolvedToml());
    }

    @Test
    void endTimeReplacesSteps() {
        RunConfig steps = ConfigReader.read(DEFAULT, List.of("time.steps=3000"));
        double dt = steps.model().dt();
        RunConfig back = ConfigReader.read(steps.resolvedToml(), List.of("time.t_end=" + 10.5 * dt));
        assertEquals(11, back.run().steps(), "ceil(t_end / dt)");
    }

    @Test
    void epsReplacesTheVolumeFraction() {
        assertEquals(1e-3, ConfigReader.read(DEFAULT, List.of("model.eps=1e-3")).model().eps());
        assertEquals(2.0 / 20000, ConfigReader.read(DEFAULT, List.of("model.Z=2")).model().eps(), 1e-18);
    }

    @Test
    void pointsReplacesEveryStepsAndTheLastOfTwoAlternativesWins() {
        RunConfig every = ConfigReader.read(DEFAULT, List.of("time.steps=1000", "observe.every_steps=7"));
        assertEquals(7, every.run().observeEvery());
        RunConfig points = ConfigReader.read(every.resolvedToml(), List.of("observe.points=10"));
        assertEquals(100, points.run().observeEvery());
        assertEquals(3000, ConfigReader.read(DEFAULT, List.of("time.t_end=1", "time.steps=3000")).run().steps());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "steps = 10\\nt_end = 1.0 | exactly one of time.t_end or time.steps",
        "steps = 10\\ndt = 1e-9\\ndt_over_eps2 = 0.01 | either time.dt or time.dt_over_eps2",
        "steps = 10\\nscheme = \"adaptive\"\\nmacro_dt = 1e-3\\nmacro_over_spacing2 = 0.1 | either time.macro_dt"})
    void bothAlternativesInAFileAreStillAnError(String time, String message) {
        String cfg = "[model]\nparticles = 1000\neps = 0.001\n[time]\n" + time.replace("\\n", "\n") + "\n";
        ModelException e = assertThrows(ModelException.class, () -> ConfigReader.read(cfg, List.of()));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        String both = "[model]\nparticles = 1000\neps = 0.001\nZ = 1.0\n[time]\nsteps = 10\n";
        assertTrue(assertThrows(ModelException.class, () -> ConfigReader.read(both, List.of())).getMessage().contains("exactly one of"));
    }

    @Test
    void unsetRemovesAKeySoItsDefaultApplies() {
        RunConfig points = ConfigReader.read(DEFAULT, List.of("time.steps=1000", ConfigReader.unset("observe.points")));
        assertEquals(1000 / 200, points.run().observeEvery(), "observe.points defaults to 200");
        ModelException e = assertThrows(ModelException.class, () -> ConfigReader.read(DEFAULT, List.of(ConfigReader.unset("time.t_end"))));
        assertTrue(e.getMessage().contains("exactly one of time.t_end or time.steps"), e.getMessage());
        RunConfig absent = ConfigReader.read(DEFAULT, List.of(ConfigReader.unset("no.such.key")));
        assertEquals(ConfigReader.read(DEFAULT, List.of()).resolvedToml(), absent.resolvedToml(), "removing an absent key changes nothing");
    }
}
