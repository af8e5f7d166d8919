package org.coag.cpu;

/**
 * Sorts slot indices by 64-bit keys, ascending and stable: a natural merge sort, so a sorted row
 * costs one pass, a sorted row with a few movers appended one merge, and a shuffled row (a new
 * grid) n log n. Short lists use insertion sort.
 */
final class KeySort {
    private static final int INSERTION = 16;

    private KeySort() {
    }

    /**
     * @param slot slot indices, [0, n)
     * @param key their keys, [0, n), permuted with them
     * @param n count
     * @param slotScratch at least n entries
     * @param keyScratch at least n entries
     */
    static void sort(int[] slot, long[] key, int n, int[] slotScratch, long[] keyScratch) {
        if (n <= INSERTION) {
            insertion(slot, key, n);
            return;
        }
        if (runEnd(key, 0, n) == n) {
            return;
        }
        int[] s = slot;
        long[] k = key;
        int[] ts = slotScratch;
        long[] tk = keyScratch;
        while (true) {
            int runs = 0;
            int out = 0;
            int a = 0;
            while (a < n) {
                int mid = runEnd(k, a, n);
                int end = mid < n ? runEnd(k, mid, n) : n;
                merge(s, k, a, mid, end, ts, tk, out);
                out += end - a;
                a = end;
                runs++;
            }
            int[] xs = s;
            s = ts;
            ts = xs;
            long[] xk = k;
            k = tk;
            tk = xk;
            if (runs == 1) {
                break;
            }
        }
        if (s != slot) {
            System.arraycopy(s, 0, slot, 0, n);
            System.arraycopy(k, 0, key, 0, n);
        }
    }

    private static int runEnd(long[] k, int from, int n) {
        int i = from + 1;
        while (i < n && k[i - 1] <= k[i]) {
            i++;
        }
        return i;
    }

    private static void merge(int[] s, long[] k, int a, int mid, int end, int[] ts, long[] tk, int out) {
        int i = a;
        int j = mid;
        int o = out;
        while (i < mid && j < end) {
            if (k[j] < k[i]) {
                ts[o] = s[j];
                tk[o++] = k[j++];
            } else {
                ts[o] = s[i];
                tk[o++] = k[i++];
            }
        }
        while (i < mid) {
            ts[o] = s[i];
            tk[o++] = k[i++];
        }
        while (j < end) {
            ts[o] = s[j];
            tk[o++] = k[j++];
        }
    }

    private static void insertion(int[] slot, long[] key, int n) {
        for (int i = 1; i < n; i++) {
            long k = key[i];
            int s = slot[i];
            int j = i - 1;
            while (j >= 0 && key[j] > k) {
                key[j + 1] = key[j];
                slot[j + 1] = slot[j];
                j--;
            }
            key[j + 1] = k;
            slot[j + 1] = s;
        }
    }
}
