package org.coag.core.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hash's candidate pairs must contain every pair closer than the range (brute force, O(N^2)),
 * with no pair twice. Edge cases: particles exactly on cell faces and on the torus seam, clusters
 * straddling the seam, fewer than 3 cells per side, a range far below the box (many more cells
 * than particles), d = 2, 3, 4.
 */
class CandidatePairsTest {
    private static final double SIDE = 1.0;
    private static final double UNIT = SIDE * 0x1p-64;

    @ParameterizedTest(name = "d={0} range={1} layout={2}")
    @CsvSource({
        "2, 0.05, uniform", "3, 0.05, uniform", "4, 0.12, uniform",
        "2, 0.3, uniform", "3, 0.3, uniform", "4, 0.45, uniform",
        "2, 0.45, uniform", "3, 0.26, uniform",
        "2, 0.0625, faces", "3, 0.0625, faces", "4, 0.125, faces",
        "2, 0.01, seam", "3, 0.01, seam", "4, 0.02, seam",
        "3, 1e-7, seam", "3, 1e-7, cluster", "2, 1e-7, cluster", "4, 1e-6, cluster"})
    void candidatesContainEveryPairInRange(int dim, double range, String layout) {
        int n = dim == 4 ? 700 : 1500;
        long[][] pos = layout(dim, n, range, layout);
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = (i * 7919) % n;
        }
        SpatialHash hash = new SpatialHash(dim);
        hash.build(pos, n, SpatialHash.cellBitsFor(SIDE, range));
        Set<Long> found = new HashSet<>();
        new CandidatePairs(dim).scan(hash, pos, ids, n, range / UNIT, (i, j) -> {
            assertTrue(ids[i] < ids[j], "reported from the smaller id");
            assertTrue(found.add(key(i, j)), "pair (" + i + ", " + j + ") reported twice");
        });
        int inRange = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (distance2(pos, i, j) < range * range) {
                    inRange++;
                    assertTrue(found.contains(ids[i] < ids[j] ? key(i, j) : key(j, i)),
                            "pair in range missed: " + i + ", " + j + " at distance " + Math.sqrt(distance2(pos, i, j)));
                }
            }
        }
        assertTrue(inRange > 0, "the layout must produce pairs in range, or the test proves nothing");
    }

    private static long key(int i, int j) {
        return ((long) i << 32) | j;
    }

    private static double distance2(long[][] pos, int i, int j) {
        double r2 = 0;
        for (long[] p : pos) {
            double dx = (double) (p[i] - p[j]) * UNIT;
            r2 += dx * dx;
        }
        return r2;
    }

    /** uniform: whole box; faces: coordinates on the cell grid; seam/cluster: around the box seam / one point. */
    private static long[][] layout(int dim, int n, double range, String layout) {
        SplittableRandom r = new SplittableRandom(dim * 1000L + n);
        int bits = SpatialHash.cellBitsFor(SIDE, range);
        long[][] pos = new long[dim][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < dim; k++) {
                switch (layout) {
                    case "faces":
                        long cells = 1L << bits;
                        pos[k][i] = (r.nextLong(cells) << (64 - bits)) + (r.nextInt(3) - 1);
                        break;
                    case "seam":
                        pos[k][i] = Long.MIN_VALUE + (long) ((r.nextDouble() - 0.5) * 6 * range / UNIT);
                        break;
                    case "cluster":
                        pos[k][i] = (1L << 40) + (long) ((r.nextDouble() - 0.5) * 4 * range / UNIT);
                        break;
                    default:
                        pos[k][i] = r.nextLong();
                }
            }
        }
        return pos;
    }

    @ParameterizedTest(name = "range {0}")
    @CsvSource({"0.6, 0", "0.5, 1", "0.3, 1", "0.25, 2", "1e-7, 23"})
    void cellBitsGiveCellsAtLeastTheRange(double range, int expectedBits) {
        int bits = SpatialHash.cellBitsFor(SIDE, range);
        assertEquals(expectedBits, bits);
        assertTrue(SIDE / Math.pow(2, bits) >= range || bits == 0);
    }
}
