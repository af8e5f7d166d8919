package org.coag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The ETA, driven by a fake clock: none during warm-up, then the smoothed rate's extrapolation. */
class EtaEstimatorTest {
    @Test
    void noEtaDuringWarmUpEvenAfterASlowFirstStep() {
        EtaEstimator e = new EtaEstimator();
        assertTrue(Double.isNaN(e.update(0.5, 1e-5)), "step 1 of a 46 s run after 0.5 s of start-up would say 14 h");
        assertTrue(Double.isNaN(e.update(EtaEstimator.WARMUP_SECONDS - 0.01, 0.05)));
    }

    @Test
    void aSteadyRateAfterASlowStartGivesTheTrueRemainingTime() {
        EtaEstimator e = new EtaEstimator();
        double slowStart = 0.01;
        double rate = 1.0 / 46;
        double eta = Double.NaN;
        for (double t = 0; t <= 20; t += 0.25) {
            double done = t < 3 ? slowStart * t / 3 : slowStart + rate * (t - 3);
            eta = e.update(t, done);
        }
        double done = slowStart + rate * 17;
        assertEquals((1 - done) / rate, eta, 1e-9, "only the rate after the warm-up counts");
    }

    @Test
    void aRateChangeIsFollowedWithinAFewSmoothingTimes() {
        EtaEstimator e = new EtaEstimator();
        double done = 0;
        double eta = Double.NaN;
        double t = 0;
        for (; t < 10; t += 1) {
            done += 0.01;
            eta = e.update(t, done);
        }
        double halfSpeed = 0.005;
        double justAfter = Double.NaN;
        for (int k = 0; k < 60; k++, t += 1) {
            done += halfSpeed;
            eta = e.update(t, done);
            if (k == 0) {
                justAfter = eta;
            }
        }
        double truth = (1 - done) / halfSpeed;
        assertTrue(justAfter < 0.8 * (1 - (done - 59 * halfSpeed)) / halfSpeed, "smoothed: one slow second does not double the ETA");
        assertEquals(truth, eta, 0.01 * truth, "after 6 smoothing times the new rate dominates");
    }

    @Test
    void clockFormatsHoursMinutesAndSecondsAndHidesNonsense() {
        assertEquals("46s", ProgressBar.clock(46.2));
        assertEquals("1m05s", ProgressBar.clock(65));
        assertEquals("9h16m", ProgressBar.clock(9 * 3600 + 16 * 60));
        assertEquals("--", ProgressBar.clock(Double.NaN));
    }
}
