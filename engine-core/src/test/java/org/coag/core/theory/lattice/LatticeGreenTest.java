package org.coag.core.theory.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.coag.core.model.ModelException;
import org.junit.jupiter.api.Test;

/** The Green's function at the origin by three routes that share no code. */
class LatticeGreenTest {
    /** Route (a), the heat-kernel integral, against route (b), Watson's Gamma-function closed form. */
    @Test
    void integralMatchesWatsonsClosedFormInThreeDimensions() {
        double integral = LatticeGreen.atOrigin(3);
        double watson = LatticeGreen.watson3();
        assertEquals(watson, integral, 1e-9 * watson);
        assertEquals(1.516386059, watson, 1e-9, "the value Watson (1939) tabulates");
    }

    /**
     * Route (a) against route (c): the discrete-time series sum_n P(S_2n = 0), P computed from binomial
     * coefficients only (no Bessel function, no integral), extrapolated in 1/N.
     */
    @Test
    void integralMatchesTheReturnSeriesInFourDimensions() {
        double series = ReturnSeries.fourDimensional(1000);
        double integral = LatticeGreen.atOrigin(4);
        assertEquals(series, integral, 1e-9 * series);
        assertEquals(1.2394671218, integral, 1e-9, "Guttmann, J. Phys. A 43 (2010) 305205, hypercubic d = 4");
    }

    /**
     * Every d &gt;= 3: G_d falls with d, and G_d &gt;= 1 + 1/(2d) (the time before the first jump plus the
     * return at the second jump, probability 1/(2d)).
     */
    @Test
    void greensFunctionDecreasesTowardsOneWithDimension() {
        double previous = Double.POSITIVE_INFINITY;
        for (int d = 3; d <= LatticeGreen.MAX_DIM; d++) {
            double g = LatticeGreen.atOrigin(d);
            assertTrue(g > 1 && g < previous, "d = " + d + ": " + g);
            assertTrue(g >= 1 + 1.0 / (2 * d), "d = " + d + ": " + g);
            previous = g;
        }
    }

    @Test
    void recurrentDimensionsAreRefusedInOneLine() {
        ModelException e = assertThrows(ModelException.class, () -> LatticeGreen.atOrigin(2));
        assertTrue(e.getMessage().contains("recurrent"), e.getMessage());
        assertThrows(ModelException.class, () -> LatticeGreen.atOrigin(1));
        assertThrows(ModelException.class, () -> LatticeGreen.atOrigin(9));
    }

    /** exp(-x) I_0(x) against (1/pi) integral_0^pi exp(-2 x sin^2(theta/2)) d theta by the trapezoid rule
     * (exponentially accurate; compensated sum). */
    @Test
    void scaledBesselMatchesItsIntegralRepresentation() {
        for (double x : new double[] {0, 0.3, 2.5, 19.99, 20.01, 47, 1e3, 1e5}) {
            int n = 20_000;
            double sum = 0;
            double carry = 0;
            for (int i = 0; i <= n; i++) {
                double half = Math.sin(Math.PI * i / (2.0 * n));
                double w = i == 0 || i == n ? 0.5 : 1;
                double y = w * Math.exp(-2 * x * half * half) - carry;
                double next = sum + y;
                carry = next - sum - y;
                sum = next;
            }
            double trapezoid = sum / n;
            assertEquals(trapezoid, LatticeGreen.scaledBesselI0(x), 2e-15 * trapezoid + 1e-300, "x = " + x);
        }
    }
}
