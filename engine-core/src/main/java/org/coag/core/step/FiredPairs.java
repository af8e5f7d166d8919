package org.coag.core.step;

import java.util.Arrays;

/**
 * The pairs that fired in one step, and the one deterministic order in which they are applied.
 *
 * <p><b>Resolution order</b> (the same on every backend): pairs are sorted by (firing time tau,
 * lower id, higher id) and applied one by one; a pair is applied only if both partners are still
 * alive at that point ("first event wins"). A survivor of an earlier event in the same step keeps
 * colliding with its new mass; the firing decision of every pair was made with the masses and
 * positions at the start of the resolution phase, the survivor choice uses the masses at the moment
 * the pair is applied.
 *
 * <p>Layout: parallel arrays indexed 0..size-1 in insertion order; after {@link #sort()},
 * {@link #at(int) at(rank)} is the index of the pair of that rank in the resolution order.
 */
public final class FiredPairs {
    private int size;
    private double[] tau = new double[16];
    private int[] lo = new int[16];
    private int[] hi = new int[16];
    private int[] slotLo = new int[16];
    private int[] slotHi = new int[16];
    private double[] survivorDraw = new double[16];
    private int[] order = new int[16];
    private int[] scratch = new int[16];

    /** Empties the buffer. */
    public void clear() {
        size = 0;
    }

    /**
     * @param t firing time within the step
     * @param idLo lower id
     * @param idHi higher id
     * @param sLo slot of the lower id
     * @param sHi slot of the higher id
     * @param u1 survivor draw
     */
    public void add(double t, int idLo, int idHi, int sLo, int sHi, double u1) {
        if (size == tau.length) {
            int n = 2 * size;
            tau = Arrays.copyOf(tau, n);
            lo = Arrays.copyOf(lo, n);
            hi = Arrays.copyOf(hi, n);
            slotLo = Arrays.copyOf(slotLo, n);
            slotHi = Arrays.copyOf(slotHi, n);
            survivorDraw = Arrays.copyOf(survivorDraw, n);
        }
        tau[size] = t;
        lo[size] = idLo;
        hi[size] = idHi;
        slotLo[size] = sLo;
        slotHi[size] = sHi;
        survivorDraw[size] = u1;
        size++;
    }

    /**
     * Appends every pair of {@code other} (used to merge per-thread buffers).
     *
     * @param other another buffer
     */
    public void addAll(FiredPairs other) {
        for (int i = 0; i < other.size; i++) {
            add(other.tau[i], other.lo[i], other.hi[i], other.slotLo[i], other.slotHi[i], other.survivorDraw[i]);
        }
    }

    /** @return number of fired pairs */
    public int size() {
        return size;
    }

    /** Computes the resolution order (a merge sort on index arrays: no allocation once grown). */
    public void sort() {
        if (order.length < size) {
            order = new int[tau.length];
            scratch = new int[tau.length];
        }
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int width = 1; width < size; width *= 2) {
            for (int from = 0; from < size - width; from += 2 * width) {
                merge(from, from + width, Math.min(from + 2 * width, size));
            }
        }
    }

    private void merge(int from, int mid, int to) {
        System.arraycopy(order, from, scratch, from, to - from);
        int a = from;
        int b = mid;
        for (int k = from; k < to; k++) {
            if (b >= to || (a < mid && before(scratch[a], scratch[b]))) {
                order[k] = scratch[a++];
            } else {
                order[k] = scratch[b++];
            }
        }
    }

    /** (tau, lower id, higher id) order; pairs are distinct, so this is a total order. */
    private boolean before(int x, int y) {
        int c = Double.compare(tau[x], tau[y]);
        if (c != 0) {
            return c < 0;
        }
        return lo[x] != lo[y] ? lo[x] < lo[y] : hi[x] < hi[y];
    }

    /**
     * @param rank position in the resolution order, 0..size-1
     * @return index of the pair applied at that rank
     */
    public int at(int rank) {
        return order[rank];
    }

    /** @param i pair index @return lower id */
    public int lowerId(int i) {
        return lo[i];
    }

    /** @param i pair index @return higher id */
    public int higherId(int i) {
        return hi[i];
    }

    /** @param i pair index @return slot of the lower id */
    public int lowerSlot(int i) {
        return slotLo[i];
    }

    /** @param i pair index @return slot of the higher id */
    public int higherSlot(int i) {
        return slotHi[i];
    }

    /** @param i pair index @return survivor draw u1 */
    public double survivorDraw(int i) {
        return survivorDraw[i];
    }

    /** @param i pair index @return firing time */
    public double firingTime(int i) {
        return tau[i];
    }
}
