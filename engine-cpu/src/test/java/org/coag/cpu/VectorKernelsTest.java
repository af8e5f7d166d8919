package org.coag.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.coag.core.rng.CounterRng;
import org.coag.core.rng.Gaussians;
import org.coag.core.rng.Purpose;
import org.coag.core.step.MoveParameters;
import org.junit.jupiter.api.Test;

/**
 * The vector kernels lane by lane against the scalar code they replace, on inputs chosen to reach
 * every branch: AS241's central and both tail branches, fdlibm's log near powers of two (its
 * small-f branch) and on both sides of its polynomial split, the extreme 53-bit uniforms, rint ties
 * and increments beyond 2^52.
 */
class VectorKernelsTest {
    @Test
    void philoxUniformsEqualTheScalarStream() {
        int n = 1000 + 3;
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i * 7919 + 13;
        }
        long seed = 0x123456789ABCDEFL;
        long step = (1L << 32) + 77;
        double[][] u = new double[4][n];
        new VectorNormals(seed).uniforms(ids, 0, n, step, 2, u);
        CounterRng rng = new CounterRng(seed);
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < 2; j++) {
                rng.block(Purpose.MOVE, step, ids[t], j);
                assertEquals(rng.uniform0(), u[2 * j][t], "u0 of block " + j + " particle " + t);
                assertEquals(rng.uniform1(), u[2 * j + 1][t], "u1 of block " + j + " particle " + t);
            }
        }
    }

    @Test
    void normalsEqualAs241BitForBit() {
        SplittableRandom r = new SplittableRandom(42);
        int n = 1 << 20;
        double[] u = new double[n + 5];
        int at = 0;
        double[] special = {0x1p-53, 1 - 0x1p-53, 0.5, 0.075, 0.925, 0.0749999, 0.925001, 1e-11, 1 - 1e-11, 0x1p-40};
        for (double s : special) {
            u[at++] = s;
        }
        for (int e = 4; e <= 52; e++) {
            for (int d = -3; d <= 3; d++) {
                double p = Math.scalb(1.0, -e) + d * Math.ulp(Math.scalb(1.0, -e));
                u[at++] = p;
                u[at++] = 1 - p;
            }
        }
        while (at < u.length) {
            double x = r.nextDouble();
            u[at++] = at % 3 == 0 ? x * 0.08 : at % 3 == 1 ? 1 - x * 0.08 : x;
        }
        for (int i = 0; i < u.length; i++) {
            u[i] = Math.min(1 - 0x1p-53, Math.max(0x1p-53, u[i]));
        }
        double[] z = new double[u.length];
        VectorNormals.normals(u, z, new VectorNormals.Scratch(u.length), u.length);
        for (int i = 0; i < u.length; i++) {
            assertEquals(Double.doubleToRawLongBits(Gaussians.inverseCdf(u[i])), Double.doubleToRawLongBits(z[i]), "u = " + u[i]);
        }
    }

    @Test
    void incrementsEqualScalarRint() {
        int n = 4099;
        long[][] pos = new long[2][n];
        int[] mass = new int[n];
        double[][] z = new double[2][n];
        double[] sigma = {0.0, 1.0, 0x1p53, 3.0};
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < n; i++) {
            mass[i] = i % 4;
            pos[0][i] = r.nextLong();
            pos[1][i] = r.nextLong();
            z[0][i] = (r.nextInt(41) - 20) * 0.5;
            z[1][i] = r.nextGaussian() * 8;
        }
        long[][] expected = {pos[0].clone(), pos[1].clone()};
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 2; k++) {
                expected[k][i] += MoveParameters.increment(sigma[mass[i]], z[k][i]);
            }
        }
        VectorMoves.apply(pos, mass, 0, n, z, sigma, false);
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < n; i++) {
                assertEquals(expected[k][i], pos[k][i], "coordinate " + k + " slot " + i);
            }
        }
    }
}
