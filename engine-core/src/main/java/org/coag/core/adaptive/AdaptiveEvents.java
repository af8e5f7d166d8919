package org.coag.core.adaptive;

import java.util.Arrays;

/**
 * Collisions found in one macro step, before resolution: a pair that fired on a finest
 * sub-interval, with its firing time inside the macro step, the survivor draw, and the generations
 * of both paths it was found on (a later redraw of either makes it stale beyond the redraw's
 * junction). Sorted by (time, lower id, higher id), the order every backend applies them in.
 */
public final class AdaptiveEvents {
    private int size;
    private double[] time = new double[16];
    private int[] lo = new int[16];
    private int[] hi = new int[16];
    private int[] slotLo = new int[16];
    private int[] slotHi = new int[16];
    private double[] survivor = new double[16];
    private long[] interval = new long[16];
    private int[] genLo = new int[16];
    private int[] genHi = new int[16];

    /** Empties the list. */
    public void clear() {
        size = 0;
    }

    /** @return events held */
    public int size() {
        return size;
    }

    void add(double t, int idLo, int idHi, int sLo, int sHi, double u1, long q, int gLo, int gHi) {
        if (size == time.length) {
            int n = 2 * size;
            time = Arrays.copyOf(time, n);
            lo = Arrays.copyOf(lo, n);
            hi = Arrays.copyOf(hi, n);
            slotLo = Arrays.copyOf(slotLo, n);
            slotHi = Arrays.copyOf(slotHi, n);
            survivor = Arrays.copyOf(survivor, n);
            interval = Arrays.copyOf(interval, n);
            genLo = Arrays.copyOf(genLo, n);
            genHi = Arrays.copyOf(genHi, n);
        }
        time[size] = t;
        lo[size] = idLo;
        hi[size] = idHi;
        slotLo[size] = sLo;
        slotHi[size] = sHi;
        survivor[size] = u1;
        interval[size] = q;
        genLo[size] = gLo;
        genHi[size] = gHi;
        size++;
    }

    /**
     * Appends every event of another list (the per-thread lists of a parallel backend).
     *
     * @param other events found elsewhere
     */
    public void addAll(AdaptiveEvents other) {
        for (int e = 0; e < other.size; e++) {
            add(other.time[e], other.lo[e], other.hi[e], other.slotLo[e], other.slotHi[e], other.survivor[e], other.interval[e],
                    other.genLo[e], other.genHi[e]);
        }
    }

    /** @return true when event a comes before event b: (time, lower id, higher id) */
    boolean before(int a, int b) {
        if (time[a] != time[b]) {
            return time[a] < time[b];
        }
        if (lo[a] != lo[b]) {
            return lo[a] < lo[b];
        }
        return hi[a] < hi[b];
    }

    double time(int e) {
        return time[e];
    }

    int lowerId(int e) {
        return lo[e];
    }

    int higherId(int e) {
        return hi[e];
    }

    int lowerSlot(int e) {
        return slotLo[e];
    }

    int higherSlot(int e) {
        return slotHi[e];
    }

    double survivorDraw(int e) {
        return survivor[e];
    }

    long interval(int e) {
        return interval[e];
    }

    int lowerGeneration(int e) {
        return genLo[e];
    }

    int higherGeneration(int e) {
        return genHi[e];
    }
}
