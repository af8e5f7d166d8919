package org.coag.core.run;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.coag.core.backend.ParticleState;
import org.coag.core.model.ModelException;
import org.coag.core.observe.Observable;
import org.coag.core.observe.Timeseries;
import org.junit.jupiter.api.Test;

/**
 * A resume refuses a checkpoint whose observations were taken at another time step than the config
 * gives now (every observation's time is step * dt), e.g. one of an older coag that did not shorten
 * an adaptive run's macro step to end at t_end.
 */
class ResumeTimeStepTest {
    private static Timeseries observedAt(double dt, long... steps) {
        Timeseries t = new Timeseries(0);
        for (long s : steps) {
            t.observe(new Observable.Sample(s, s * dt, new ParticleState(3, 0), 0));
        }
        return t;
    }

    @Test
    void theSameStepResumes() {
        assertDoesNotThrow(() -> RunDriver.checkTimeStep(observedAt(3.393e-5, 0, 10, 20), 3.393e-5));
    }

    @Test
    void anotherStepIsRefusedInOneLine() {
        ModelException e = assertThrows(ModelException.class,
                () -> RunDriver.checkTimeStep(observedAt(3.393e-5, 0, 10, 20), 0.00365 / 108));
        assertTrue(e.getMessage().startsWith("resume: the checkpoint was written with a time step of 3.393"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
