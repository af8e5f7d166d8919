package org.coag.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link KeySort} against a stable library sort of (key, position) on the inputs a row sort sees:
 * shuffled rows (a new grid), sorted rows with a few entries out of place (particles that moved),
 * runs of equal keys, and keys at both ends of the long range (a torus coordinate xor 2^63), for
 * every length from 0 to past the insertion-sort cut-off.
 */
class KeySortTest {
    @Test
    void sortsLikeAStableLibrarySort() {
        SplittableRandom r = new SplittableRandom(5);
        for (int n = 0; n <= 300; n++) {
            for (int pattern = 0; pattern < 4; pattern++) {
                long[] keys = keys(r, n, pattern);
                int[] slots = new int[n];
                for (int i = 0; i < n; i++) {
                    slots[i] = 1000 + i;
                }
                Integer[] order = new Integer[n];
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, Comparator.comparingLong((Integer i) -> keys[i]).thenComparingInt(i -> i));
                int[] wantSlots = new int[n];
                long[] wantKeys = new long[n];
                for (int i = 0; i < n; i++) {
                    wantSlots[i] = slots[order[i]];
                    wantKeys[i] = keys[order[i]];
                }
                KeySort.sort(slots, keys, n, new int[n], new long[n]);
                assertArrayEquals(wantKeys, keys, "keys, n = " + n + ", pattern " + pattern);
                assertArrayEquals(wantSlots, slots, "slots (stable), n = " + n + ", pattern " + pattern);
            }
        }
    }

    /** 0: uniform over the long range; 1: sorted with a few moved; 2: few distinct values; 3: reversed runs near the ends. */
    private static long[] keys(SplittableRandom r, int n, int pattern) {
        long[] k = new long[n];
        for (int i = 0; i < n; i++) {
            k[i] = switch (pattern) {
                case 0 -> r.nextLong();
                case 1 -> (long) i << 40;
                case 2 -> r.nextInt(3) - 1L;
                default -> i % 2 == 0 ? Long.MAX_VALUE - i : Long.MIN_VALUE + n - i;
            };
        }
        if (pattern == 1) {
            for (int m = 0; m < Math.min(4, n); m++) {
                k[r.nextInt(n)] = r.nextLong();
            }
        }
        return k;
    }
}
