package org.coag.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KernelTest {
    @Test
    void unitBallVolumes() {
        assertEquals(Math.PI, RadialKernel.unitBallVolume(2), 1e-15);
        assertEquals(4 * Math.PI / 3, RadialKernel.unitBallVolume(3), 1e-15);
        assertEquals(Math.PI * Math.PI / 2, RadialKernel.unitBallVolume(4), 1e-15);
    }

    @Test
    void tableKernelReproducesDoiAndBump() {
        TableKernel flat = new TableKernel(new double[] {0, 0.5, 1}, new double[] {1, 1, 1});
        BumpKernel bump = new BumpKernel();
        int points = 2001;
        double[] r = new double[points];
        double[] v = new double[points];
        for (int i = 0; i < points; i++) {
            r[i] = (double) i / (points - 1);
            v[i] = i == points - 1 ? 0 : bump.value(r[i] * r[i]);
        }
        TableKernel tabulated = new TableKernel(r, v);
        for (int d = 2; d <= 4; d++) {
            assertEquals(new DoiKernel().integral(d), flat.integral(d), 1e-12, "d = " + d);
            assertEquals(bump.integral(d), tabulated.integral(d), 1e-6 * bump.integral(d), "d = " + d);
        }
        assertEquals(Math.exp(-1), bump.value(0), 1e-16);
        assertEquals(0.0, bump.value(1.0));
        assertEquals(0.0, flat.value(1.0), "nothing at or beyond the support");
        assertEquals(v[1000] + 0.5 * (v[1001] - v[1000]), tabulated.value(Math.pow(0.50025, 2)), 1e-15);
    }
}
