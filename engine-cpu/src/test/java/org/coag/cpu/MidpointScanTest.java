package org.coag.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.coag.core.adaptive.BridgeBound;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The adaptive candidate search of the cpu backend ({@link MidpointScan}) against brute force over
 * all pairs: every pair that {@link BridgeBound#candidate} accepts is handed over, each pair at
 * most once, with the squared midpoint distance computed as the worker computes it and the slots'
 * own ids, masses and half-lengths, however the sorted positions and long segments are split among
 * workers. Segments have Gaussian lengths plus a few up to six times longer, so the long-segment
 * search, the row runs across the torus seam (and the small-torus grid) and the free-space grid
 * are all exercised; pairs lie within a few ulps of the threshold only by chance.
 */
class MidpointScanTest {
    private static final double UNIT = Math.scalb(1.0, -64);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(true, 3, 6000, 1),
                Arguments.of(true, 3, 6000, 3),
                Arguments.of(true, 2, 4000, 2),
                Arguments.of(true, 3, 40, 2),
                Arguments.of(false, 3, 5000, 2),
                Arguments.of(false, 2, 3000, 1));
    }

    @ParameterizedTest(name = "torus {0} d = {1} N = {2} workers = {3}")
    @MethodSource("cases")
    void handsOverEveryCandidateOnce(boolean torus, int dim, int n, int workers) {
        SplittableRandom random = new SplittableRandom(31L * n + dim + (torus ? 1 : 0));
        double side = torus ? 1.0 : 0.5;
        double spacing = side / Math.pow(n, 1.0 / dim);
        long[][] mid = new long[dim][n];
        double[] half = new double[n];
        int[] ids = new int[n];
        int[] masses = new int[n];
        double longest = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < dim; k++) {
                mid[k][i] = (long) ((random.nextDouble() - 0.5) * side / UNIT);
            }
            double len2 = 0;
            for (int k = 0; k < dim; k++) {
                double g = random.nextGaussian() * 0.22 * spacing;
                len2 += g * g;
            }
            half[i] = 0.5 * Math.sqrt(len2) * (random.nextInt(40) == 0 ? 6 : 1);
            longest = Math.max(longest, half[i]);
            ids[i] = 3 * i + 1;
            masses[i] = 1 + random.nextInt(3);
        }
        double base = 0.76 * spacing;
        double reach = (base + 2 * longest) * BridgeBound.SEARCH_MARGIN;
        MidpointScan scan = new MidpointScan(dim, UNIT);
        scan.build(mid, half, ids, masses, n, reach, base, torus);

        Map<Long, Double> handed = new HashMap<>();
        CandidateSink sink = (first, second, firstId, secondId, firstMass, secondMass, firstHalf, secondHalf, d2) -> {
            assertEquals(ids[first], firstId);
            assertEquals(ids[second], secondId);
            assertEquals(masses[first], firstMass);
            assertEquals(masses[second], secondMass);
            assertEquals(half[first], firstHalf);
            assertEquals(half[second], secondHalf);
            assertTrue(first != second, "a segment paired with itself");
            Double before = handed.put(key(first, second), d2);
            assertTrue(before == null, "pair " + first + ", " + second + " handed over twice");
        };
        int[] cells = new int[(int) Math.pow(3, dim)];
        for (int w = 0; w < workers; w++) {
            scan.scan(WorkerPool.chunkStart(w, workers, n), WorkerPool.chunkStart(w + 1, workers, n), sink, cells);
            int longs = scan.longCount();
            cells = scan.scanLong(longs * w / workers, longs * (w + 1) / workers, sink, cells);
        }

        int expected = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double d2 = 0;
                for (int k = 0; k < dim; k++) {
                    double dx = (double) (mid[k][i] - mid[k][j]) * UNIT;
                    d2 += dx * dx;
                }
                Double got = handed.get(key(i, j));
                if (BridgeBound.candidate(d2, 0, base, half[i], half[j])) {
                    expected++;
                    assertTrue(got != null, "candidate pair " + i + ", " + j + " not handed over");
                }
                if (got != null) {
                    assertEquals(Double.doubleToRawLongBits(d2), Double.doubleToRawLongBits(got), "d2 of " + i + ", " + j);
                }
            }
        }
        assertTrue(expected > n / 4, "too few candidates to test the search: " + expected);
        assertTrue(handed.size() <= expected + 2, "handed " + handed.size() + " for " + expected + " candidates (the lane test is the same bound)");
    }

    private static long key(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }
}
