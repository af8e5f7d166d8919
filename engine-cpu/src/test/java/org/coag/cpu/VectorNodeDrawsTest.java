package org.coag.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.coag.core.adaptive.BridgePaths;
import org.coag.core.config.ConfigReader;
import org.coag.core.model.ModelSpec;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorNodeDraws} against the scalar {@link BridgePaths} draws bit for bit: d = 2, 3, 4
 * (one and two Philox blocks per node, an unused uniform), batch sizes that leave lane tails, every
 * dyadic level, masses that change d(m) from one request to the next, a macro step above 2^24
 * (the counter's high word) and random parent ends.
 */
class VectorNodeDrawsTest {
    private static ModelSpec spec(int dim) {
        return ConfigReader.read(String.join("\n", "[model]", "dim = " + dim, "particles = 500", "eps = 1e-3",
                "[model.diffusion]", "type = \"power\"", "coefficient = 1.0", "exponent = -0.5",
                "[time]", "scheme = \"adaptive\"", "macro_dt = 1e-3", "dt = 1e-7", "steps = 1"), List.of()).model();
    }

    @Test
    void batchesEqualTheScalarDrawsBitForBit() {
        for (int dim = 2; dim <= 4; dim++) {
            ModelSpec spec = spec(dim);
            long seed = 0x5EEDL + dim;
            int slots = 500;
            SplittableRandom r = new SplittableRandom(dim);
            int[] ids = new int[slots];
            int[] mass = new int[slots];
            long[][] start = new long[dim][slots];
            long[][] end = new long[dim][slots];
            for (int i = 0; i < slots; i++) {
                ids[i] = r.nextInt(1 << 30);
                mass[i] = 1 + r.nextInt(3);
                for (int k = 0; k < dim; k++) {
                    start[k][i] = r.nextLong();
                    end[k][i] = r.nextLong();
                }
            }
            BridgePaths scalar = new BridgePaths(spec, seed);
            BridgePaths vectorPaths = new BridgePaths(spec, seed);
            long macro = (1L << 24) + 5;
            scalar.begin(macro, ids, mass, start, end);
            vectorPaths.begin(macro, ids, mass, start, end);
            VectorNodeDraws vector = new VectorNodeDraws(spec, seed, vectorPaths);
            int levels = Long.numberOfTrailingZeros(scalar.top());
            for (int n : new int[] {1, 7, 64, 333}) {
                for (int level = 1; level <= levels; level++) {
                    int[] slot = new int[n];
                    long[] q = new long[n];
                    long[][] left = new long[dim][n];
                    long[][] right = new long[dim][n];
                    long spacing = scalar.top() >> level;
                    for (int i = 0; i < n; i++) {
                        slot[i] = r.nextInt(slots);
                        q[i] = spacing * (2 * r.nextLong((1L << level) / 2) + 1);
                        for (int k = 0; k < dim; k++) {
                            left[k][i] = r.nextLong();
                            right[k][i] = left[k][i] + (r.nextLong() >> 8);
                        }
                    }
                    long[][] want = new long[dim][n];
                    long[][] got = new long[dim][n];
                    scalar.draw(n, slot, q, left, right, want);
                    vector.draw(n, slot, q, left, right, got);
                    for (int k = 0; k < dim; k++) {
                        assertArrayEquals(want[k], got[k], "d = " + dim + ", n = " + n + ", level " + level + ", coordinate " + k);
                    }
                }
            }
        }
    }
}
