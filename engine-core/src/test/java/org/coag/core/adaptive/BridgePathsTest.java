package org.coag.core.adaptive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.coag.core.config.ConfigReader;
import org.coag.core.model.ModelSpec;
import org.junit.jupiter.api.Test;

/** The Levy construction of {@link BridgePaths}: order independence and the bridge's law. */
class BridgePathsTest {
    static ModelSpec spec(String extra) {
        return ConfigReader.read(String.join("\n", "[model]", "dim = 3", "particles = 2000", "eps = 1e-4",
                "[time]", "scheme = \"adaptive\"", "macro_dt = 1e-4", "dt = 1e-7", "steps = 1", extra), List.of()).model();
    }

    private static long[][] positions(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[][] p = new long[3][n];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < n; i++) {
                p[c][i] = r.nextLong();
            }
        }
        return p;
    }

    /** Nodes asked for in opposite orders by two instances are equal bit for bit (any worker, any pair order). */
    @Test
    void nodesDoNotDependOnTheOrderTheyAreAskedFor() {
        ModelSpec spec = spec("");
        int n = 50;
        int[] ids = new int[n];
        int[] mass = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = 3 * i + 1;
            mass[i] = 1 + i % 3;
        }
        long[][] start = positions(n, 1);
        long[][] end = positions(n, 2);
        BridgePaths a = new BridgePaths(spec, 9);
        BridgePaths b = new BridgePaths(spec, 9);
        a.begin(7, ids, mass, start, end);
        b.begin(7, ids, mass, start, end);
        long top = a.top();
        long[] qs = {top / 2, top / 4, 3 * top / 4, 1, top - 1, top / 2 + 1, 12345 % top};
        long[] x = new long[3];
        long[] y = new long[3];
        long[][] seenA = new long[n * qs.length][];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (long q : qs) {
                a.position(i, 0, q, x);
                seenA[k++] = x.clone();
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            for (int j = qs.length - 1; j >= 0; j--) {
                b.position(i, 0, qs[j], y);
                assertArrayEquals(seenA[i * qs.length + j], y, "slot " + i + " node " + qs[j]);
            }
        }
    }

    /**
     * The midpoint of a macro step, given both ends, is Gaussian with mean (start + end) / 2 and
     * variance d(m) dt / 2 per coordinate. 60000 samples (20000 particles x 3 coordinates): the mean
     * is checked to 5 standard errors and the variance to 5 standard errors of a variance
     * (sqrt(2 / n)), false-failure odds below 1e-6.
     */
    @Test
    void theMidpointHasTheBridgeLaw() {
        ModelSpec spec = spec("");
        int n = 20000;
        int[] ids = new int[n];
        int[] mass = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
            mass[i] = 1;
        }
        long[][] start = positions(n, 3);
        long[][] end = new long[3][n];
        double unit = spec.domain().unit();
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < n; i++) {
                end[c][i] = start[c][i] + (long) ((i % 7 - 3) * 1e-3 / unit);
            }
        }
        BridgePaths p = new BridgePaths(spec, 5);
        p.begin(0, ids, mass, start, end);
        double sigma = Math.sqrt(spec.diffusion().at(1) * spec.dt() / 2);
        double sum = 0;
        double sum2 = 0;
        long[] x = new long[3];
        for (int i = 0; i < n; i++) {
            p.position(i, 0, p.top() / 2, x);
            for (int c = 0; c < 3; c++) {
                long mid = start[c][i] + ((end[c][i] - start[c][i]) >> 1);
                double z = (double) (x[c] - mid) * unit / sigma;
                sum += z;
                sum2 += z * z;
            }
        }
        int m = 3 * n;
        double mean = sum / m;
        double var = sum2 / m - mean * mean;
        System.out.printf("bridge midpoint: mean %.4f (sd units), variance %.4f (expected 1)%n", mean, var);
        assertEquals(0, mean, 5 / Math.sqrt(m));
        assertEquals(1, var, 5 * Math.sqrt(2.0 / m));
    }
}
